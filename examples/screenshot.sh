#!/usr/bin/env bash
# Regenerates docs/status-report.png, the screenshot README shows: the HTML status report of
# examples/server-2016-hand-hardened.reg rendered by headless Chromium (Debian: apt-get install chromium).
# Usage: examples/screenshot.sh [JAR]   (default target/tlsconf.jar; build it with mvn -B -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-target/tlsconf.jar}"
[ -f "$jar" ] || { echo "no $jar: run mvn -B -q -DskipTests package first" >&2; exit 2; }
command -v chromium >/dev/null || { echo "chromium is not installed: apt-get install chromium" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -jar "$jar" status --registry-file examples/server-2016-hand-hardened.reg --format html > "$work/status.html"
mkdir -p docs
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1100,1000 --screenshot="$work/status.png" "file://$work/status.html" 2>/dev/null
mv "$work/status.png" docs/status-report.png
echo "wrote docs/status-report.png"
