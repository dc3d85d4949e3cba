#!/usr/bin/env bash
# Shared by every script: where things are, how to build, how to start and recognise a JVM of
# ours, how to read options. Source it; do not run it.

# The physical path, so that processes started through a symbolic link are recognised as ours.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
# Pid files and logs; tests and parallel simulations point these elsewhere.
STATE_DIR="${REDDITCLONE_STATE:-$ROOT/.run}"
LOG_DIR="${REDDITCLONE_LOGS:-$ROOT/logs}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

API_JAR="$ROOT/rmi-api/target/rmi-api.jar"
SERVER_JAR="$ROOT/rmi-server/target/rmi-server.jar"
ENGINE_JAR="$ROOT/rmi-engine/target/rmi-engine.jar"
CLIENT_JAR="$ROOT/rmi-client/target/rmi-client.jar"
IN_PROCESS_JAR="$ROOT/in-process/target/in-process.jar"
SIM_MAIN=org.redditclone.client.sim.SimClientMain
COORDINATOR_MAIN=org.redditclone.client.coordinator.CoordinatorMain
# Every JVM that serves a read-only registry (a subclass of the JDK's; see SECURITY.md).
REGISTRY_EXPORTS="--add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED"
IN_PROCESS_MAIN=org.redditclone.inprocess.InProcessMain

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
usage_error() { echo "$(basename "$0"): $*" >&2; echo "try: $(basename "$0") --help" >&2; exit 2; }
log() { echo "$(basename "$0"): $*"; }

engine_classpath() { echo "$ENGINE_JAR:$ROOT/rmi-engine/target/lib/*"; }
client_classpath() { echo "$CLIENT_JAR:$ROOT/rmi-client/target/lib/*"; }
# The engine and the clients in one JVM (simulate.sh --in-process): the launcher's jar, then both.
in_process_classpath() { echo "$IN_PROCESS_JAR:$(engine_classpath):$(client_classpath)"; }

# The serialization filters of policy/ for every JVM we start (see the file for why). Also how
# process_is recognises our JVMs: their command line names this file.
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

# ---- Building ----

# Returns success when every jar and library folder is there and each jar is newer than its
# module's sources and pom and the parent pom (a deleted or added file makes its folder newer).
# Three finds: a few milliseconds.
jars_fresh() {
  local module jar
  for module in rmi-api rmi-server rmi-engine rmi-client in-process; do
    jar="$ROOT/$module/target/$module.jar"
    [[ -f "$jar" ]] || return 1
    [[ -z "$(find "$ROOT/pom.xml" "$ROOT/$module/pom.xml" "$ROOT/$module/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]] \
      || return 1
  done
  [[ -d "$ROOT/rmi-engine/target/lib" && -d "$ROOT/rmi-client/target/lib" ]]
}

# Builds the jars with Maven (tests skipped) when any is missing or older than a source or pom:
# a fresh clone, a git pull, an edit. Messages and Maven's output go to stderr.
ensure_built() {
  jars_fresh && return 0
  local - lock
  set -o pipefail
  # Two scripts may find the jars stale at once: the second waits for the first's build.
  exec {lock}<"$ROOT/pom.xml"
  if command -v flock >/dev/null; then flock "$lock"; fi
  if ! jars_fresh; then
    log "the jars are missing or older than the sources: building (mvn -B -q -DskipTests package)" >&2
    # Maven 3.8 prints colour resets ("ESC[0m") even with -B and colour off; strip them.
    if ! (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests -pl rmi-engine,rmi-client,in-process -am package 2>&1) \
        | sed "s/$(printf '\033')\[[0-9;]*[A-Za-z]//g" >&2; then
      exec {lock}<&-
      die "the build failed (above); run 'mvn -B package' in $ROOT to see it all"
    fi
    # The jar plugin leaves a jar alone when its classes did not change (a touched pom): mark
    # the jars as checked against today's sources, so the next script does not build again.
    touch "$API_JAR" "$SERVER_JAR" "$ENGINE_JAR" "$CLIENT_JAR" "$IN_PROCESS_JAR"
  fi
  exec {lock}<&-
}

# ---- Processes ----

# Writes a pid file for a process we started.
write_pid() { mkdir -p "$STATE_DIR"; echo "$2" >"$STATE_DIR/$1.pid"; }

# Returns success when process PID exists and has not exited. kill -0 is not enough: a killed
# process stays a zombie until its parent reaps it, which in a container without init is never.
process_running() {
  local state
  [[ "$1" =~ ^[0-9]+$ ]] || return 1
  if [[ -d /proc/self ]]; then
    state=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    state=${state##*) }
  else
    state=$(ps -o stat= -p "$1") || return 1
  fi
  [[ "$state" != [ZXx]* ]]
}

# Returns success when PID is running and is our JVM of kind NAME (engine, registry, client-K, in-process)
# from this checkout, not a program that got the pid of one that exited.
process_is() {
  local name=$1 pid=$2 cmdline
  process_running "$pid" || return 1
  if [[ -d /proc/self ]]; then
    cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  else
    cmdline=$(ps -o command= -p "$pid") || return 1
  fi
  [[ "$cmdline" == *"$(java_flags)"* ]] || return 1
  case "$name" in
    engine) [[ "$cmdline" == *org.redditclone.engine.EngineMain* ]] ;;
    registry) [[ "$cmdline" == *org.redditclone.engine.rmi.RegistryMain* || "$cmdline" == *rmiregistry* ]] ;;
    client-*) [[ "$cmdline" == *"$SIM_MAIN"* ]] ;;
    coordinator-*) [[ "$cmdline" == *"$COORDINATOR_MAIN"* ]] ;;
    in-process) [[ "$cmdline" == *"$IN_PROCESS_MAIN"* ]] ;;
    *) return 1 ;;
  esac
}

# Returns success when the pid file NAME names a running process of ours of that kind.
pid_alive() {
  local file="$STATE_DIR/$1.pid"
  [[ -f "$file" ]] && process_is "$1" "$(cat "$file")"
}

# Waits until ProbeMain MODE ADDRESS answers, or the process of pid file NAME dies, or SECONDS pass.
# With READY_LINE, the answer counts only once LOGFILE has a line starting with it: the process we
# started says it is the one serving, not another that already holds the address.
await_probe() {
  local mode=$1 address=$2 name=$3 seconds=$4 logfile=$5 ready_line=${6:-}
  local deadline=$((SECONDS + seconds))
  local pid
  pid=$(cat "$STATE_DIR/$name.pid")
  while ((SECONDS < deadline)); do
    # Not process_is: a process we have just started may not have become java yet.
    if ! process_running "$pid"; then
      echo "$(basename "$0"): the $name process died; the end of its log ($logfile):" >&2
      tail -n 30 "$logfile" >&2 || true
      rm -f "$STATE_DIR/$name.pid"
      exit 1
    fi
    if [[ -n "$ready_line" ]] && ! grep -q "^$ready_line" "$logfile" 2>/dev/null; then
      sleep 0.3
      continue
    fi
    if "$JAVA" $(java_flags) $(tls_flags client) -cp "$(client_classpath)" org.redditclone.client.connect.ProbeMain "$mode" "$address" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.3
  done
  echo "$(basename "$0"): the $name did not answer at $address within ${seconds}s; its log: $logfile" >&2
  exit 1
}

# Prints a loopback port that nothing answers on (bash's /dev/tcp, no extra tools), below the
# kernel's ephemeral range: a port there may be the local end of some outgoing connection, which
# answers nothing yet cannot be listened on.
free_port() {
  local candidate low=32768 high
  [[ -r /proc/sys/net/ipv4/ip_local_port_range ]] && read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  high=$((low > 12000 ? low : 61000))
  for _ in $(seq 1 50); do
    candidate=$((10000 + RANDOM % (high - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  die "found no free port on 127.0.0.1 after 50 tries"
}

# Keeps pid files and logs in DIR/state and DIR/logs, and stops what they name when the script
# exits, also on Ctrl-C or failure: stop.sh then stops exactly what this script started, and a
# registry or engine the user runs elsewhere with the default .run/ is left alone.
own_state_in() {
  export REDDITCLONE_STATE="$1/state" REDDITCLONE_LOGS="$1/logs"
  STATE_DIR="$REDDITCLONE_STATE"
  LOG_DIR="$REDDITCLONE_LOGS"
  trap stop_own_processes EXIT
  trap 'exit 130' INT TERM
}

stop_own_processes() {
  local status=$?
  trap - EXIT INT TERM
  "$ROOT/scripts/stop.sh" >&2 || true
  rmdir "$STATE_DIR" 2>/dev/null || true
  exit "$status"
}

# ---- Client JVMs ----

# Sets SIM_CLIENT to the command of a simulator JVM with the JVM flags given; run it as
# "${SIM_CLIENT[@]}" OPTIONS..., so that a background job's $! is the JVM itself.
# RMI resolves the class of each result through ContractClassLoaderSpi, which caches the contract's
# classes (0.3-2 us less per call, docs/PERFORMANCE.md; the filter is unchanged); a later
# -Djava.rmi.server.RMIClassLoaderSpi=default among the flags restores RMI's own provider.
sim_client_command() {
  SIM_CLIENT=("$JAVA" "$(java_flags)" -Djava.rmi.server.RMIClassLoaderSpi=org.redditclone.client.connect.ContractClassLoaderSpi
    "$@" -cp "$(client_classpath)" "$SIM_MAIN")
}

# Sets COORDINATOR to the command of a run coordinator JVM (TLS from $REDDITCLONE_TLS); run it as
# "${COORDINATOR[@]}" OPTIONS..., so that a background job's $! is the JVM itself.
coordinator_command() {
  # shellcheck disable=SC2046 # tls_flags prints several flags or none
  COORDINATOR=("$JAVA" "$(java_flags)" $REGISTRY_EXPORTS -Xmx512m -XX:+UseSerialGC $(tls_flags client)
    -cp "$(client_classpath)" "$COORDINATOR_MAIN")
}

# Returns (exit 2, with the coordinator's own message naming the option, the value and the rule)
# unless a run coordinator would accept the options: CoordinatorMain --check-options.
check_coordinator_options() {
  local message status=0
  message=$("$JAVA" -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$(client_classpath)" \
    "$COORDINATOR_MAIN" --check-options "$@" 2>&1) || status=$?
  ((status == 0)) && return 0
  ((status == 2)) && usage_error "$message"
  die "could not check the coordinator's options (exit $status): $message"
}

# Runs RunControlMain (reserve, not-started) against a run's coordinator.
run_control() {
  "$JAVA" "$(java_flags)" -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC $(tls_flags client) \
    -cp "$(client_classpath)" org.redditclone.client.coordinator.RunControlMain "$@"
}

# Sets CLIENT_FLAGS to the JVM flags of K client JVMs on this machine, before $CLIENT_JAVA_OPTS:
# - C1 only: a simulation lasts minutes, and C2 kept compiling and recompiling the clients'
#   serialization code for all of that time, costing 60-90% more CPU per call than C1's code
#   (docs/PERFORMANCE.md); CLIENT_JAVA_OPTS=-XX:TieredStopAtLevel=4 restores C2.
# - From SMALL_CLIENTS_FROM JVMs on, or with CLIENT_JVM=small (CLIENT_JVM=standard: never), small
#   JVMs: serial GC (no GC threads of its own), one compiler thread, a heap that starts small,
#   capped code cache and metaspace, smaller thread stacks, no perf-data file. Many client JVMs
#   share a few cores with the engine, and each needs little (docs/PERFORMANCE.md, "Starting
#   many client JVMs").
# - The class-data-sharing archive of client_cds_flags, when it can be made.
SMALL_CLIENTS_FROM=10
client_jvm_flags() {
  local k=$1 profile=${CLIENT_JVM:-auto} cds
  [[ "$profile" == auto || "$profile" == small || "$profile" == standard ]] \
    || usage_error "CLIENT_JVM '$profile' must be auto, small or standard"
  CLIENT_FLAGS=(-XX:TieredStopAtLevel=1)
  if [[ "$profile" == small ]] || { [[ "$profile" == auto ]] && ((k >= SMALL_CLIENTS_FROM)); }; then
    CLIENT_FLAGS+=(-XX:+UseSerialGC -XX:CICompilerCount=1 -Xms16m -XX:ReservedCodeCacheSize=32m
      -XX:MaxMetaspaceSize=96m -Xss512k -XX:-UsePerfData)
  fi
  cds=$(client_cds_flags)
  if [[ -n "$cds" ]]; then CLIENT_FLAGS+=("$cds"); fi
}

# ---- Class-data sharing for client JVMs ----
# One archive of the classes a client JVM loads, for each JDK: a client JVM maps them instead of
# loading, verifying and linking them from the jars. Made once by a short real client run against
# a throwaway engine, reused by every client JVM, made again when a client jar or the JDK changes.

# Prints the archive's path for the JDK of $JAVA.
client_archive() {
  local java_bin
  java_bin=$(readlink -f "$(command -v "$JAVA")")
  echo "$ROOT/rmi-client/target/cds/client-$(printf '%s' "$java_bin" | cksum | cut -d' ' -f1).jsa"
}

# Returns success when FILE exists and no client jar, library or the java binary is newer.
client_archive_fresh() {
  [[ -f "$1" ]] && [[ -z "$(find "$CLIENT_JAR" "$ROOT/rmi-client/target/lib" \
    "$(readlink -f "$(command -v "$JAVA")")" -newer "$1" -print -quit 2>/dev/null)" ]]
}

# Prints -XX:SharedArchiveFile=ARCHIVE, making the archive first when it is missing or stale; prints
# nothing, and says why on stderr, when it cannot be made: the client JVMs then start without it
# (as they do with CLIENT_JAVA_OPTS=-Xshare:off). A failed attempt is not repeated for the same jars.
client_cds_flags() {
  local archive lock
  archive=$(client_archive)
  if ! client_archive_fresh "$archive"; then
    client_archive_fresh "$archive.failed" && return 0
    mkdir -p "$(dirname "$archive")"
    # Two scripts may find it stale at once: the second waits for the first's archive.
    exec {lock}>"$archive.lock"
    if command -v flock >/dev/null; then flock "$lock"; fi
    if ! client_archive_fresh "$archive" && ! make_client_archive "$archive" >&2; then
      touch "$archive.failed"
      log "no class-data-sharing archive (above); client JVMs start without it" >&2
    fi
    exec {lock}>&-
    client_archive_fresh "$archive" || return 0
  fi
  echo "-XX:SharedArchiveFile=$archive"
}

# Makes the archive ARCHIVE (-XX:ArchiveClassesAtExit): starts an engine with its own registry on a
# free port and a data folder in a temporary folder, runs one client of 20 users for 2 s with
# every action of the mix and presence changes, and stops the engine. About 10 s, once.
make_client_archive() {
  local archive=$1 tmp port status=0
  log "making the client JVMs' class-data-sharing archive (once for these jars and this JDK): $archive"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/redditclone-cds.XXXXXX")
  port=$(free_port)
  (
    export REDDITCLONE_STATE="$tmp/state" REDDITCLONE_LOGS="$tmp/logs"
    unset REDDITCLONE_TLS
    trap '"$ROOT/scripts/stop.sh" >/dev/null 2>&1 || true' EXIT
    "$ROOT/scripts/start-engine.sh" --embedded-registry --registry "127.0.0.1:$port" \
      --password-cost 1000 --data-dir "$tmp/data" --heap 256m >/dev/null
    "$JAVA" "$(java_flags)" "-XX:ArchiveClassesAtExit=$tmp/client.jsa" -XX:TieredStopAtLevel=1 \
      -cp "$(client_classpath)" "$SIM_MAIN" --client-id 1 --out "$tmp/run" --registry "127.0.0.1:$port" \
      --users 20 --duration 2s --rate 50 --online-mean 1s --offline-mean 1s --seed 1 >"$tmp/client.log" 2>&1 \
      || { log "the archive's client run failed; the end of its log:"; tail -n 5 "$tmp/client.log"; exit 1; }
  ) || status=$?
  if ((status == 0)) && [[ -s "$tmp/client.jsa" ]]; then
    mv -f "$tmp/client.jsa" "$archive"
  else
    status=1
  fi
  rm -rf "$tmp"
  return "$status"
}

# Returns (exit 2, with the simulator's own message naming the option, the value and the rule)
# unless a client JVM would accept the options: SimClientMain --check-options, the same parser.
check_sim_options() {
  local SIM_CLIENT
  sim_client_command -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
  check_options_of "the simulator" "${SIM_CLIENT[@]}" --check-options "$@"
}

# The same for the engine's options: EngineMain --check-options.
check_engine_options() {
  check_options_of "the engine" "$JAVA" -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -cp "$(engine_classpath)" org.redditclone.engine.EngineMain --check-options "$@"
}

# Runs COMMAND..., a main's --check-options; exits 2 with its message if it refused the options.
check_options_of() {
  local what=$1 message status=0
  shift
  message=$("$@" 2>&1) || status=$?
  ((status == 0)) && return 0
  ((status == 2)) && usage_error "$message"
  die "could not check $what's options (exit $status): $message"
}

# Prints the first line of a client's log that tells why it stopped: not its banner, not a log
# line below ERROR.
first_error_line() {
  [[ -f "$1" ]] || { echo "(no log $1)"; return 0; }
  awk '!/^client=/ && !/^[0-9:.]+ +(TRACE|DEBUG|INFO|WARN) / && NF { print; found = 1; exit }
    END { if (!found) print "(no error in " FILENAME ")" }' "$1"
}

# Runs MergeMain (baseline or merge) with ARGS.
merge_run() {
  "$JAVA" "$(java_flags)" -Xmx512m -cp "$(client_classpath)" org.redditclone.client.merge.MergeMain "$@"
}

# Prints values of run files by key or column name (RunValueMain; docs/RUN-FILES.md), one line a
# file: scripts read run files through it, never by column position or from logs.
run_value() {
  "$JAVA" -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$(client_classpath)" \
    org.redditclone.client.runfiles.RunValueMain "$@"
}

# ---- Options ----

# Sets ARGS to the arguments with every --name=value split into --name value, so that each option
# takes both spellings; parse_options starts with it.
split_equals() {
  ARGS=()
  local arg
  for arg in "$@"; do
    if [[ "$arg" == --*=* ]]; then ARGS+=("${arg%%=*}" "${arg#*=}"); else ARGS+=("$arg"); fi
  done
}

# Parses a script's arguments: splits every --name=value (split_equals), answers -h and --help with
# the script's usage, and hands each other option to the script's own function take_option, called
# with the arguments left: it handles the option in $1, and its value in $2 when it takes one.
parse_options() {
  split_equals "$@"
  set -- "${ARGS[@]+"${ARGS[@]}"}"
  while (($#)); do
    case "$1" in
      -h|--help) usage; exit 0 ;;
    esac
    TAKEN=1
    take_option "$@"
    shift "$TAKEN"
  done
}

# Exits 2 unless option $1 has a non-empty value in $2; call it with the case branch's "$@". In
# take_option it also marks the value as taken (TAKEN=2), so that parse_options skips it.
need_value() { (($# >= 2)) && [[ -n "$2" ]] || usage_error "$1 needs a value"; TAKEN=2; }

# Takes the simulator option in $2 (with its value in $3, unless it is the flag --closed) into the
# array named $1, for the take_option of a script that passes the simulator's options on to its
# clients; an argument that is no option is refused.
sim_option() {
  local -n into=$1
  shift
  case "$1" in
    --closed) into+=("$1") ;;
    --*) need_value "$@"; into+=("$1" "$2") ;;
    *) usage_error "unexpected argument '$1'" ;;
  esac
}

# Exits 2 unless VALUE is a whole number MIN..MAX, naming option NAME.
check_number() {
  local name=$1 value=$2 min=$3 max=$4
  [[ "$value" =~ ^[0-9]{1,9}$ ]] && ((10#$value >= min && 10#$value <= max)) \
    || usage_error "$name '$value' must be a whole number $min..$max"
}

# Exits 2 unless VALUE is a JVM memory size like 512m, naming option NAME.
check_size() { [[ "$2" =~ ^[1-9][0-9]{0,8}[kKmMgG]?$ ]] || usage_error "$1 '$2' must be a size like 512m"; }

# Prints a run id PREFIX<timestamp> that names no folder in RUNS_DIR yet.
default_run_id() {
  local prefix=$1 runs_dir=$2 id
  id="$prefix$(date +%Y%m%d-%H%M%S)"
  while [[ -e "$runs_dir/$id" ]]; do id="$prefix$(date +%Y%m%d-%H%M%S)-$RANDOM"; done
  echo "$id"
}

# Exits 2 unless ID is a valid run id; with RUNS_DIR, also when RUNS_DIR/ID exists already.
check_run_id() {
  local id=$1 runs_dir=${2:-}
  [[ "$id" =~ ^[A-Za-z0-9._-]+$ ]] || usage_error "--run-id '$id' may hold only A-Z a-z 0-9 . _ -"
  if [[ -n "$runs_dir" && -e "$runs_dir/$id" ]]; then
    usage_error "--run-id '$id': $runs_dir/$id exists; give a new run id"
  fi
}
