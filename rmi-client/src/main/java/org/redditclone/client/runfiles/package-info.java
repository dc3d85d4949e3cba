/**
 * The files of a run directory: their names, the keys of their properties and the columns of
 * their CSV files, each with its meaning, and the one way to write a run file (atomically) and
 * to read and write a properties file. Written by the client processes, read by the merge, the
 * comparison, the report and the scripts (through {@code RunValueMain}); it depends on no other
 * package of the client.
 */
package org.redditclone.client.runfiles;
