#!/usr/bin/env bash
# Compares run directories, as benchstat compares benchmarks: per operation the throughput, p50,
# p99, p99.9 and error rate of both sides, their change and whether it is significant.
#   scripts/compare.sh runs/A runs/B
#   scripts/compare.sh runs/a1 runs/a2 runs/a3 -- runs/b1 runs/b2 runs/b3
#   scripts/compare.sh --format md|csv --fail-on-regression 10 --html out.html runs/A runs/B
# --help prints every option. Exit status: 0 compared, 1 a significant regression beyond
# --fail-on-regression, 2 bad usage or an unreadable run.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_built >&2
exec "$JAVA" $(java_flags) -XX:TieredStopAtLevel=1 \
  -cp "$(client_classpath)" org.redditclone.client.compare.CompareMain "$@"
