#!/usr/bin/env bash
# Kafka Viewer, the GTK 4 example app (examples/gtk): installs what is
# missing, builds it, and runs it. With no arguments it runs on an embedded
# mock cluster with demo messages; give it --bootstrap-servers HOST:PORT
# (and -X name=value for librdkafka settings) for a cluster of yours, and
# --help for the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/install-deps.sh gui
build-aux/build.sh -Dviewer=enabled
exec "${BUILDDIR:-_build}/examples/kafka-viewer" "$@"
