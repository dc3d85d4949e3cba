/**
 * Accounts, password hashes, sessions, login throttling and presence; the user service object.
 */
package org.redditclone.engine.users;
