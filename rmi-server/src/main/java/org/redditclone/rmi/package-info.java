/**
 * What every RMI server of redditclone needs, the engine and the run coordinator alike: one
 * listening address ({@link org.redditclone.rmi.RmiEndpoint}, {@link
 * org.redditclone.rmi.BindAddressServerSocketFactory}), TLS with client certificates ({@link
 * org.redditclone.rmi.RmiTls}), a cap on the size of each call, the JEP 290 allow-lists ({@link
 * org.redditclone.rmi.SerialFilters}) and a registry that only its owner changes ({@link
 * org.redditclone.rmi.ReadOnlyRegistry}, {@link org.redditclone.rmi.OwnRegistry}).
 */
package org.redditclone.rmi;
