#!/usr/bin/env bash
# The mock-cluster C tests (suite `mock`: the dispatch tests of producer and
# consumer, fault injection, lifecycle, bad input) under ThreadSanitizer.
#
#   tests/tsan/run-tsan.sh [meson test arguments]
#
# Builds _build-tsan (-Db_sanitize=thread), compiles the C11-threads shim
# (c11-threads-shim.c: without it TSan cannot see librdkafka's threads and
# locks, see there) and runs `meson test --suite mock` with the shim
# preloaded and tsan.supp's suppressions (librdkafka-internal frames only).
# No broker needed. Exit status: meson test's.
set -euo pipefail
cd "$(dirname "$0")/../.."
builddir=${BUILDDIR:-_build-tsan}

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Db_sanitize=thread -Db_lundef=false -Dintrospection=false \
    -Dgtk_doc=false -Dbuildtype=debug -Dtests=true >&2
fi
ninja -C "$builddir" -j "${NINJA_JOBS:-2}" >&2

shim=$PWD/$builddir/c11-threads-shim.so
# not instrumented itself: it only forwards to pthread_*, which resolve to
# TSan's interceptors in the test process
cc -shared -fPIC -O1 -g -pthread -o "$shim" tests/tsan/c11-threads-shim.c -ldl

export TSAN_OPTIONS="suppressions=$PWD/tests/tsan/tsan.supp halt_on_error=1 second_deadlock_stack=1 history_size=4 ${TSAN_OPTIONS:-}"
# GLib's slice allocator keeps per-thread magazines TSan cannot follow
export G_SLICE=always-malloc

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--suite mock)
exec meson test -C "$builddir" --print-errorlogs --wrapper "env LD_PRELOAD=$shim" "${args[@]}"
