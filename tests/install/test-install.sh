#!/usr/bin/env bash
# The README's "Building by hand", as a new user follows it: a build for
# Meson's default prefix says where the typelib goes and what to export;
# installed (into a DESTDIR here), the library is found by Python and GJS
# with that export; `ninja uninstall` leaves nothing behind, the HTML
# reference included.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kafka-glib-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
build=$work/build
dest=$work/dest

fail() { echo "FAIL: $*" >&2; exit 1; }

meson setup "$build" "$src" -Dtests=false -Dgtk_doc=true > "$work/setup.log" 2>&1 \
  || { cat "$work/setup.log"; fail "meson setup"; }
grep -q "NOTE: the typelib will be installed in /usr/local/lib" "$work/setup.log" \
  || { cat "$work/setup.log"; fail "meson setup printed no note about GI_TYPELIB_PATH"; }
export_line=$(grep -o 'export GI_TYPELIB_PATH=[^ ]*' "$work/setup.log" | head -1)
echo "setup says: $export_line"

meson compile -C "$build" > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "build"; }
DESTDIR=$dest meson install -C "$build" > "$work/install.log" 2>&1 \
  || { tail -30 "$work/install.log"; fail "install"; }

typelib_dir=$dest${export_line#export GI_TYPELIB_PATH=}
libdir=$(dirname "$typelib_dir")
[ -f "$typelib_dir/Kafka-1.0.typelib" ] || fail "no typelib in $typelib_dir"
[ -f "$dest/usr/local/share/gtk-doc/html/kafka-glib/index.html" ] || fail "no HTML reference"
[ -f "$dest/usr/local/share/vala/vapi/kafka-glib-1.0.vapi" ] || fail "no VAPI"
[ -f "$libdir/pkgconfig/kafka-glib-1.0.pc" ] || fail "no pkg-config file"

# without the export: not found (what the note is for)
if GI_TYPELIB_PATH= /usr/bin/python3 -c "import gi; gi.require_version('Kafka', '1.0')" 2>/dev/null; then
  fail "found without GI_TYPELIB_PATH: is another copy installed system-wide?"
fi
# with it (LD_LIBRARY_PATH stands for ldconfig, which a DESTDIR install cannot run)
export GI_TYPELIB_PATH=$typelib_dir LD_LIBRARY_PATH=$libdir
/usr/bin/python3 - <<'PY'
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import Kafka
cluster = Kafka.MockCluster.new(1)
assert cluster.get_bootstrap_servers().startswith('127.0.0.1:')
print('python: Kafka', Kafka.MAJOR_VERSION, Kafka.MINOR_VERSION, 'from', Kafka.__path__)
PY
gjs -c "imports.gi.versions.Kafka = '1.0'; const {Kafka} = imports.gi; \
  const c = Kafka.MockCluster.new(1); if (!c.get_bootstrap_servers()) throw new Error('no servers'); \
  print('gjs: Kafka', Kafka.MAJOR_VERSION, Kafka.MINOR_VERSION);"

DESTDIR=$dest ninja -C "$build" uninstall > "$work/uninstall.log" 2>&1 \
  || { tail -30 "$work/uninstall.log"; fail "uninstall"; }
left=
[ ! -d "$dest" ] || left=$(find "$dest" -type f | sed "s|^$dest||")
[ -z "$left" ] || { echo "$left" >&2; fail "ninja uninstall left files behind"; }
echo "install, import from Python and GJS, uninstall: ok"
