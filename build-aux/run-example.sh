#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs the
# main example, which produces messages through an embedded mock cluster in a
# GMainLoop and prints each delivery report. Arguments go to the example
# (--bootstrap-servers HOST:PORT to use a real broker, --count N, --topic T).
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/install-deps.sh build
# the example needs none of the test tools (GJS, Java…)
build-aux/build.sh -Dtests=false
exec "${BUILDDIR:-_build}/examples/kafka-glib-produce" "$@"
