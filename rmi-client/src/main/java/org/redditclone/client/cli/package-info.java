/**
 * The command-line client: {@link org.redditclone.client.cli.CliMain} runs one command given on
 * the command line, or reads commands line by line from standard input, against a live engine,
 * and prints one {@code key=value} line per result so that scripts can read it.
 *
 * <p>Pieces, each small: {@code Tokenizer} splits a line with shell-style quoting, {@code Args}
 * checks a command's arguments, {@code Ids} reads and writes the kind-prefixed ids
 * ({@code p42}, {@code c17}, {@code m4}), {@code CommandTable} maps a name to a {@code Command}
 * whose parser turns arguments into an {@code Invocation}, {@code Output} writes the output lines,
 * {@code Shell} runs commands and turns failures into messages and exit codes.
 */
package org.redditclone.client.cli;
