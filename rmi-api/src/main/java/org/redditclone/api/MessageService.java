package org.redditclone.api;

import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.List;

/**
 * Direct messages between two users. Bound as {@link Bindings#MESSAGES}. Sending takes a {@link
 * Caller}: a retry with the same one sends once and returns the first message. Marking read takes
 * only the token, as it is idempotent by nature: a read message stays read.
 */
public interface MessageService extends Remote {

  /** Sends a new message, which starts a conversation, and returns it. */
  Message send(Caller caller, String to, String subject, String body)
      throws RedditException, RemoteException;

  /**
   * Replies to a message the session user sent or received; the reply goes to the other party
   * and joins the same conversation.
   *
   * @throws ForbiddenException if the session user is not a party to the message
   */
  Message reply(Caller caller, long messageId, String body) throws RedditException, RemoteException;

  /** Returns a page of messages received, newest first; only unread ones if asked. */
  Page<Message> inbox(String token, boolean unreadOnly, String cursor, int limit)
      throws RedditException, RemoteException;

  /** Returns a page of messages sent, newest first. */
  Page<Message> sent(String token, String cursor, int limit) throws RedditException, RemoteException;

  /**
   * Marks a received message read.
   *
   * @throws ForbiddenException if the session user is not its recipient
   */
  void markRead(String token, long messageId) throws RedditException, RemoteException;

  /**
   * Returns the whole conversation of a message, oldest first.
   *
   * @throws ForbiddenException if the session user is not one of its two parties
   */
  List<Message> conversation(String token, long messageId) throws RedditException, RemoteException;
}
