/**
 * Comments and replies at any depth, deletion, and the comment tree flattened depth-first by an
 * iterative walk (no recursion, so threads thousands of levels deep are safe); the comment service.
 */
package org.redditclone.engine.comments;
