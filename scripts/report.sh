#!/usr/bin/env bash
# (Re)writes RUN_DIR/report.html: the run's merged table and its charts (throughput, latency over
# time, latency percentile spectrum, users online, Zipf fit), self-contained.
#   scripts/report.sh runs/<id> [--out FILE]
# --help prints every option. Exit status: 0 written, 1 the run could not be read, 2 bad usage.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_built >&2
exec "$JAVA" $(java_flags) -Djava.awt.headless=true -XX:TieredStopAtLevel=1 \
  -cp "$(client_classpath)" org.redditclone.client.report.ReportMain "$@"
