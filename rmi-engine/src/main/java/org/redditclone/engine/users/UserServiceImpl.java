package org.redditclone.engine.users;

import java.util.Objects;
import org.redditclone.api.RedditException;
import org.redditclone.api.Session;
import org.redditclone.api.UserProfile;
import org.redditclone.api.UserService;

/** The remote user service: validates and delegates to the {@link UserManager}. */
public record UserServiceImpl(UserManager users) implements UserService {

  /** Checks that every part is there. */
  public UserServiceImpl {
    Objects.requireNonNull(users, "users");
  }

  @Override
  public void register(String username, String password) throws RedditException {
    users.register(username, password);
  }

  @Override
  public Session login(String username, String password) throws RedditException {
    return users.login(username, password);
  }

  @Override
  public void logout(String token) throws RedditException {
    users.logout(token);
  }

  @Override
  public UserProfile whoami(String token) throws RedditException {
    return users.authenticate(token).profile();
  }

  @Override
  public UserProfile profile(String username) throws RedditException {
    return users.byName(username).profile();
  }

  @Override
  public void goOnline(String token) throws RedditException {
    users.setOnline(token, true);
  }

  @Override
  public void goOffline(String token) throws RedditException {
    users.setOnline(token, false);
  }
}
