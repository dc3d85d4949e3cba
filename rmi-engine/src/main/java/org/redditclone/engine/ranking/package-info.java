/**
 * Reddit's published ranking formulas (hot, top, new, controversial, best) as pure static
 * functions, and the sort keys that order listings and comment trees.
 */
package org.redditclone.engine.ranking;
