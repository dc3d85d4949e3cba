/**
 * The RMI edge: serialization filters, the bind-address socket factory, per-call accounting, and
 * the export, binding and clean shutdown of the service objects.
 */
package org.redditclone.engine.rmi;
