package org.redditclone.engine.messages;

import java.util.List;
import java.util.Objects;
import org.redditclone.api.Caller;
import org.redditclone.api.Message;
import org.redditclone.api.MessageService;
import org.redditclone.api.Page;
import org.redditclone.api.RedditException;
import org.redditclone.engine.requests.RequestKind;
import org.redditclone.engine.requests.Requests;

/** The remote message service: authenticates and delegates to the {@link MessageManager}. */
public record MessageServiceImpl(MessageManager messages, Requests requests)
    implements MessageService {

  /** Checks that every part is there. */
  public MessageServiceImpl {
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(requests, "requests");
  }

  @Override
  public Message send(Caller caller, String to, String subject, String body) throws RedditException {
    return requests.once(caller, RequestKind.MESSAGE,
        (user, id) -> messages.send(user, id, to, subject, body), messages::get);
  }

  @Override
  public Message reply(Caller caller, long messageId, String body) throws RedditException {
    return requests.once(caller, RequestKind.MESSAGE,
        (user, id) -> messages.reply(user, id, messageId, body), messages::get);
  }

  @Override
  public Page<Message> inbox(String token, boolean unreadOnly, String cursor, int limit)
      throws RedditException {
    return messages.inbox(requests.user(token), unreadOnly, cursor, limit);
  }

  @Override
  public Page<Message> sent(String token, String cursor, int limit) throws RedditException {
    return messages.sent(requests.user(token), cursor, limit);
  }

  @Override
  public void markRead(String token, long messageId) throws RedditException {
    messages.markRead(requests.user(token), messageId);
  }

  @Override
  public List<Message> conversation(String token, long messageId) throws RedditException {
    return messages.conversation(requests.user(token), messageId);
  }
}
