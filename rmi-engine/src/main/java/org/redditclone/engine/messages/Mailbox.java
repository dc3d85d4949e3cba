package org.redditclone.engine.messages;

import java.util.Collections;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One user's received, unread and sent messages, each by id newest first. */
final class Mailbox {

  final NavigableMap<Long, MessageEntity> inbox = newest();
  final NavigableMap<Long, MessageEntity> unread = newest();
  final NavigableMap<Long, MessageEntity> sent = newest();

  private static NavigableMap<Long, MessageEntity> newest() {
    Comparator<Long> descending = Collections.reverseOrder();
    return new ConcurrentSkipListMap<>(descending);
  }
}
