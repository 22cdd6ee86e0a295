#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages kafka-glib needs that are not
# there yet. Usage: build-aux/install-deps.sh [build|test|docs|bench|gui|all]
#   build  compiler, Meson, GLib, librdkafka, introspection, Vala, and
#          Python's headers for the Python face's C module
#   test   build + what the test suite runs: PyGObject, GJS, kcat,
#          confluent-kafka-python, and Java + Maven for the real Kafka broker,
#          openssl for the security tests' certificates
#   docs   build + gtk-doc, and GLib's own gtk-doc reference, which
#          gtkdoc-fixxref links GLib, GObject and GIO names to
#   bench  test + gnuplot, for the plot of tests/bench/run-bench.sh
#   gui    build + GTK 4 and libadwaita (with their VAPIs) for Kafka Viewer,
#          the example app in examples/gtk, and Xvfb for its test; the icon
#          loader for the symbolic icons and a font, which a bare system lacks
# Runs apt-get through sudo when not root. Installs nothing that is already
# installed, and does not run `apt-get update` unless something is missing.
set -euo pipefail

what=${1:-build}

build_pkgs=(gcc libc6-dev pkg-config meson ninja-build libglib2.0-dev librdkafka-dev
            gobject-introspection libgirepository1.0-dev gir1.2-glib-2.0 valac
            python3 python3-dev)
test_pkgs=(python3 python3-gi gjs kcat python3-confluent-kafka openssl
           openjdk-17-jre-headless maven procps util-linux)
docs_pkgs=(gtk-doc-tools libglib2.0-doc)
bench_pkgs=(gnuplot-nox)
gui_pkgs=(libgtk-4-dev libadwaita-1-dev librsvg2-common fonts-dejavu-core xvfb xauth)

pkgs=("${build_pkgs[@]}")
case $what in
  build) ;;
  test) pkgs+=("${test_pkgs[@]}") ;;
  docs) pkgs+=("${docs_pkgs[@]}") ;;
  bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  gui) pkgs+=("${gui_pkgs[@]}") ;;
  all) pkgs+=("${test_pkgs[@]}" "${docs_pkgs[@]}" "${bench_pkgs[@]}" "${gui_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|docs|bench|gui|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "Installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
