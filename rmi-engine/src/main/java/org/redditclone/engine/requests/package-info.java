/**
 * Idempotent retries: which request ids each user's calls applied, so that a call repeated with
 * the same {@link org.redditclone.api.Caller} is answered from its first result and changes
 * nothing. The ids travel inside the events that apply them, so the table is rebuilt by replay.
 */
package org.redditclone.engine.requests;
