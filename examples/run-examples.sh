#!/usr/bin/env bash
# Runs every example once, each on its own embedded mock cluster (no broker
# needed; the admin examples excepted, see below), with small message counts, against the build tree's library,
# typelib and VAPI-built Vala programs. Stops at the first example that exits
# non-zero (or runs longer than $EXAMPLE_TIMEOUT seconds, default 120), and
# exits non-zero then.
#
#   ninja -C _build              # or meson compile -C _build
#   examples/run-examples.sh     # BUILDDIR=... for another build directory
#
# The admin examples need a real broker (librdkafka's mock cluster has no
# admin API): they run against $KAFKA_BOOTSTRAP_SERVERS, which
# tests/run-tests.sh sets, and are skipped without it, unless
# KAFKA_GLIB_EXAMPLES_NEED_BROKER=1 (the "examples" test sets it) makes that
# a failure.
#
# Python examples run with Debian's /usr/bin/python3 (python3-gi is built for
# it), with the build tree's Python face. The Vala examples are skipped when the build has no VAPI (-Dvapi=false),
# the Python and GJS ones when it has no typelib (-Dintrospection=false).
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${BUILDDIR:-_build}
limit=${EXAMPLE_TIMEOUT:-120}
python=/usr/bin/python3

if [ ! -x "$builddir/examples/kafka-glib-produce" ] || [ ! -x "$builddir/examples/kafka-glib-consume" ]; then
  echo "run-examples: no C examples in $builddir/examples: build first (ninja -C $builddir)" >&2
  exit 1
fi
libdir=$(cd "$builddir/kafka-glib" && pwd)
export GI_TYPELIB_PATH=$libdir${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}
export LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
# the Python face: Kafka.py from the source tree, its C module from the build tree
export PYTHONPATH=$PWD/python:$(cd "$builddir" && pwd)/python${PYTHONPATH:+:$PYTHONPATH}

passed=0
skipped=0
summary=()

# run NAME COMMAND...: runs one example, prints its output, stops on failure
run() {
  local name=$1 status=0 start end
  shift
  echo
  echo "=== $name: $*"
  start=$(date +%s%3N)
  timeout --kill-after=10 "$limit" "$@" || status=$?
  end=$(date +%s%3N)
  local took=$(((end - start) / 1000)).$(((end - start) % 1000 / 100))
  if [ "$status" -ne 0 ]; then
    [ "$status" -eq 124 ] && echo "--- $name: timed out after ${limit}s" >&2
    echo "--- FAILED: $name (exit status $status, ${took}s)" >&2
    echo "run-examples: $passed passed, 1 failed ($name), $skipped skipped" >&2
    exit 1
  fi
  echo "--- ok: $name (${took}s)"
  passed=$((passed + 1))
  summary+=("ok    $name (${took}s)")
}

skip() {
  echo
  echo "=== $1: skipped ($2)"
  skipped=$((skipped + 1))
  summary+=("skip  $1 ($2)")
}

broker=${KAFKA_BOOTSTRAP_SERVERS:-}
if [ -z "$broker" ] && [ "${KAFKA_GLIB_EXAMPLES_NEED_BROKER:-0}" = 1 ]; then
  echo "run-examples: KAFKA_BOOTSTRAP_SERVERS is not set, and the admin examples need a broker" >&2
  exit 1
fi
# admin NAME COMMAND...: an admin example, against the broker if there is one
admin() {
  local name=$1
  shift
  if [ -n "$broker" ]; then
    run "$name" "$@" --bootstrap-servers "$broker"
  else
    skip "$name" "needs a broker: set KAFKA_BOOTSTRAP_SERVERS"
  fi
}

# C
run c/produce "$builddir/examples/kafka-glib-produce" --count 5
run c/consume "$builddir/examples/kafka-glib-consume" --count 5 --timeout 60
admin c/admin "$builddir/examples/kafka-glib-admin"

# Vala
if [ -x "$builddir/examples/kafka-glib-produce-vala" ]; then
  run vala/produce "$builddir/examples/kafka-glib-produce-vala" --count 5
  run vala/async-roundtrip "$builddir/examples/kafka-glib-async-roundtrip-vala" --count 5
  admin vala/admin "$builddir/examples/kafka-glib-admin-vala"
else
  skip vala/produce "not built: -Dvapi=false or -Dintrospection=false"
  skip vala/async-roundtrip "not built: -Dvapi=false or -Dintrospection=false"
  skip vala/admin "not built: -Dvapi=false or -Dintrospection=false"
fi

# Python and GJS, through the typelib
if [ -f "$libdir/Kafka-1.0.typelib" ]; then
  run python/produce.py "$python" examples/python/produce.py --count 5
  run python/consume.py "$python" examples/python/consume.py --count 5 --timeout 60
  run python/async_roundtrip.py "$python" examples/python/async_roundtrip.py --count 5 --timeout 60
  run python/migrate.py "$python" examples/python/migrate.py --count 20
  run python/tail.py "$python" examples/python/tail.py kafka-glib-tail-demo --count 5 --timeout 60
  run "python/tail.py --from-beginning" "$python" examples/python/tail.py kafka-glib-tail-demo \
    --from-beginning --count 5 --timeout 60
  admin python/admin.py "$python" examples/python/admin.py
  if command -v gjs >/dev/null; then
    run gjs/produce.js gjs examples/gjs/produce.js --count 5
    run gjs/consume.js gjs examples/gjs/consume.js --count 5 --timeout 60
    run gjs/async-roundtrip.js gjs examples/gjs/async-roundtrip.js --count 5 --timeout 60
    admin gjs/admin.js gjs examples/gjs/admin.js
  else
    for e in produce.js consume.js async-roundtrip.js admin.js; do skip "gjs/$e" "no gjs"; done
  fi
else
  for e in produce.py consume.py async_roundtrip.py migrate.py tail.py admin.py; do skip "python/$e" "no typelib"; done
  for e in produce.js consume.js async-roundtrip.js admin.js; do skip "gjs/$e" "no typelib"; done
fi

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "run-examples: $passed passed, 0 failed, $skipped skipped"
