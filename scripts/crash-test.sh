#!/usr/bin/env bash
# Kills the engine with SIGKILL (or fills its disk) in the middle of a run, starts it again on the
# same data directory, and checks that every write acknowledged to a client survived and that the
# invariants hold.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/crash-test.sh [--rounds N] [--port P] [--work DIR] [--writers W] [--fsync POLICY]
                             [--fault kill|disk-full] [--no-sim] [--sim-users N] [--before-kill S]
                             [--after-kill S]

Each round, in a fresh folder of its own:
  1. starts a registry and an engine (--fsync always unless told otherwise, password cost 1000,
     a snapshot every 500 events so that a snapshot and segment deletion happen during the run);
  2. runs a small simulation (scripts/start-clients.sh, 2 client JVMs) and W writer loops that
     post, comment and vote through scripts/cli.sh, logging the id of every acknowledged write;
  3. after --before-kill seconds strikes the fault, starts the engine again on the same data
     directory with scripts/start-engine.sh, and lets the run finish. --fault kill (the default)
     kills the engine with SIGKILL (kill -9 of its pid file). --fault disk-full keeps the data
     directory on a 64 MiB tmpfs of its own (needs root to mount it) and fills that with a file:
     the engine must refuse every call, say "No space left on device" and exit 1 by itself; the
     file is then removed (an operator making room) before the restart;
  4. checks every acknowledged post and comment is there (scripts/cli.sh show), every post's
     comment count equals its comments, every acknowledged upvote is counted; then stops the engine
     and starts it once more, whose startup check (karma = votes on the user's items, comment
     counts, member counts, from the journal's events) must say "invariants hold";
  5. checks the simulation's consistency with exact equality: what the engine holds of the
     simulated users' writes of the run (posts, comments, votes, messages, memberships,
     subreddits) equals what they were acknowledged, client by client, and the run's outside
     writes equal what the writer loops were acknowledged. Clients retry a change whose
     connection died with the same request id, which the engine applies at most once, so nothing
     applied is left unacknowledged and nothing is applied twice, through the crash.

  --rounds N        rounds to run; all must pass (default 5)
  --port P          registry port (default: a free one)
  --work DIR        where rounds keep data, pid files and logs (default target/crash-test)
  --writers W       writer loops (default 4)
  --fsync POLICY    the engine's --fsync (default always; always and interval promise that no
                    acknowledged write is lost to either fault, only always to a machine crash)
  --fault FAULT     kill (SIGKILL, the default) or disk-full (see 3.)
  --no-sim          no simulation, only the writer loops
  --sim-users N     users per simulation client: the simulator's --users (default 40)
  --before-kill S   seconds of running before the kill (default 8)
  --after-kill S    seconds of running after the restart (default 6)

Every option is checked before anything starts. Prints one summary line per round and exits 0
if every round passed, 1 if one failed, 2 on bad usage.
Everything it started is stopped on exit, pass or fail.
USAGE
}

rounds=5 port="" work="$ROOT/target/crash-test" writers=4 fsync=always fault=kill sim=1 sim_users=40
before_kill=8 after_kill=6
take_option() {
  case "$1" in
    --rounds) need_value "$@"; rounds=$2 ;;
    --port) need_value "$@"; port=$2 ;;
    --work) need_value "$@"; work=$2 ;;
    --writers) need_value "$@"; writers=$2 ;;
    --fsync) need_value "$@"; fsync=$2 ;;
    --fault) need_value "$@"; fault=$2 ;;
    --no-sim) sim=0 ;;
    --sim-users) need_value "$@"; sim_users=$2 ;;
    --before-kill) need_value "$@"; before_kill=$2 ;;
    --after-kill) need_value "$@"; after_kill=$2 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
}
parse_options "$@"
check_number --rounds "$rounds" 1 1000
[[ -z "$port" ]] || check_number --port "$port" 1 65535
check_number --writers "$writers" 1 64
[[ "$fsync" =~ ^(always|interval|none)$ ]] || usage_error "--fsync '$fsync' must be always, interval or none"
[[ "$fault" =~ ^(kill|disk-full)$ ]] || usage_error "--fault '$fault' must be kill or disk-full"
check_number --sim-users "$sim_users" 1 999999999 # its range: the simulator's --users, checked below
check_number --before-kill "$before_kill" 1 3600
check_number --after-kill "$after_kill" 1 3600

ensure_built
# What the simulation's clients get (scripts/start-clients.sh checks it again, but only after
# this script has started a registry and an engine).
sim_duration="$((before_kill + after_kill + 10))s"
((sim == 0)) || check_sim_options --client-id 2 --out "$work/sim-check" --users "$sim_users" --duration "$sim_duration"
[[ -n "$port" ]] || port=$(free_port)
registry="127.0.0.1:$port"
scripts="$ROOT/scripts"
mkdir -p "$work"
work="$(cd "$work" && pwd)"

cleanup() {
  local code=$?
  [[ -n "${stop_file:-}" ]] && touch "$stop_file"
  jobs -p | xargs -r kill 2>/dev/null || true
  [[ -n "${REDDITCLONE_STATE:-}" ]] && "$scripts/stop.sh" >/dev/null 2>&1 || true
  unmount_disk
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cli() { "$scripts/cli.sh" --registry "$registry" "$@"; }

engine_args() {
  echo --registry "$registry" --data-dir "$data_dir" --password-cost 1000 --fsync "$fsync" \
    --snapshot-every 500 --heap 512m
}

# --fault disk-full: the round's data directory lives on a tmpfs of its own, at $disk.
disk=""
mount_disk() {
  disk="$round_dir/disk"
  mkdir -p "$disk"
  mount -t tmpfs -o size=64m tmpfs "$disk" \
    || die "--fault disk-full mounts a 64 MiB tmpfs at $disk (mount -t tmpfs), which needs root"
}
unmount_disk() {
  if [[ -n "$disk" ]] && mountpoint -q "$disk"; then
    umount "$disk" 2>/dev/null || umount -l "$disk" || true
  fi
  disk=""
}

# Strikes the fault at the engine of $engine_pid and waits until that process is gone. For
# disk-full, sets $engine_said to the line in which the engine said why it stopped.
strike() {
  engine_said=""
  if [[ "$fault" == kill ]]; then
    kill -9 "$engine_pid"
  else
    dd if=/dev/zero of="$disk/filler" bs=1M 2>/dev/null || true # until "No space left on device"
  fi
  local waited=0
  while process_is engine "$engine_pid" && ((waited < 600)); do sleep 0.05; waited=$((waited + 1)); done
  if process_is engine "$engine_pid"; then
    engine_said="still running 30 s after its disk filled"
    kill -9 "$engine_pid"
    while process_is engine "$engine_pid"; do sleep 0.05; done
  elif [[ "$fault" == disk-full ]]; then
    engine_said=$(grep -h -o "engine stops: its journal in .* failed: [^;]*" "$REDDITCLONE_LOGS/engine.log" | tail -n 1 || true)
    rm -f "$disk/filler" # an operator makes room before the restart
  fi
}

# One writer: posts, comments on its post, upvotes it; logs each acknowledged write to $acked.
writer() {
  local w=$1 n=0 out id cid
  while [[ ! -e "$stop_file" ]]; do
    n=$((n + 1))
    if out=$(cli --as "writer$w:crashpw" post crash "post $w.$n" "body $w.$n" 2>>"$round_dir/writer-$w.err"); then
      id=$(sed -n 's/^id=\(p[0-9]*\) .*/\1/p' <<<"$out")
      echo "post $id" >>"$acked"
      if out=$(cli --as "writer$w:crashpw" comment "$id" "comment $w.$n" 2>>"$round_dir/writer-$w.err"); then
        cid=$(sed -n 's/^id=\(c[0-9]*\) .*/\1/p' <<<"$out")
        echo "comment $cid $id" >>"$acked"
      fi
      if cli --as "writer$w:crashpw" vote "$id" up >/dev/null 2>>"$round_dir/writer-$w.err"; then
        echo "upvote $id writer$w" >>"$acked"
      fi
    else
      sleep 0.2 # refused or unreachable (the engine is down): not acknowledged, so not logged
    fi
  done
}

# Prints "checked lost" for the acknowledged writes of $acked, and fails on any comment-count mismatch.
check_acked() {
  local shows="$round_dir/show.out"
  awk '$1 == "post" { print "show " $2 }' "$acked" | sort -u | cli >"$shows" 2>"$round_dir/show.err" || true
  awk -v acked="$acked" '
    BEGIN {
      while ((getline line < acked) > 0) {
        split(line, f, " ")
        if (f[1] == "post") { want_post[f[2]] = 1 }
        else if (f[1] == "comment") { want_comment[f[2]] = f[3] }
        else if (f[1] == "upvote") { ups_acked[f[2]]++ }
        total++
      }
    }
    /^id=p/ {
      post = ""; for (i = 1; i <= NF; i++) if ($i ~ /^id=p/) post = substr($i, 4)
      have_post[post] = 1
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^comments=/) claimed[post] = substr($i, 10)
        if ($i ~ /^ups=/) ups[post] = substr($i, 5)
        if ($i ~ /^score=/) score[post] = substr($i, 7)
      }
      next
    }
    /^id=c/ { c = substr($1, 4); have_comment[c] = post; listed[post]++ }
    END {
      lost = 0; bad = 0
      for (p in want_post) if (!(p in have_post)) { print "lost post " p > "/dev/stderr"; lost++ }
      for (c in want_comment) if (have_comment[c] != want_comment[c]) { print "lost comment " c " on " want_comment[c] > "/dev/stderr"; lost++ }
      for (p in ups_acked) if (!(p in score) || score[p] + 0 < ups_acked[p]) { print "lost upvote on " p ": score " score[p] " < " ups_acked[p] " acknowledged" > "/dev/stderr"; lost++ }
      for (p in have_post) if (claimed[p] + 0 != listed[p] + 0) { print "post " p " says comments=" claimed[p] " but shows " listed[p] > "/dev/stderr"; bad++ }
      print total, lost, bad
    }' "$shows"
}

# Prints PASS, or FAIL and why: the simulation's consistency check (runs/sim/consistency.txt)
# must pass on the run's own writes, and its outside writes (those of no client of the run) must be
# exactly what the writer loops were acknowledged: they write only after the run's baseline and
# stop before its merge.
sim_consistency() {
  local file="$round_dir/runs/sim/consistency.txt"
  if [[ ! -f "$file" ]]; then
    echo "FAIL no $file"
    return
  fi
  awk -v acked="$acked" '
    BEGIN {
      while ((getline line < acked) > 0) {
        split(line, f, " ")
        if (f[1] == "post") writers["posts"]++
        else if (f[1] == "comment") writers["comments"]++
        else if (f[1] == "upvote") writers["votes"]++
      }
    }
    /^consistency=/ { verdict = substr($0, 13) }
    /^consistency\.outside=/ {
      sub(/^consistency\.outside=/, "")
      for (i = 1; i <= NF; i++) {
        split($i, kv, "=")
        outside++
        if (kv[2] + 0 != writers[kv[1]] + 0) bad = bad " outside_" kv[1] "=" kv[2] ",writers=" writers[kv[1]] + 0
      }
    }
    END {
      if (verdict != "PASS") print "FAIL consistency=" verdict
      else if (outside == 0) print "FAIL no outside writes in consistency.txt"
      else if (bad != "") print "FAIL" bad
      else print "PASS"
    }' "$file"
}

# Waits for the engine log to say what its startup check found; prints that line.
startup_check_line() {
  grep -h -E "startup check after recovering" "$1" | tail -n 1
}

failed=0
for ((round = 1; round <= rounds; round++)); do
  round_dir="$work/round-$round-$$"
  rm -rf "$round_dir"
  mkdir -p "$round_dir"
  export REDDITCLONE_STATE="$round_dir/state" REDDITCLONE_LOGS="$round_dir/logs"
  acked="$round_dir/acked.txt"
  stop_file="$round_dir/stop"
  : >"$acked"
  data_dir="$round_dir/data"
  if [[ "$fault" == disk-full ]]; then
    mount_disk
    data_dir="$disk/data"
  fi

  "$scripts/start-registry.sh" --port "$port" >/dev/null
  # shellcheck disable=SC2046
  "$scripts/start-engine.sh" $(engine_args) >/dev/null
  for ((w = 1; w <= writers; w++)); do cli register "writer$w" crashpw >/dev/null; done
  cli --as writer1:crashpw create-sub crash "crash test writes" >/dev/null

  sim_pid=""
  if ((sim)); then
    "$scripts/start-clients.sh" --clients 2 --registry "$registry" --runs-dir "$round_dir/runs" \
      --run-id sim --users "$sim_users" --duration "$sim_duration" \
      >"$round_dir/sim.out" 2>&1 &
    sim_pid=$!
  fi
  if ((sim)); then
    # The simulation's consistency check counts from its baseline: writers start after it.
    for ((i = 0; i < 600; i++)); do
      [[ -f "$round_dir/runs/sim/baseline.properties" ]] && break
      sleep 0.1
    done
    [[ -f "$round_dir/runs/sim/baseline.properties" ]] \
      || die "the simulation recorded no baseline in 60 s; see $round_dir/sim.out"
  fi
  writer_pids=()
  for ((w = 1; w <= writers; w++)); do writer "$w" & writer_pids+=($!); done

  sleep "$before_kill"
  engine_pid=$(cat "$REDDITCLONE_STATE/engine.pid")
  acked_at_fault=$(wc -l <"$acked")
  strike
  cp "$REDDITCLONE_LOGS/engine.log" "$round_dir/engine-before-$fault.log"
  started=$(date +%s%N)
  # shellcheck disable=SC2046
  "$scripts/start-engine.sh" $(engine_args) >/dev/null
  restart_ms=$((($(date +%s%N) - started) / 1000000))
  recovered=$(grep -h -o "journal recovered [0-9]* events in [0-9]* ms" "$REDDITCLONE_LOGS/engine.log" | tail -n 1)
  after_crash_check=$(startup_check_line "$REDDITCLONE_LOGS/engine.log")
  cp "$REDDITCLONE_LOGS/engine.log" "$round_dir/engine-after-$fault.log"

  sleep "$after_kill"
  touch "$stop_file"
  wait "${writer_pids[@]}" 2>/dev/null || true
  sim_result="off" consistency="off" sim_status=0
  if [[ -n "$sim_pid" ]]; then
    wait "$sim_pid" || sim_status=$?
    # 3 is the merge's consistency failure: reported by sim_consistency below.
    if ((sim_status == 0 || sim_status == 3)); then sim_result="finished"; else sim_result="exit $sim_status (see $round_dir/sim.out)"; fi
    consistency=$(sim_consistency)
  fi

  read -r checked lost bad < <(check_acked)

  # A clean stop and one more start: its startup check covers every event of the round.
  engine_pid=$(cat "$REDDITCLONE_STATE/engine.pid")
  kill -TERM "$engine_pid"
  while process_is engine "$engine_pid"; do sleep 0.05; done
  cp "$REDDITCLONE_LOGS/engine.log" "$round_dir/engine-run.log"
  # shellcheck disable=SC2046
  "$scripts/start-engine.sh" $(engine_args) >/dev/null
  final_check=$(startup_check_line "$REDDITCLONE_LOGS/engine.log")
  final_recovered=$(grep -h -o "journal recovered [0-9]* events" "$REDDITCLONE_LOGS/engine.log" | tail -n 1)
  "$scripts/stop.sh" >/dev/null
  unmount_disk

  verdict=PASS
  if ((lost > 0 || bad > 0 || checked == 0)) || [[ "$after_crash_check" != *"invariants hold"* ]] \
      || [[ "$fault" == disk-full && "$engine_said" != *"No space left on device"* ]] \
      || [[ "$final_check" != *"invariants hold"* ]] || [[ "$sim_result" != finished && "$sim_result" != off ]] \
      || [[ "$consistency" != PASS && "$consistency" != off ]]; then
    verdict=FAIL
    failed=1
  fi
  echo "round $round: $verdict fault=$fault writes_acked_before_fault=$acked_at_fault writes_checked=$checked writes_lost=$lost" \
    "comment_count_mismatches=$bad restart_ms=$restart_ms ${recovered// /_} final_${final_recovered// /_}" \
    "simulation=${sim_result// /_} consistency=${consistency// /_} folder=$round_dir"
  [[ "$fault" == disk-full ]] && echo "  the engine said: ${engine_said:-nothing: it did not say why it stopped}"
  echo "  after the crash: ${after_crash_check#*: }"
  echo "  at the end:      ${final_check#*: }"
  unset REDDITCLONE_STATE
done
exit "$failed"
