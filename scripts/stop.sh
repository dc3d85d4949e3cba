#!/usr/bin/env bash
# Stops what the scripts started, from the pid files: clients first, then run coordinators, the engine, the registry.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

case "${1:-}" in
  -h|--help)
    cat <<'USAGE'
usage: scripts/stop.sh

Stops every process the scripts started, from the pid files in $REDDITCLONE_STATE (default .run/):
client JVMs (they upload what they measured), then run coordinators (they write their run
folders), then the JVM of simulate.sh --in-process, then the engine, then the registry. Each
gets SIGTERM and 10 s to exit (a coordinator 30 s), then SIGKILL.
A pid file whose process has exited, or whose pid now belongs to another program, is removed
and nothing is signalled.
USAGE
    exit 0 ;;
  "") ;;
  *) usage_error "unknown argument '$1'" ;;
esac

# Stops the process a pid file names, if it is still ours: a pid file whose process exited (or is
# a zombie) or whose pid now belongs to another program is only removed.
stop_one() {
  local file=$1 name pid
  name=$(basename "$file" .pid)
  pid=$(cat "$file")
  local tenths=100
  [[ "$name" == coordinator-* ]] && tenths=300 # it merges the run before it exits
  if process_is "$name" "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 "$tenths"); do process_is "$name" "$pid" || break; sleep 0.1; done
    if process_is "$name" "$pid"; then
      log "$name (pid $pid) did not stop within $((tenths / 10)) s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

shopt -s nullglob
files=("$STATE_DIR"/client-*.pid)
for f in "${files[@]}"; do stop_one "$f"; done
files=("$STATE_DIR"/coordinator-*.pid)
for f in "${files[@]}"; do stop_one "$f"; rm -f "${f%.pid}.address"; done
for name in in-process engine registry; do
  [[ -f "$STATE_DIR/$name.pid" ]] && stop_one "$STATE_DIR/$name.pid"
done
exit 0
