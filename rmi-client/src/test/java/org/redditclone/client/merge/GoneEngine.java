package org.redditclone.client.merge;

import java.rmi.ConnectException;
import java.util.List;
import org.redditclone.api.EngineStats;
import org.redditclone.api.Subreddit;
import org.redditclone.api.WriteCounts;

/** An engine that cannot be reached: every call fails as a refused connection does. */
public final class GoneEngine implements LiveEngine {

  @Override
  public EngineStats stats() throws ConnectException {
    throw refused();
  }

  @Override
  public List<WriteCounts> writeCounts(String prefix) throws ConnectException {
    throw refused();
  }

  @Override
  public List<Subreddit> subredditsByMembers(int max) throws ConnectException {
    throw refused();
  }

  @Override
  public long posts(String subreddit) throws ConnectException {
    throw refused();
  }

  private static ConnectException refused() {
    return new ConnectException("Connection refused to host: 127.0.0.1");
  }
}
