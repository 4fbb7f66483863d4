#!/bin/sh
# Export the seed alignment to HTML and screenshot it in headless Chromium, to check by eye that
# the page renders (Arabic right to left, colours by flag). Needs Debian's chromium
# (apt-get install -y chromium) and a built checkout (npm run build).
# Usage: scripts/html-screenshot.sh [OUT.png]   (default: ${TMPDIR:-/tmp}/mizan-seed.png; the page beside it)
set -eu
cd "$(dirname "$0")/.."
png="${1:-${TMPDIR:-/tmp}/mizan-seed.png}"
html="${png%.png}.html"
mkdir -p "$(dirname "$png")"
rm -f "$png"
node dist/src/cli/main.js export alignments/dawn-eremnews.json --format html --out "$html"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$png" --window-size=1280,1600 \
  "file://$(realpath "$html")" >/dev/null 2>&1 || true
# Chromium's exit status is not reliable in headless mode: judge by the picture it wrote.
size=$(wc -c <"$png" 2>/dev/null || echo 0)
if [ "$size" -lt 20000 ]; then
  echo "html-screenshot: $png is missing or tiny ($size bytes)" >&2
  exit 1
fi
echo "html-screenshot: wrote $png ($size bytes) from $html"
