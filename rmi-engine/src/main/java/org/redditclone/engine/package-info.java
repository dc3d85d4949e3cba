/**
 * The engine process: {@link org.redditclone.engine.EngineMain} parses the options, builds the
 * {@link org.redditclone.engine.Engine} (the managers of every feature wired together) and exports
 * its service objects over RMI.
 */
package org.redditclone.engine;
