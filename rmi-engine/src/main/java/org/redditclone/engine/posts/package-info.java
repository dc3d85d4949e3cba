/**
 * Posts and reposts, the per-subreddit rank indexes that serve listings and feeds, deletion; the
 * post service object.
 */
package org.redditclone.engine.posts;
