/**
 * The engine's state changes as immutable events, and the sink that observes them.
 *
 * <p>Every change of state is one {@link org.redditclone.engine.events.Event}, applied by one code
 * path in the manager that owns the state. An event carries everything needed to apply it again
 * (ids, times, the password hash), so replaying a recorded stream rebuilds the same state.
 */
package org.redditclone.engine.events;
