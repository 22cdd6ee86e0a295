#!/usr/bin/env bash
# The README's second command, and what CI runs: installs what is missing,
# builds, starts a real single-node Apache Kafka broker (assembled from Maven
# Central by tests/broker/kafka-broker.sh), runs the whole test suite against
# it with `meson test` (C, Python, GJS and Vala tests, and the API
# reference's coverage check), and stops the broker. Arguments go to `meson test`
# (e.g. --suite mock).
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/install-deps.sh all
# the reference too: its coverage test fails on any undocumented symbol
build-aux/build.sh -Dtests=true -Dgtk_doc=true

builddir=${BUILDDIR:-_build}
broker_dir=$(mktemp -d "${TMPDIR:-/tmp}/kafka-glib-broker.XXXXXX")
stop_broker() { tests/broker/kafka-broker.sh stop --dir "$broker_dir" || true; }
trap stop_broker EXIT

bootstrap=$(tests/broker/kafka-broker.sh start --dir "$broker_dir")
echo "Kafka broker at $bootstrap" >&2

status=0
KAFKA_BOOTSTRAP_SERVERS=$bootstrap meson test -C "$builddir" --print-errorlogs "$@" || status=$?

# One closing line that any CI reads: counts from meson's own log.
/usr/bin/python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif r == "SKIP":
        skipped += 1
    else:
        failed += 1
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
PY
exit $status
