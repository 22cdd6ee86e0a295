#!/usr/bin/env bash
# Configures (once) and builds kafka-glib in ${BUILDDIR:-_build}. Extra
# arguments go to `meson setup` the first time (e.g. -Db_sanitize=address).
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-_build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@" >&2
fi
meson compile -C "$builddir" >&2
