#!/usr/bin/env bash
# The Python face ships and installs with the library: `meson install` into a
# scratch DESTDIR puts Kafka.py and its C module in the gi/overrides directory
# Meson chose, and /usr/bin/python3 loads the installed face from there (with
# the installed typelib and library), produces on an embedded mock cluster and
# gets its delivery report.
# Usage: test-face-install.sh BUILD_DIR OVERRIDES_DIR TYPELIB_DIR LIB_DIR
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
build_dir=$1 overrides_dir=$2 typelib_dir=$3 lib_dir=$4
dest=$(mktemp -d "${TMPDIR:-/tmp}/kafka-glib-face-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT

meson install -C "$build_dir" --destdir "$dest" --no-rebuild --quiet >/dev/null
for f in "$dest$overrides_dir/Kafka.py" "$dest$overrides_dir"/_kafkaface.*.so; do
  [ -f "$f" ] || { echo "not installed: $f" >&2; exit 1; }
done

# only what was installed: no build or source tree on any path
env -i PATH=/usr/bin:/bin HOME="$dest" \
  PYTHONPATH="$dest$(dirname "$(dirname "$overrides_dir")")" \
  GI_TYPELIB_PATH="$dest$typelib_dir" LD_LIBRARY_PATH="$dest$lib_dir" \
  /usr/bin/python3 - "$dest$overrides_dir" <<'PY'
import os, sys
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka
import gi.overrides.Kafka as face
assert os.path.dirname(face.__file__) == sys.argv[1], face.__file__
assert Kafka.Producer.__module__ == 'gi.overrides.Kafka'
cluster = Kafka.MockCluster.new(1)
reports = []
p = Kafka.Producer({'bootstrap.servers': cluster.get_bootstrap_servers()})
p.produce('installed', b'value', on_delivery=lambda err, msg: reports.append((err, msg.value())))
assert p.flush(30) == 0
assert reports == [(None, b'value')], reports
print('the installed face works:', face.__file__)
PY
