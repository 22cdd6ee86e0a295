#!/usr/bin/env bash
# The kafka-glib benchmark (issue #5), in one command:
#
#   tests/bench/run-bench.sh [--bootstrap-servers HOST:PORT] [--rounds N]
#                            [--quick|--tiny] [--out DIR] [--build-dir DIR]
#                            [--contenders R,G,G-list,GB,C,P,PB,J,JB] [--partitions N]
#                            [--skip throughput,latency,idle]
#   tests/bench/run-bench.py --report-only docs/benchmarks.json --out docs
#                            (rewrites the .md and .png from saved runs)
#
# Builds the C contenders if needed (meson, -Dtests=true, in --build-dir,
# default _build), starts the project's single-node broker with
# tests/broker/kafka-broker.sh unless --bootstrap-servers is given (and stops
# it on exit), runs every contender in turn over the rounds and writes
# benchmarks.md, benchmarks.json and benchmarks.png into --out (default docs/).
# The full default run takes about 10 minutes on a quiet 2-core machine,
# --quick about 3; --tiny (what the `bench-smoke` test runs) under a minute.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$SCRIPT_DIR/../.." && pwd)
build_dir=$SRC/_build
bootstrap=
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --bootstrap-servers) bootstrap=$2; shift 2 ;;
    --bootstrap-servers=*) bootstrap=${1#*=}; shift ;;
    --build-dir) build_dir=$(cd "$2" && pwd); shift 2 ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ ! -x "$build_dir/tests/bench/bench-raw" ] || [ ! -x "$build_dir/tests/bench/bench-glib" ]; then
  echo "run-bench: building in $build_dir" >&2
  (cd "$SRC" && BUILDDIR=$build_dir build-aux/build.sh -Dtests=true)
fi

own=()
if [ -z "$bootstrap" ]; then
  broker_dir=$(mktemp -d "${TMPDIR:-/tmp}/kafka-glib-bench.XXXXXX")
  trap '"$SRC/tests/broker/kafka-broker.sh" stop --dir "$broker_dir" || true; rm -rf "$broker_dir"' EXIT
  bootstrap=$("$SRC/tests/broker/kafka-broker.sh" start --dir "$broker_dir")
  own=(--own-broker)
fi

/usr/bin/python3 "$SCRIPT_DIR/run-bench.py" --bootstrap-servers "$bootstrap" \
  --build-dir "$build_dir" "${own[@]}" "--argv=${args[*]:-}" "${args[@]}"
