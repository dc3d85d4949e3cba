#!/usr/bin/env bash
# Shared by every script: where things are, how to build, how to start a JVM of ours.
# Source it; do not run it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Pid files and logs; tests and parallel simulations point these elsewhere.
STATE_DIR="${REDDITCLONE_STATE:-$ROOT/.run}"
LOG_DIR="${REDDITCLONE_LOGS:-$ROOT/logs}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

API_JAR="$ROOT/rmi-api/target/rmi-api.jar"
ENGINE_JAR="$ROOT/rmi-engine/target/rmi-engine.jar"
CLIENT_JAR="$ROOT/rmi-client/target/rmi-client.jar"

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
usage_error() { echo "$(basename "$0"): $*" >&2; echo "try: $(basename "$0") --help" >&2; exit 2; }
log() { echo "$(basename "$0"): $*"; }

engine_classpath() { echo "$ENGINE_JAR:$ROOT/rmi-engine/target/lib/*"; }
client_classpath() { echo "$CLIENT_JAR:$ROOT/rmi-client/target/lib/*"; }

# The serialization filters of policy/ for every JVM we start (see the file for why).
java_flags() { echo "-Djava.security.properties=$ROOT/policy/serial-filters.security"; }

# Returns success when ADDR is a loopback address or localhost.
is_loopback() { [[ "$1" == 127.* || "$1" == "::1" || "$1" == "localhost" || "$1" == "[::1]" ]]; }

# TLS with client certificates (see SECURITY.md): with $REDDITCLONE_TLS naming a folder made by
# scripts/make-certs.sh, prints the JSSE flags for ROLE (engine or client); otherwise nothing.
tls_flags() {
  local role=$1 dir="${REDDITCLONE_TLS:-}"
  [[ -n "$dir" ]] || return 0
  [[ -f "$dir/$role.p12" && -f "$dir/truststore.p12" && -f "$dir/password" ]] \
    || die "TLS folder '$dir' lacks $role.p12, truststore.p12 or password; make it with scripts/make-certs.sh --dir '$dir'"
  local pw
  pw=$(cat "$dir/password")
  echo "-Dredditclone.tls=true -Djavax.net.ssl.keyStore=$dir/$role.p12 -Djavax.net.ssl.keyStorePassword=$pw" \
    "-Djavax.net.ssl.keyStoreType=PKCS12 -Djavax.net.ssl.trustStore=$dir/truststore.p12" \
    "-Djavax.net.ssl.trustStorePassword=$pw -Djavax.net.ssl.trustStoreType=PKCS12"
}

# Builds the jars with Maven when any is missing (a fresh clone), tests skipped.
ensure_built() {
  if [[ -f "$API_JAR" && -f "$ENGINE_JAR" && -f "$CLIENT_JAR" && -d "$ROOT/rmi-client/target/lib" ]]; then
    return 0
  fi
  log "building (mvn -B -q -DskipTests package); this takes a minute on a fresh clone"
  (cd "$ROOT" && mvn -B -q -DskipTests package) || die "the build failed; run 'mvn -B package' in $ROOT to see why"
}

# Writes a pid file for a process we started.
write_pid() { mkdir -p "$STATE_DIR"; echo "$2" >"$STATE_DIR/$1.pid"; }

# Returns success when the pid in the named pid file is alive.
pid_alive() {
  local file="$STATE_DIR/$1.pid"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

# Waits until ProbeMain MODE ADDRESS answers, or the process of pid file NAME dies, or SECONDS pass.
await_probe() {
  local mode=$1 address=$2 name=$3 seconds=$4 logfile=$5
  local deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    if ! pid_alive "$name"; then
      echo "$(basename "$0"): the $name process died; the end of its log ($logfile):" >&2
      tail -n 30 "$logfile" >&2 || true
      rm -f "$STATE_DIR/$name.pid"
      exit 1
    fi
    if "$JAVA" $(java_flags) $(tls_flags client) -cp "$(client_classpath)" org.redditclone.client.connect.ProbeMain "$mode" "$address" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.3
  done
  echo "$(basename "$0"): the $name did not answer at $address within ${seconds}s; its log: $logfile" >&2
  exit 1
}
