/** Subreddits, memberships and the list of all subreddits; the subreddit service object. */
package org.redditclone.engine.subreddits;
