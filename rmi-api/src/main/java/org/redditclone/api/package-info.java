/**
 * The contract between the engine and its clients: the {@link java.rmi.Remote} service
 * interfaces, the records they exchange, the enums of closed choices, the checked domain
 * errors, the binding names in the registry and the validation rules of every input.
 *
 * <p>Nothing here depends on anything beyond the JDK, and nothing here holds logic beyond the
 * validation of values, so the registry and every client can load it alone.
 */
package org.redditclone.api;
