#!/usr/bin/env bash
# The command-line client, in a JVM of its own. See README.md for the commands and their output.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && [[ $# -eq 1 ]]; then
  cat <<'USAGE'
usage: scripts/cli.sh [--tls DIR] [--registry HOST:PORT] [--as USER:PASSWORD] [COMMAND ARGS...]

Given a command, runs it and exits 0, or prints the error on stderr and exits non-zero.
Given none, reads commands one per line from standard input (shell-style quoting), keeping the
session between lines. Type 'help' for the commands.
--tls DIR (among the options, or $REDDITCLONE_TLS) speaks TLS with the client certificate of DIR, made by
scripts/make-certs.sh, to an engine started with --tls.
USAGE
  exit 0
fi
# --tls DIR among the leading options is the script's own; the rest goes to the CLI unchanged.
args=()
while (($#)); do
  case "$1" in
    --tls) need_value "$@"; export REDDITCLONE_TLS=$2; shift 2 ;;
    --registry|--as) args+=("$1" "${2:-}"); (($# >= 2)) && shift 2 || shift ;;
    -*) args+=("$1"); shift ;;
    *) break ;;
  esac
done
set -- "${args[@]+"${args[@]}"}" "$@"
ensure_built >&2
# Small heap and fast start: the CLI does a handful of calls.
exec "$JAVA" $(java_flags) $(tls_flags client) -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "$(client_classpath)" org.redditclone.client.cli.CliMain "$@"
