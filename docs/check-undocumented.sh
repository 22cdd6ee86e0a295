#!/bin/sh
# Fails unless gtk-doc documented every public symbol of the module.
#
# usage: check-undocumented.sh DOC_BUILD_DIR MODULE
#
# Reads what gtkdoc-mkdb wrote in DOC_BUILD_DIR: MODULE-undocumented.txt
# (the coverage line and the symbols with no or incomplete docs),
# MODULE-unused.txt (declarations no section shows, and descriptions of
# fields or values that do not exist), MODULE-undeclared.txt (section
# entries with no declaration) and MODULE-symbols.txt (every symbol with a
# doc comment, from mkdb's --outputallsymbols), which tells the doc comments
# of functions, types, properties or signals that no longer exist: gtk-doc
# counts those as documented and says nothing. Also checks that the main
# document MODULE-docs.xml includes every section.

set -u

dir=${1:?usage: $0 DOC_BUILD_DIR MODULE}
module=${2:?usage: $0 DOC_BUILD_DIR MODULE}

undocumented="$dir/$module-undocumented.txt"
unused="$dir/$module-unused.txt"
undeclared="$dir/$module-undeclared.txt"
all_symbols="$dir/$module-symbols.txt"

if [ ! -f "$undocumented" ]; then
  echo "$undocumented not found: was the doc target built?" >&2
  exit 1
fi

status=0

# gtkdoc-mkdb's first line reads, e.g.:
#   100% symbol docs coverage.
coverage=$(grep -m1 'symbol docs coverage' "$undocumented")
echo "# $coverage"
echo "# $(grep -m1 'symbols documented' "$undocumented")"
echo "# $(grep -m1 'symbols incomplete' "$undocumented")"
echo "# $(grep -m1 'not documented' "$undocumented")"
case "$coverage" in
  "100% symbol docs coverage"*) ;;
  *)
    echo "not 100% symbol docs coverage" >&2
    status=1
    ;;
esac

# The percentage is rounded: 99.6% reads 100%. The counts are exact.
if ! grep -q '^0 not documented' "$undocumented" ||
   ! grep -q '^0 symbols incomplete' "$undocumented"; then
  echo "undocumented or incompletely documented symbols:" >&2
  status=1
fi

# The symbol list follows the blank line after the summary; incomplete docs
# (a missing parameter, a missing return value) are listed as
# "symbol (param1, ...)" after a second blank line.
listed=$(sed '1,/^$/d' "$undocumented" | grep -v '^$')
if [ -n "$listed" ]; then
  echo "$listed" | sed 's/^/  /' >&2
  status=1
fi

for f in "$unused" "$undeclared"; do
  if [ -s "$f" ]; then
    echo "$(basename "$f") is not empty:" >&2
    sed 's/^/  /' "$f" >&2
    status=1
  fi
done

# A section the main document does not include is documented but nowhere
# in the manual.
main_xml="$dir/$module-docs.xml"
if [ -f "$main_xml" ]; then
  for file in $(sed -n 's|^<FILE>\(.*\)</FILE>$|\1|p' "$dir/$module-sections.txt"); do
    if ! grep -q "href=\"xml/$file.xml\"" "$main_xml"; then
      echo "section $file is not included by $module-docs.xml" >&2
      status=1
    fi
  done
fi

if [ -f "$all_symbols" ]; then
  declared=$(mktemp) || exit 1
  trap 'rm -f "$declared"' EXIT
  {
    grep -v -e '^<' -e '^$' "$dir/$module-sections.txt"
    # Properties are Type::name in .args but Type:name in doc comments.
    [ -f "$dir/$module.args" ] &&
      sed -n 's|^<NAME>\(.*\)::\(.*\)</NAME>$|\1:\2|p' "$dir/$module.args"
    [ -f "$dir/$module.signals" ] &&
      sed -n 's|^<NAME>\(.*\)</NAME>$|\1|p' "$dir/$module.signals"
  } | LC_ALL=C sort -u > "$declared"
  orphans=$(grep -v -e ':long_description$' -e ':short_description$' \
                    -e ':title$' -e ':see_also$' -e ':stability$' \
                    -e ':include$' -e ':section_id$' -e ':image$' "$all_symbols" |
            LC_ALL=C sort -u | LC_ALL=C comm -23 - "$declared")
  if [ -n "$orphans" ]; then
    echo "doc comments for symbols that are not declared:" >&2
    echo "$orphans" | sed 's/^/  /' >&2
    status=1
  fi
fi

exit $status
