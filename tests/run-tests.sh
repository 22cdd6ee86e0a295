#!/usr/bin/env bash
# The README's second command, and what CI runs: installs what is missing,
# builds, starts a real single-node Apache Kafka broker (assembled from Maven
# Central by tests/broker/kafka-broker.sh), runs the whole test suite against
# it with `meson test` (C, Python, GJS and Vala tests, the GTK app under
# Xvfb, and the API reference's coverage check), then the C tests again under ASan+UBSan, and
# stops the broker. Arguments go to `meson test` (e.g. --suite mock; the
# sanitizer pass runs only without them).
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/install-deps.sh all
# the reference too: its coverage test fails on any undocumented symbol;
# Kafka Viewer (the GTK app) too, for its Xvfb test: a missing GTK fails
# the build rather than skipping the test
build-aux/build.sh -Dtests=true -Dgtk_doc=true -Dviewer=enabled

builddir=${BUILDDIR:-_build}
broker_dir=$(mktemp -d "${TMPDIR:-/tmp}/kafka-glib-broker.XXXXXX")
stop_broker() { tests/broker/kafka-broker.sh stop --dir "$broker_dir" || true; }
trap stop_broker EXIT

bootstrap=$(tests/broker/kafka-broker.sh start --dir "$broker_dir")
echo "Kafka broker at $bootstrap" >&2

status=0
KAFKA_BOOTSTRAP_SERVERS=$bootstrap meson test -C "$builddir" --print-errorlogs "$@" || status=$?
logs=("$builddir/meson-logs/testlog.json")

# The C tests again under AddressSanitizer + UndefinedBehaviorSanitizer, in a
# build of their own (KAFKA_GLIB_SKIP_ASAN=1 skips it). G_SLICE=always-malloc
# lets LeakSanitizer see leaked GObjects.
if [ "${KAFKA_GLIB_SKIP_ASAN:-0}" != 1 ] && [ $# -eq 0 ]; then
  asan_dir=${builddir}-asan
  BUILDDIR=$asan_dir build-aux/build.sh -Db_sanitize=address,undefined -Db_lundef=false \
    -Dintrospection=false -Dgtk_doc=false -Dbuildtype=debug -Dtests=true
  KAFKA_BOOTSTRAP_SERVERS=$bootstrap G_SLICE=always-malloc \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    meson test -C "$asan_dir" --suite c --print-errorlogs || status=$?
  logs+=("$asan_dir/meson-logs/testlog.json")
fi

# One closing line that any CI reads: counts from meson's own logs.
/usr/bin/python3 - "${logs[@]}" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    for line in open(path):
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
