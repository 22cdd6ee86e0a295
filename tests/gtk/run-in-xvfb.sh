#!/bin/sh
# Runs a GTK program (the Kafka Viewer test, the list-view benchmark), given
# with its arguments, in a virtual X server of its own: xvfb-run -a picks a
# free display number, so it needs no screen and runs beside a desktop
# session. GTK renders with
# cairo (Xvfb has no GL), with no accessibility bus (CI has no session bus),
# and gets a runtime directory of its own.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu

command -v xvfb-run >/dev/null || {
  echo "run-in-xvfb: xvfb-run not found (build-aux/install-deps.sh gui installs it)" >&2
  exit 1
}

runtime=$(mktemp -d "${TMPDIR:-/tmp}/kafka-glib-xvfb.XXXXXX")
trap 'rm -rf "$runtime"' EXIT
chmod 700 "$runtime"

status=0
XDG_RUNTIME_DIR=$runtime GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none \
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@" || status=$?
exit $status
