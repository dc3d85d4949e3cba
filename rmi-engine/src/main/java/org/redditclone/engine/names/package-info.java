/**
 * What users and subreddits share: a dense id, a name shown as it was created and compared
 * ignoring case, and a creation time.
 */
package org.redditclone.engine.names;
