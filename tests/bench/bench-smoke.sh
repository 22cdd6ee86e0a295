#!/usr/bin/env bash
# The `bench-smoke` test: the benchmark in --tiny mode against the broker of
# the test suite (KAFKA_BOOTSTRAP_SERVERS), results into the build directory.
# Fails when a contender fails or moves a wrong number of messages, or when
# the report is not written; asserts nothing about speed.
# Usage: bench-smoke.sh BUILD_DIR OUT_DIR
set -euo pipefail
if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  echo "KAFKA_BOOTSTRAP_SERVERS is not set: this test needs the real broker that" \
       "tests/run-tests.sh starts (or a broker of yours)" >&2
  exit 1
fi
build_dir=$1 out=$2
rm -f "$out"/benchmarks.md "$out"/benchmarks.json "$out"/benchmarks.png
"$(dirname "$0")/run-bench.sh" --tiny --bootstrap-servers "$KAFKA_BOOTSTRAP_SERVERS" \
  --build-dir "$build_dir" --out "$out"
for f in benchmarks.md benchmarks.json; do
  [ -s "$out/$f" ] || { echo "bench-smoke: $out/$f was not written" >&2; exit 1; }
done
if command -v gnuplot >/dev/null; then
  [ -s "$out/benchmarks.png" ] || { echo "bench-smoke: no plot" >&2; exit 1; }
fi
echo "bench-smoke: every contender ran; report in $out/benchmarks.md"
