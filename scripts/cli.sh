#!/usr/bin/env bash
# The command-line client, in a JVM of its own. See README.md for the commands and their output.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && [[ $# -eq 1 ]]; then
  cat <<'USAGE'
usage: scripts/cli.sh [--registry HOST:PORT] [--as USER:PASSWORD] [COMMAND ARGS...]

Given a command, runs it and exits 0, or prints the error on stderr and exits non-zero.
Given none, reads commands one per line from standard input (shell-style quoting), keeping the
session between lines. Type 'help' for the commands.
USAGE
  exit 0
fi
ensure_built >&2
# Small heap and fast start: the CLI does a handful of calls.
exec "$JAVA" $(java_flags) -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "$(client_classpath)" org.redditclone.client.cli.CliMain "$@"
