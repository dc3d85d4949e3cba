#!/usr/bin/env bash
# Starts the engine JVM in the background; returns once every service answers.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

registry=127.0.0.1:1099
heap="${ENGINE_HEAP:-2g}"
engine_args=()
embedded=0
secret=
while (($#)); do
  case "$1" in
    --registry) need_value "$@"; registry=$2; engine_args+=(--registry "$2"); shift 2 ;;
    --heap) need_value "$@"; heap=$2; shift 2 ;;
    --embedded-registry) embedded=1; engine_args+=("$1"); shift ;;
    --tls) need_value "$@"; export REDDITCLONE_TLS=$2; shift 2 ;;
    --repair) engine_args+=("$1"); shift ;;
    --registry-secret) need_value "$@"; secret=$2; shift 2 ;;
    --data-dir|--password-cost|--bind-address|--port|--session-idle-timeout|--fsync|--fsync-interval|--snapshot-every)
      need_value "$@"; engine_args+=("$1" "$2"); shift 2 ;;
    -h|--help)
      cat <<'USAGE'
usage: scripts/start-engine.sh [--registry HOST:PORT] [--embedded-registry] [--registry-secret FILE]
                               [--data-dir DIR] [--password-cost N] [--bind-address ADDR] [--port P]
                               [--session-idle-timeout 24h] [--heap 2g] [--tls DIR]
                               [--fsync always|interval|none] [--fsync-interval 100ms]
                               [--snapshot-every N] [--repair]

Starts the engine JVM in the background and returns once every service answers in the registry.
  --registry HOST:PORT     the registry to bind into (default 127.0.0.1:1099)
  --embedded-registry      create the registry inside the engine instead of using rmiregistry
  --registry-secret FILE   the secret that lets the engine bind in the registry of
                           start-registry.sh (default: $REDDITCLONE_STATE/registry.secret when
                           it exists and --embedded-registry is not given)
  --data-dir DIR           where the engine keeps its data (default ./data)
  --password-cost N        PBKDF2 iterations per password (default: the engine's strong default)
  --bind-address ADDR      the address the engine listens on (default 127.0.0.1: this host only)
  --port P                 the port the services are exported on (default: any free port)
  --session-idle-timeout D sessions idle longer than D expire (default 24h)
  --fsync POLICY           journal forces: always (before each call returns), interval, none
  --fsync-interval D       how often --fsync interval forces (default 100ms)
  --snapshot-every N       journal events between snapshots (default 1000000; 0 = never)
  --repair                 start despite a damaged journal record, dropping it and what follows
  --heap SIZE              the engine's maximum heap (default 2g, or $ENGINE_HEAP)
Extra JVM flags (GC, JFR, RMI transport properties): $ENGINE_JAVA_OPTS, split on spaces.
  --tls DIR                TLS with client certificates on every socket, keys from DIR (made by
                           scripts/make-certs.sh; or $REDDITCLONE_TLS); needs --embedded-registry
Serving other hosts: --bind-address ADDR (an address of this host that they reach) with
--embedded-registry, or a registry started with the same --bind-address; see SECURITY.md.
Pid file: $REDDITCLONE_STATE/engine.pid (default .run/); log: $REDDITCLONE_LOGS/engine.log.
USAGE
      exit 0 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
done

check_size --heap "$heap"
if [[ -n "${REDDITCLONE_TLS:-}" ]] && ((!embedded)); then
  usage_error "--tls needs --embedded-registry (a separate registry would hand out stubs in the clear)"
fi

ensure_built
check_engine_options "${engine_args[@]}"
pid_alive engine && die "an engine started by these scripts is already running (pid $(cat "$STATE_DIR/engine.pid")); run scripts/stop.sh first"

# Only the engine binds in start-registry.sh's registry: it proves so with the registry's secret.
[[ -z "$secret" && -f "$STATE_DIR/registry.secret" ]] && ((!embedded)) && secret="$STATE_DIR/registry.secret"
[[ -n "$secret" ]] && engine_args+=(--registry-secret "$secret")

mkdir -p "$LOG_DIR" "$STATE_DIR"
logfile="$LOG_DIR/engine.log"
# --add-exports: the embedded registry is read-only, a subclass of the JDK's (see SECURITY.md)
nohup "$JAVA" $(java_flags) $(tls_flags engine) "-Xmx$heap" -XX:+UseG1GC ${ENGINE_JAVA_OPTS:-} \
  --add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED \
  -cp "$(engine_classpath)" org.redditclone.engine.EngineMain "${engine_args[@]}" >"$logfile" 2>&1 &
write_pid engine $!
await_probe engine "$registry" engine 60 "$logfile" "engine ready"
log "engine ready at $registry (pid $(cat "$STATE_DIR/engine.pid"), log $logfile)"
