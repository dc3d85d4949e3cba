#!/usr/bin/env bash
# Starts a run's coordinator and simulator client JVMs against a running engine, or joins the
# clients to the coordinator already serving that run id.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

clients=""
first_id=""
run_id=""
registry=127.0.0.1:1099
heap=512m
runs_dir="$ROOT/runs"
bind_address=127.0.0.1
coordinator_port=""
expect=""
sim_args=()
run_args=()

usage() {
  cat <<'USAGE'
usage: scripts/start-clients.sh --clients K [--first-client-id N] [--run-id ID] [--runs-dir DIR]
                                [--registry HOST:PORT] [--heap 512m] [--tls DIR]
                                [--duration 60s] [--warmup 0s] [--expect-clients K]
                                [--threshold EXPR]... [--abort-on-fail]
                                [--bind-address ADDR] [--coordinator-port P] [--http-port P]
                                [SIMULATOR OPTIONS...]

Starts the run's coordinator and K simulator JVMs against the engine. The coordinator owns the
run's clock: once the expected clients are set up, and after the warm-up, every client measures
the same window; it prints a live line every 2 s and the URL of a live page it serves on
127.0.0.1, reads the engine's GC and CPU each second, and at the end writes the run folder from
what the clients uploaded, merges it, checks it and writes report.html.
With --run-id ID of a run whose coordinator still serves, the K clients join that run instead
(ids reserved by the coordinator, or from --first-client-id): they measure from the next whole
second of its window until its end, and the first start-clients.sh prints the summary.

  --clients K            client JVMs to start (required)
  --first-client-id N    id of the first of them (default 1, or ids the coordinator reserves when
                         joining); ids are unique within a run
  --run-id ID            the run's folder name under the runs directory (default: a timestamp);
                         the id of a run whose coordinator serves joins it
  --runs-dir DIR         where run folders live (default runs/ in the project)
  --registry HOST:PORT   the engine's registry (default 127.0.0.1:1099)
  --heap SIZE            maximum heap of each client JVM (default 512m)
  --tls DIR              TLS with client certificates to the engine and for the coordinator (keys
                         from scripts/make-certs.sh; or $REDDITCLONE_TLS)
Options of the run (its coordinator's; refused when joining, where the run has them):
  --duration D           the measured window: 500ms, 30s, 2m (default 60s)
  --warmup D             load before the window once the expected clients are set up, recorded
                         apart (default 0s)
  --expect-clients K     how many clients the window waits for (default: --clients)
  --threshold EXPR       a pass/fail gate on the window, repeatable: OP.METRIC<VALUE or
                         OP.METRIC>VALUE; OP an operation or ALL; METRIC p50 p90 p99 p99.9 max mean
                         (VALUE a duration: 100ms), error_rate (a percentage: 0.1%) or throughput
                         (calls/s); e.g. ALL.p99<100ms post.p99.9<250ms ALL.error_rate<0.1%
  --abort-on-fail        end the run once a threshold has failed over at least 10 s of the window
  --bind-address ADDR    the address the coordinator listens on (default 127.0.0.1: this host);
                         clients on other hosts join with --coordinator ADDR:PORT (see SECURITY.md)
  --coordinator-port P   its port (default: a free one)
  --http-port P          the port of its live page on 127.0.0.1 (default: a free one)
  CLIENT_JAVA_OPTS       (environment) extra JVM flags for every client JVM, after the default
                         -XX:TieredStopAtLevel=1 (see below); with dozens of client JVMs on a
                         few cores, '-XX:+UseSerialGC -XX:CICompilerCount=1' also keeps their GC
                         threads from crowding out the engine
  SIMULATOR OPTIONS      passed to every client, for example --users 1000 --rate 200 |
                         --closed --concurrency 32, --mix ..., --seed S, --subreddits M,
                         --zipf-exponent S, --online-mean 20s, --offline-mean 5s; see the
                         simulator's own help:
                         java -cp 'rmi-client/target/rmi-client.jar:rmi-client/target/lib/*' \
                           org.redditclone.client.sim.SimClientMain --help

A client on another host takes part with only the coordinator's address, the engine's registry
and its simulator options (no shared folder; the coordinator must listen on an address that host
reaches, --bind-address):
  java -cp 'rmi-client/target/rmi-client.jar:rmi-client/target/lib/*' \
    -Djava.security.properties=policy/serial-filters.security \
    org.redditclone.client.sim.SimClientMain --coordinator HOST:PORT --registry HOST:PORT --users 500

Writes runs/<id>/: client-K.log (the output of each client started here), the clients' files as
they uploaded them, engine.csv, then merged.csv, timeline.csv, consistency.txt, thresholds.txt and
the rest from the merge, and report.html. The consistency check compares, per client, what the
engine holds of the writes of the client's users with what they were acknowledged; anyone else's
writes during the run (a person at the CLI, another run) are reported as outside writes, counted
from the engine's counts the coordinator records before the clients start (baseline.properties),
and never fail it.

Every option, the simulator's and the coordinator's included, is checked before anything starts
(their own parsers: --check-options); a bad one, a malformed --threshold among them, exits 2 with
a message naming it. A client that exits before its setup is done is reported as "client K failed
to start: <its first error line>" (the run stops waiting for it); the consistency check then says
"not checked" and the exit status is 1. A client that dies during the run is marked lost at its
last second; its seconds up to then count and the run goes on.

Exit status: 0 pass, 3 consistency check failed (wins over 4), 4 a threshold failed, 1 other
failure (a client failed to start, died, or left no report), 2 bad usage; when joining, 0 if every
client started here ended well, else 1. Ctrl-C or TERM stops the client JVMs started here (they
upload what they measured, status=stopped) and then the coordinator, which writes the run folder.
Pid files: $REDDITCLONE_STATE/client-K.pid and coordinator-ID.pid (default .run/), so
scripts/stop.sh stops them too; the coordinator's address is in coordinator-ID.address beside them.
USAGE
}

take_option() {
  case "$1" in
    --clients) need_value "$@"; clients=$2 ;;
    --first-client-id) need_value "$@"; first_id=$2 ;;
    --run-id) need_value "$@"; run_id=$2 ;;
    --runs-dir) need_value "$@"; runs_dir=$2 ;;
    --registry) need_value "$@"; registry=$2 ;;
    --heap) need_value "$@"; heap=$2 ;;
    --tls) need_value "$@"; export REDDITCLONE_TLS=$2 ;;
    --bind-address) need_value "$@"; bind_address=$2 ;;
    --coordinator-port) need_value "$@"; coordinator_port=$2 ;;
    --expect-clients) need_value "$@"; expect=$2 ;;
    --duration|--warmup|--threshold|--http-port) need_value "$@"; run_args+=("$1" "$2") ;;
    --abort-on-fail) run_args+=("$1") ;;
    --client-id|--out|--coordinator) usage_error "$1 is set by this script for each client; use --first-client-id and --run-id" ;;
    *) sim_option sim_args "$@" ;;
  esac
}
parse_options "$@"

[[ -n "$clients" ]] || usage_error "--clients is missing; it is required (how many client JVMs)"
check_number --clients "$clients" 1 1000
[[ -z "$first_id" ]] || check_number --first-client-id "$first_id" 1 $((10000 - clients))
[[ -z "$expect" ]] || check_number --expect-clients "$expect" 1 10000
[[ -z "$coordinator_port" ]] || check_number --coordinator-port "$coordinator_port" 1 65535
check_size --heap "$heap"
[[ -n "$run_id" ]] || run_id=$(default_run_id "" "$runs_dir")
check_run_id "$run_id"

ensure_built
run_dir="$runs_dir/$run_id"
address_file="$STATE_DIR/coordinator-$run_id.address"
joining=0
if pid_alive "coordinator-$run_id" && [[ -s "$address_file" ]]; then
  joining=1
  ((${#run_args[@]} == 0 && ${#expect} == 0)) \
    || usage_error "run $run_id has its coordinator already; --duration, --warmup, --expect-clients, --threshold, --abort-on-fail and --http-port are its own"
else
  if [[ -e "$run_dir/baseline.properties" ]] || compgen -G "$run_dir/client-*" >/dev/null; then
    usage_error "--run-id '$run_id': $run_dir holds a run and no coordinator of these scripts serves it; give a new run id"
  fi
  check_coordinator_options --run-dir "$run_dir" --registry "$registry" --bind-address "$bind_address" \
    --expect-clients "${expect:-$clients}" "${run_args[@]+"${run_args[@]}"}"
fi
# The highest id: the simulator checks that its usernames leave room for a run tag.
check_sim_options --coordinator 127.0.0.1:1 --client-id "$((${first_id:-9999 - clients + 1} + clients - 1))" \
  --registry "$registry" "${sim_args[@]+"${sim_args[@]}"}"

mkdir -p "$run_dir" "$STATE_DIR" "$LOG_DIR"
run_dir="$(cd "$run_dir" && pwd)"
shown_dir="$run_dir"
[[ "$run_dir" == "$PWD"/* ]] && shown_dir="${run_dir#"$PWD"/}"

coordinator_pid=""
if ((joining)); then
  address=$(cat "$address_file")
  if [[ -z "$first_id" ]]; then
    first_id=$(run_control reserve "$address" "$clients") || die "the coordinator of run $run_id at $address did not reserve $clients client ids"
  fi
  log "run $run_id: joining its coordinator at $address with $clients client(s) (ids $first_id..$((first_id + clients - 1)))"
else
  reserve=()
  [[ -n "$first_id" ]] || reserve=(--reserve-ids "$clients") # ids 1..K, whoever else joins
  first_id=${first_id:-1}
  port=${coordinator_port:-$(free_port)}
  rm -f "$address_file"
  coordinator_command
  log "run $run_id: $clients client(s) against $registry; folder $shown_dir"
  # The coordinator's output is this script's: the live line, then the run's summary.
  "${COORDINATOR[@]}" --run-dir "$run_dir" --registry "$registry" --bind-address "$bind_address" \
    --port "$port" --expect-clients "${expect:-$clients}" --address-file "$address_file" \
    "${reserve[@]+"${reserve[@]}"}" "${run_args[@]+"${run_args[@]}"}" &
  coordinator_pid=$!
  write_pid "coordinator-$run_id" "$coordinator_pid"
  for _ in $(seq 1 600); do
    [[ -s "$address_file" ]] && break
    if ! process_running "$coordinator_pid"; then
      status=0
      wait "$coordinator_pid" || status=$?
      rm -f "$STATE_DIR/coordinator-$run_id.pid"
      die "the coordinator of run $run_id exited (status $status) before it served; see above"
    fi
    sleep 0.1
  done
  [[ -s "$address_file" ]] || die "the coordinator of run $run_id did not serve within 60 s"
  address=$(cat "$address_file")
fi
last_id=$((first_id + clients - 1))
mapfile -t ids < <(seq "$first_id" "$last_id")

pids=()
stop_run() {
  trap - INT TERM
  log "stopping the client JVMs started here (they upload what they measured)"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 300); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for k in "${ids[@]}"; do rm -f "$STATE_DIR/client-$k.pid"; done
  if [[ -n "$coordinator_pid" ]]; then
    kill -TERM "$coordinator_pid" 2>/dev/null || true
    wait "$coordinator_pid" 2>/dev/null || true
    rm -f "$STATE_DIR/coordinator-$run_id.pid" "$address_file"
  fi
  exit 130
}
trap stop_run INT TERM

# C1 only, small JVMs when they are many, the class-data-sharing archive: see client_jvm_flags.
client_jvm_flags "$clients"
# shellcheck disable=SC2086,SC2046 # CLIENT_JAVA_OPTS and tls_flags hold several flags
sim_client_command "-Xmx$heap" "${CLIENT_FLAGS[@]}" ${CLIENT_JAVA_OPTS:-} $(tls_flags client)
for k in "${ids[@]}"; do
  [[ -e "$run_dir/client-$k.log" ]] && die "client $k already ran in $run_dir; give other ids with --first-client-id"
  "${SIM_CLIENT[@]}" --coordinator "$address" --client-id "$k" --registry "$registry" \
    "${sim_args[@]+"${sim_args[@]}"}" >"$run_dir/client-$k.log" 2>&1 &
  pids+=($!)
  write_pid "client-$k" $!
done
log "started clients ${ids[*]} (pids ${pids[*]}); their output: $shown_dir/client-K.log"

# A client that exits before its setup is done failed to start (a bad JVM flag, the engine out of
# reach): it never uploaded client-K.properties, which a client does once set up. The coordinator
# is told, so that the window does not wait for it; the consistency check says "not checked", as
# what the client was acknowledged is unknown.
failed=()
not_started=()
declare -A ended=()
check_clients() {
  local i k status
  for i in "${!pids[@]}"; do
    k=${ids[$i]}
    [[ -n "${ended[$k]:-}" ]] && continue
    kill -0 "${pids[$i]}" 2>/dev/null && continue
    status=0
    wait "${pids[$i]}" || status=$?
    ended[$k]=$status
    rm -f "$STATE_DIR/client-$k.pid"
    if ((status != 0)) && [[ ! -f "$run_dir/client-$k.properties" ]]; then
      not_started+=("$k")
      reason=$(first_error_line "$run_dir/client-$k.log")
      echo "$(basename "$0"): client $k failed to start: $reason" >&2
      run_control not-started "$address" "$k" "$reason" >/dev/null 2>&1 || true
    elif ((status != 0)); then
      failed+=("$k")
      echo "$(basename "$0"): client $k exited with status $status; the end of its log:" >&2
      tail -n 15 "$run_dir/client-$k.log" >&2 || true
    fi
  done
}

status=0
if ((joining)); then
  while ((${#ended[@]} < ${#pids[@]})); do
    sleep 0.5 &
    wait $! || true
    check_clients
  done
  trap - INT TERM
  log "clients ${ids[*]} ended; the coordinator of run $run_id prints the run's summary"
  ((${#failed[@]} + ${#not_started[@]} == 0)) || status=1
  exit "$status"
fi

while process_running "$coordinator_pid"; do
  sleep 0.5 &
  wait $! || true
  check_clients
done
wait "$coordinator_pid" || status=$?
rm -f "$STATE_DIR/coordinator-$run_id.pid" "$address_file"
# The coordinator ends once every client ended or was lost; a lost one may still be hung.
for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
check_clients
trap - INT TERM

((${#failed[@]} == 0)) || echo "$(basename "$0"): client(s) ${failed[*]} failed; see their logs in $shown_dir" >&2
((${#not_started[@]} == 0)) \
  || echo "$(basename "$0"): client(s) ${not_started[*]} failed to start; see their logs in $shown_dir" >&2
# The coordinator wrote report.html, the run page with the run's data in it, after the merge.
if [[ -f "$run_dir/report.html" ]]; then echo "report:  $shown_dir/report.html"; fi
echo "results: $shown_dir/merged.csv"
# A failed start is exit 1 whatever the merge said: the run did not happen as asked.
if ((${#not_started[@]} > 0 || (status == 0 && ${#failed[@]} > 0))); then status=1; fi
exit "$status"
