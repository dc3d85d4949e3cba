/** Direct messages: sending, replies within a conversation, inbox, sent box, read marks. */
package org.redditclone.engine.messages;
