#!/usr/bin/env bash
# Configures and builds kafka-glib in ${BUILDDIR:-_build}. Arguments are Meson
# options (-Dgtk_doc=true, -Db_sanitize=address…): given to `meson setup` the
# first time, to `meson setup --reconfigure` on an existing build directory.
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-_build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@" >&2
elif [ $# -gt 0 ]; then
  # --reconfigure rather than `meson configure`: it also takes options that
  # were added to meson_options.txt since the directory was set up
  meson setup --reconfigure "$builddir" "$@" >&2
fi
meson compile -C "$builddir" >&2
