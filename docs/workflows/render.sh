#!/bin/sh
# Renders every process model listed in bpmn/.../caravel/processes/index.txt to docs/workflows/<name>.svg
# with the bpmn-js viewer in headless Chromium. Run it after editing a model:
#
#   docs/workflows/render.sh          # SVGs only
#   docs/workflows/render.sh --png    # also <name>.png next to each SVG, to look at (not committed)
#
# Needs: chromium (Debian package; CHROMIUM=/path/to/chrome to use another), curl and unzip the first time,
# to fetch the bpmn-js 8.0.0 webjar from Maven Central into ${XDG_CACHE_HOME:-~/.cache}/caravel-bpmn-js.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
processes="$repo/bpmn/src/main/resources/caravel/processes"
chromium=${CHROMIUM:-chromium}
version=8.0.0
cache="${XDG_CACHE_HOME:-$HOME/.cache}/caravel-bpmn-js"
png=no
[ "${1:-}" = "--png" ] && png=yes

viewer="$cache/bpmn-viewer-$version.min.js"
if [ ! -f "$viewer" ]; then
  mkdir -p "$cache"
  jar="$cache/bpmn-js-$version.jar"
  [ -f "$jar" ] || curl -sSfL -o "$jar" \
    "https://repo.maven.apache.org/maven2/org/webjars/npm/bpmn-js/$version/bpmn-js-$version.jar"
  unzip -p "$jar" "META-INF/resources/webjars/bpmn-js/$version/dist/bpmn-viewer.production.min.js" > "$viewer"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$viewer" "$work/bpmn-viewer.production.min.js"

headless() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" "$@" 2>/dev/null
}

grep '\.bpmn$' "$processes/index.txt" | while read -r model; do
  name=$(basename "$model" .bpmn)
  sed -e "/@BPMN@/{r $processes/$model" -e 'd}' "$here/render.html" > "$work/$name.html"
  headless --virtual-time-budget=20000 --dump-dom "file://$work/$name.html" > "$work/$name.dom"
  # The SVG is the text of <script type="image/svg+xml" id="svg">, which Chromium dumps unescaped.
  sed -n '/<script type="image\/svg+xml" id="svg">/,/<\/script>/p' "$work/$name.dom" \
    | sed -e 's/.*<script type="image\/svg+xml" id="svg">//' -e 's/<\/script>.*//' > "$work/$name.svg"
  if ! grep -q '<svg' "$work/$name.svg"; then
    echo "render.sh: $model did not render: $(head -c 300 "$work/$name.svg")" >&2
    exit 1
  fi
  # bpmn-js gives its arrow-head markers random ids; fixed ids keep an unchanged model's SVG unchanged.
  sed -E 's/(-(white|black|none))-[0-9a-z]{20,}/\1/g' "$work/$name.svg" > "$here/$name.svg"
  echo "rendered $model -> docs/workflows/$name.svg"
  if [ "$png" = yes ]; then
    size=$(sed -n 's/.*<svg[^>]* width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1,\2/p' "$here/$name.svg" | head -1)
    w=$(echo "$size" | cut -d, -f1 | cut -d. -f1)
    h=$(echo "$size" | cut -d, -f2 | cut -d. -f1)
    printf '<html><body style="margin:0;background:#fff">%s</body></html>' "$(cat "$here/$name.svg")" > "$work/$name-png.html"
    headless --hide-scrollbars --window-size="$w,$h" --screenshot="$here/$name.png" "file://$work/$name-png.html" >/dev/null
    echo "               and docs/workflows/$name.png ($w x $h)"
  fi
done
