package org.redditclone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redditclone.api.Caller;
import org.redditclone.api.Message;
import org.redditclone.api.Page;

final class MessagesTest {

  private Fixture f;
  private String alice;
  private String bob;

  @BeforeEach
  void setUp() throws Exception {
    f = new Fixture();
    alice = f.user("alice");
    bob = f.user("bob");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void sentMessage_isUnreadInRecipientsInboxAndInSendersSentBox() throws Exception {
    Message m = f.messages.send(Caller.of(alice), "BOB", "hello", "how are you?");
    assertEquals("alice", m.from());
    assertEquals("bob", m.to());
    assertEquals(m.id(), m.conversationId());
    assertEquals(0, m.inReplyTo());
    assertFalse(m.read());
    assertEquals(List.of(m), f.messages.inbox(bob, true, null, 10).items());
    assertEquals(List.of(m), f.messages.sent(alice, null, 10).items());
    assertEquals(List.of(), f.messages.inbox(alice, false, null, 10).items());
  }

  @Test
  void markRead_removesFromUnreadButKeepsInInbox() throws Exception {
    Message m = f.messages.send(Caller.of(alice), "bob", "hello", "body");
    f.messages.markRead(bob, m.id());
    f.messages.markRead(bob, m.id()); // twice is fine
    assertEquals(List.of(), f.messages.inbox(bob, true, null, 10).items());
    List<Message> inbox = f.messages.inbox(bob, false, null, 10).items();
    assertEquals(1, inbox.size());
    assertTrue(inbox.get(0).read());
  }

  @Test
  void replies_goToTheOtherParty_stayInTheConversation_inOrder() throws Exception {
    Message first = f.messages.send(Caller.of(alice), "bob", "lunch?", "at noon?");
    f.clock.advance(Duration.ofSeconds(1));
    Message answer = f.messages.reply(Caller.of(bob), first.id(), "yes");
    f.clock.advance(Duration.ofSeconds(1));
    Message again = f.messages.reply(Caller.of(alice), answer.id(), "great");
    f.clock.advance(Duration.ofSeconds(1));
    Message more = f.messages.reply(Caller.of(alice), first.id(), "bring a friend"); // sender replies to own message

    assertEquals("alice", answer.to());
    assertEquals("bob", again.to());
    assertEquals("bob", more.to());
    for (Message m : List.of(answer, again, more)) {
      assertEquals(first.id(), m.conversationId());
      assertEquals("lunch?", m.subject());
    }
    assertEquals(answer.id(), again.inReplyTo());
    List<Long> expected = List.of(first.id(), answer.id(), again.id(), more.id());
    assertEquals(expected, ids(f.messages.conversation(alice, more.id())));
    assertEquals(expected, ids(f.messages.conversation(bob, first.id())));
    assertEquals(List.of(more.id(), again.id(), first.id()),
        ids(f.messages.inbox(bob, true, null, 10).items()));
  }

  @Test
  void inbox_pagesNewestFirstWithoutLossOrRepeat() throws Exception {
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      sent.add(f.messages.send(Caller.of(alice), "bob", "n" + i, "b").id());
    }
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<Message> page = f.messages.inbox(bob, false, cursor, 5);
      seen.addAll(ids(page.items()));
      cursor = page.nextCursor();
    } while (cursor != null);
    java.util.Collections.reverse(sent);
    assertEquals(sent, seen);
    Page<Message> all = f.messages.sent(alice, null, 23);
    assertEquals(23, all.items().size());
    assertNull(all.nextCursor());
  }

  private static List<Long> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }
}
