#!/usr/bin/env bash
# Starts the JDK's rmiregistry in the background with rmi-api on its class path and the registry
# filter of policy/; returns once it answers lookups.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

port=1099
bind_address=127.0.0.1
while (($#)); do
  case "$1" in
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    -h|--help)
      cat <<'USAGE'
usage: scripts/start-registry.sh [--port P]

Starts the JDK rmiregistry in the background on port P (default 1099), with rmi-api on its class
path (so it can hold the engine's stubs) and the serialization filters of policy/.
Pid file: $REDDITCLONE_STATE/registry.pid (default .run/); log: $REDDITCLONE_LOGS/registry.log
(default logs/). Returns once the registry answers a lookup. Stop it with scripts/stop.sh.
The JDK rmiregistry listens on every interface; only what the engine binds is served, and by
default the engine's own objects listen on loopback only (see SECURITY notes in the README).
USAGE
      exit 0 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ ]] && ((port >= 1 && port <= 65535)) || usage_error "--port '$port' must be a number 1..65535"

ensure_built
pid_alive registry && die "a registry started by these scripts is already running (pid $(cat "$STATE_DIR/registry.pid")); run scripts/stop.sh first"
command -v "${JAVA_HOME:+$JAVA_HOME/bin/}rmiregistry" >/dev/null || die "rmiregistry not found; it comes with the JDK (set JAVA_HOME)"

mkdir -p "$LOG_DIR" "$STATE_DIR"
logfile="$LOG_DIR/registry.log"
CLASSPATH="$API_JAR" nohup "${JAVA_HOME:+$JAVA_HOME/bin/}rmiregistry" \
  "-J$(java_flags)" "-J-Djava.rmi.server.hostname=$bind_address" "$port" >"$logfile" 2>&1 &
write_pid registry $!
await_probe registry "$bind_address:$port" registry 30 "$logfile"
log "registry ready at $bind_address:$port (pid $(cat "$STATE_DIR/registry.pid"), log $logfile)"
