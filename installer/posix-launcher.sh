#!/usr/bin/env bash
# Puts the POSIX launcher next to the jar (DIR/tlsconf, executable) and makes its class-data archive
# (DIR/tlsconf.jsa) with a training run through the launcher itself: the command SCCM/Intune run on a schedule,
# check, on the bundled example export. Maven runs it at package time on Linux and macOS.
# Usage: installer/posix-launcher.sh DIR   (DIR holds tlsconf.jar)
set -euo pipefail
dir="${1:?usage: posix-launcher.sh DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
[ -f "$dir/tlsconf.jar" ] || { echo "posix-launcher.sh: $dir/tlsconf.jar not found (run mvn package)" >&2; exit 2; }
cp "$here/tlsconf" "$dir/tlsconf"
chmod 755 "$dir/tlsconf"
rm -f "$dir/tlsconf.jsa"
status=0
"$dir/tlsconf" check max-protection --registry-file "$repo/examples/server-2016-fresh.reg" >/dev/null || status=$?
if [ "$status" -ne 1 ]; then # the example drifts from max-protection: 1 is the expected answer
  echo "posix-launcher.sh: the training run exited $status, expected 1" >&2
  exit 1
fi
if [ ! -f "$dir/tlsconf.jsa" ]; then
  echo "posix-launcher.sh: warning: this Java wrote no class-data archive (it may lack a base CDS archive);" \
    "tlsconf starts without one" >&2
fi
