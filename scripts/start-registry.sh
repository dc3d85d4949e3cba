#!/usr/bin/env bash
# Starts the JDK's rmiregistry in the background with rmi-api on its class path and the registry
# filter of policy/; returns once it answers lookups.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

port=1099
bind_address=127.0.0.1
jdk_tool=0
while (($#)); do
  case "$1" in
    --port) need_value "$@"; port=$2; shift 2 ;;
    --bind-address) need_value "$@"; bind_address=$2; shift 2 ;;
    --jdk-rmiregistry) jdk_tool=1; shift ;;
    -h|--help)
      cat <<'USAGE'
usage: scripts/start-registry.sh [--port P] [--bind-address ADDR] [--jdk-rmiregistry]

Starts the JDK's RMI registry in the background on port P (default 1099), with rmi-api on its
class path (so it can hold the engine's stubs) and the serialization filters of policy/.
  --port P             the registry's port (default 1099)
  --bind-address ADDR  the one address it listens on (default 127.0.0.1: this host only); give
                       the address other hosts reach, and the same --bind-address to the engine
  --jdk-rmiregistry    run the JDK's rmiregistry tool instead. UNSAFE ON A SHARED HOST: any
                       local process may replace the engine's bindings in it (clients detect and
                       refuse a foreign stub, and the engine binds its own again within seconds).
                       It also listens on EVERY interface, so it is refused unless --bind-address
                       names a non-loopback address on purpose (see SECURITY.md)
By default the registry is the JDK's registry implementation run by a small main
(org.redditclone.engine.rmi.RegistryMain) that binds --bind-address only and is read-only to
every process but the engine that reads its secret, $REDDITCLONE_STATE/registry.secret (mode
0600, new at each start; start-engine.sh passes it to the engine).
Pid file: $REDDITCLONE_STATE/registry.pid (default .run/); log: $REDDITCLONE_LOGS/registry.log
(default logs/). Returns once the registry answers a lookup. Stop it with scripts/stop.sh.
USAGE
      exit 0 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
done
check_number --port "$port" 1 65535

ensure_built
pid_alive registry && die "a registry started by these scripts is already running (pid $(cat "$STATE_DIR/registry.pid")); run scripts/stop.sh first"
if ((jdk_tool)); then
  command -v "${JAVA_HOME:+$JAVA_HOME/bin/}rmiregistry" >/dev/null || die "rmiregistry not found; it comes with the JDK (set JAVA_HOME)"
  is_loopback "$bind_address" && usage_error "--jdk-rmiregistry listens on every interface, not on $bind_address; \
leave it out to listen on $bind_address only, or give --bind-address the non-loopback address to expose it on purpose"
  log "warning: the JDK rmiregistry listens on every interface of this host on port $port, and any local process may rebind its names"
fi

mkdir -p "$LOG_DIR" "$STATE_DIR"
logfile="$LOG_DIR/registry.log"
secret="$STATE_DIR/registry.secret"
if ((jdk_tool)); then
  rm -f "$secret" # the tool binds for anyone; a stale secret would send the engine to a door it lacks
  CLASSPATH="$API_JAR" nohup "${JAVA_HOME:+$JAVA_HOME/bin/}rmiregistry" \
    "-J$(java_flags)" "-J-Djava.rmi.server.hostname=$bind_address" "$port" >"$logfile" 2>&1 &
else
  # --add-exports: RegistryMain's read-only registry subclasses the JDK's (see SECURITY.md)
  nohup "$JAVA" $(java_flags) -Xmx128m --add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED \
    "-Djava.rmi.server.hostname=$bind_address" -cp "$(engine_classpath)" org.redditclone.engine.rmi.RegistryMain \
    --port "$port" --bind-address "$bind_address" --secret-file "$secret" >"$logfile" 2>&1 &
fi
write_pid registry $!
await_probe registry "$bind_address:$port" registry 30 "$logfile"
log "registry ready at $bind_address:$port (pid $(cat "$STATE_DIR/registry.pid"), log $logfile)"
