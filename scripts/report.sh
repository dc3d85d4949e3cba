#!/usr/bin/env bash
# (Re)writes RUN_DIR/report.html: the run page with the run's data in it (merged table, thresholds,
# interactive charts, percentile spectrum, Zipf fit, configuration), self-contained.
#   scripts/report.sh runs/<id> [--out FILE]
# --help prints every option. Exit status: 0 written, 1 the run could not be read, 2 bad usage.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_built >&2
exec "$JAVA" $(java_flags) -XX:TieredStopAtLevel=1 \
  -cp "$(client_classpath)" org.redditclone.client.report.ReportMain "$@"
