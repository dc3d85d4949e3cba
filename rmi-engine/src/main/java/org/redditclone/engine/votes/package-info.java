/**
 * Votes on posts and comments: the compact per-item vote tables, the vote counts of an item, and
 * the one code path that applies a vote to the score, the author's karma and the rank indexes;
 * and what else posts and comments share: their lookup by id, their deletion by the author, and
 * the remote calls that get, vote on, delete and create them.
 *
 * <p>Votes on deleted items are accepted like any other: a deleted item stays in its thread and
 * listing, so refusing votes on it would only make a race between vote and delete visible.
 */
package org.redditclone.engine.votes;
