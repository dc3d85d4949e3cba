package org.redditclone.client.cli;

import org.redditclone.client.cli.Ids.Kind;

/** Commands about direct messages. */
final class MessageCommands {

  private MessageCommands() {}

  static void addTo(CommandTable table) {
    table.add("dm", "USER SUBJECT BODY", "sends a direct message, starting a conversation",
        args -> {
          args.count(3);
          String to = args.get(0);
          String subject = args.get(1);
          String body = args.get(2);
          return Invocation.changing((context, caller) -> context.print(Output.sent(
              context.engine().messages().send(caller, to, subject, body))));
        });
    table.add("reply-dm", "MESSAGE_ID BODY", "replies to a message, in its conversation",
        args -> {
          args.count(2);
          long messageId = Ids.parse("MESSAGE_ID", args.get(0), Kind.MESSAGE);
          String body = args.get(1);
          return Invocation.changing((context, caller) -> context.print(Output.sent(
              context.engine().messages().reply(caller, messageId, body))));
        });
    table.add("inbox", "[unread] [LIMIT] [next=CURSOR]", "lists messages received, newest first",
        args -> {
          args.count(0, 3);
          boolean unread = args.size() > 0 && args.get(0).equals("unread");
          Args.Paging<?> paging = args.paging(unread ? 1 : 0);
          return Invocation.asUser((context, token) -> context.printPage(
              context.engine().messages()
                  .inbox(token, unread, paging.cursor(), paging.limit()),
              Output::message));
        });
    table.add("sent", "[LIMIT] [next=CURSOR]", "lists messages sent, newest first", args -> {
      args.count(0, 2);
      Args.Paging<?> paging = args.paging(0);
      return Invocation.asUser((context, token) -> context.printPage(
          context.engine().messages().sent(token, paging.cursor(), paging.limit()),
          Output::message));
    });
    table.add("conversation", "MESSAGE_ID", "lists a message's whole conversation, oldest first",
        args -> {
          args.count(1);
          long messageId = Ids.parse("MESSAGE_ID", args.get(0), Kind.MESSAGE);
          return Invocation.asUser((context, token) -> context.engine().messages()
              .conversation(token, messageId)
              .forEach(message -> context.print(Output.message(message))));
        });
    table.add("mark-read", "MESSAGE_ID", "marks a received message read", args -> {
      args.count(1);
      long messageId = Ids.parse("MESSAGE_ID", args.get(0), Kind.MESSAGE);
      return Invocation.asUser((context, token) -> {
        context.engine().messages().markRead(token, messageId);
        context.print(Line.of("read").add("id", Ids.format(Kind.MESSAGE, messageId)));
      });
    });
  }
}
