/**
 * The front page: a k-way merge of the rank indexes of the subreddits a user has joined, so a
 * page costs O(joined + limit * log joined), independent of the number of posts.
 */
package org.redditclone.engine.feed;
