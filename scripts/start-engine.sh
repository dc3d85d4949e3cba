#!/usr/bin/env bash
# Starts the engine JVM in the background; returns once every service answers.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

registry=127.0.0.1:1099
heap="${ENGINE_HEAP:-2g}"
engine_args=()
while (($#)); do
  case "$1" in
    --registry) registry="${2:?--registry needs HOST:PORT}"; engine_args+=(--registry "$2"); shift 2 ;;
    --heap) heap="${2:?--heap needs a size like 2g}"; shift 2 ;;
    --embedded-registry) engine_args+=("$1"); shift ;;
    --data-dir|--password-cost|--bind-address|--port|--session-idle-timeout)
      engine_args+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    -h|--help)
      cat <<'USAGE'
usage: scripts/start-engine.sh [--registry HOST:PORT] [--embedded-registry] [--data-dir DIR]
                               [--password-cost N] [--bind-address ADDR] [--port P]
                               [--session-idle-timeout 24h] [--heap 2g]

Starts the engine JVM in the background and returns once every service answers in the registry.
  --registry HOST:PORT     the registry to bind into (default 127.0.0.1:1099)
  --embedded-registry      create the registry inside the engine instead of using rmiregistry
  --data-dir DIR           where the engine keeps its data (default ./data)
  --password-cost N        PBKDF2 iterations per password (default: the engine's strong default)
  --bind-address ADDR      the address the engine listens on (default 127.0.0.1: this host only)
  --port P                 the port the services are exported on (default: any free port)
  --session-idle-timeout D sessions idle longer than D expire (default 24h)
  --heap SIZE              the engine's maximum heap (default 2g, or $ENGINE_HEAP)
Pid file: $REDDITCLONE_STATE/engine.pid (default .run/); log: $REDDITCLONE_LOGS/engine.log.
USAGE
      exit 0 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
done

ensure_built
pid_alive engine && die "an engine started by these scripts is already running (pid $(cat "$STATE_DIR/engine.pid")); run scripts/stop.sh first"

mkdir -p "$LOG_DIR" "$STATE_DIR"
logfile="$LOG_DIR/engine.log"
nohup "$JAVA" $(java_flags) "-Xmx$heap" -XX:+UseG1GC \
  -cp "$(engine_classpath)" org.redditclone.engine.EngineMain "${engine_args[@]}" >"$logfile" 2>&1 &
write_pid engine $!
await_probe engine "$registry" engine 60 "$logfile"
log "engine ready at $registry (pid $(cat "$STATE_DIR/engine.pid"), log $logfile)"
