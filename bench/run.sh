#!/usr/bin/env bash
# Benchmarks (not tests; no test asserts a time). Every figure is a median of interleaved runs of whole processes,
# printed next to a baseline measured in the same run, so that load from other processes hits both alike:
#   1. start-up: tlsconf check on the example export through target/tlsconf, as a ratio to a hello-world class
#      run with the same java and its default options (targets: wall <= 3x, peak RSS <= 1.5x);
#   2. read-only commands on a generated ~112 MB UTF-16 export: MB/s and peak RSS (targets: >= 100 MB/s,
#      <= 300 MB), also under -Xmx256m; a 50 MB single-line hex value under -Xmx512m;
#   3. apply then restore on the large export: peak RSS (target: <= 600 MB), and whether the file came back
#      byte for byte;
#   4. fleet over 1,000 and 5,000 generated host exports (~5 KB each): hosts/s and peak RSS, and 5,000 hosts in a
#      64 MB heap.
# Needs target/tlsconf (mvn -B -DskipTests package) and the test classes (mvn -B -DskipTests test-compile).
# Usage: [BIG_RUNS=N] bench/run.sh [RUNS [SECTION...]]   (default 10 runs for start-up, 3 for the large files, all
# four sections; e.g. "bench/run.sh 20 1" runs only the start-up section 20 times; inputs kept in target/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
shift || true
sections=" ${*:-1 2 3 4} "
big_runs="${BIG_RUNS:-3}"
[ -x target/tlsconf ] && [ -f target/tlsconf.jar ] && [ -d target/test-classes ] || mvn -B -q -DskipTests test-compile package
mkdir -p target/bench
if [[ "$sections" == *" "[23]" "* ]]; then
  read -r large large_size hexline hexline_size < <(java -cp target/test-classes:target/tlsconf.jar \
    org.tlsconf.bench.BenchFiles target/bench | tr '\n' ' '; echo)
fi
example=examples/server-2016-fresh.reg
fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" # the launcher's default options, for runs that add -Xmx
measure() { python3 bench/measure.py "$@"; }

if [[ "$sections" == *" 1 "* ]]; then
echo "== 1. start-up through target/tlsconf (targets: wall <= 3x hello, peak RSS <= 1.5x hello)"
measure "$runs" \
  "hello world (java -cp ... Hello)" java -cp target/test-classes org.tlsconf.bench.Hello :: \
  "tlsconf check max-protection (example)" target/tlsconf check max-protection --registry-file "$example" :: \
  "tlsconf check max-protection --format json" target/tlsconf check max-protection --registry-file "$example" \
    --format json :: \
  "tlsconf diff max-protection (example)" target/tlsconf diff max-protection --registry-file "$example" :: \
  "tlsconf status (example)" target/tlsconf status --registry-file "$example" :: \
  "tlsconf --version" target/tlsconf --version
echo
fi

if [[ "$sections" == *" 2 "* ]]; then
echo "== 2. read-only commands on $large ($((large_size / 1000000)) MB; targets: >= 100 MB/s, peak RSS <= 300 MB)"
measure "$big_runs" \
  "hello world" java -cp target/test-classes org.tlsconf.bench.Hello :: \
  "check@$large_size" target/tlsconf check max-protection --registry-file "$large" :: \
  "diff@$large_size" target/tlsconf diff max-protection --registry-file "$large" :: \
  "status@$large_size" target/tlsconf status --registry-file "$large" :: \
  "fleet --profile@$large_size" target/tlsconf fleet --profile max-protection "$large" :: \
  "check, -Xmx256m@$large_size" env TLSCONF_JAVA_OPTS="$fast -Xmx256m" target/tlsconf check max-protection \
    --registry-file "$large" :: \
  "status, -Xmx256m@$large_size" env TLSCONF_JAVA_OPTS="$fast -Xmx256m" target/tlsconf status \
    --registry-file "$large" :: \
  "diff, -Xmx256m@$large_size" env TLSCONF_JAVA_OPTS="$fast -Xmx256m" target/tlsconf diff max-protection \
    --registry-file "$large" :: \
  "fleet, -Xmx256m@$large_size" env TLSCONF_JAVA_OPTS="$fast -Xmx256m" target/tlsconf fleet \
    --profile max-protection "$large" :: \
  "check, 50 MB hex line, -Xmx512m@$hexline_size" env TLSCONF_JAVA_OPTS="$fast -Xmx512m" target/tlsconf check \
    max-protection --registry-file "$hexline"
echo
fi

if [[ "$sections" == *" 3 "* ]]; then
echo "== 3. apply, then restore, on a copy of $large (target: peak RSS <= 600 MB)"
work=target/bench/work
rm -rf "$work" && mkdir -p "$work"
cp "$large" "$work/apply.reg"
measure "$big_runs" \
  "hello world" java -cp target/test-classes org.tlsconf.bench.Hello :: \
  "apply (on a fresh copy)" bash -c "cp '$large' '$work/apply.reg' && rm -rf '$work/backups' && target/tlsconf apply \
    max-protection --registry-file '$work/apply.reg' --backup-dir '$work/backups'" :: \
  "restore --last" bash -c "target/tlsconf restore --last --registry-file '$work/apply.reg' \
    --backup-dir '$work/backups'; cp '$large' '$work/apply.reg'"
cp "$large" "$work/rt.reg"
target/tlsconf apply max-protection --registry-file "$work/rt.reg" --backup-dir "$work/rt-backups" >/dev/null || true
target/tlsconf restore --last --registry-file "$work/rt.reg" --backup-dir "$work/rt-backups" >/dev/null || true
if cmp -s "$large" "$work/rt.reg"; then
  echo "apply then restore: the file is byte for byte the original"
else
  echo "apply then restore: the file differs from the original (cmp: $(cmp "$large" "$work/rt.reg" 2>&1 | head -1))"
fi
echo
fi

if [[ "$sections" == *" 4 "* ]]; then
echo "== 4. fleet over generated host exports (~5 KB each; some drift on purpose, so exit 1 is expected)"
for n in 1000 5000; do
  [ -d "target/bench/fleet-$n" ] || java -cp target/test-classes:target/tlsconf.jar org.tlsconf.bench.FleetBenchmark \
    "target/bench/fleet-$n" "$n" >/dev/null
done
measure "$big_runs" \
  "hello world" java -cp target/test-classes org.tlsconf.bench.Hello :: \
  "fleet, 1,000 hosts" target/tlsconf fleet --profile max-protection target/bench/fleet-1000 --format json :: \
  "fleet, 5,000 hosts" target/tlsconf fleet --profile max-protection target/bench/fleet-5000 --format json :: \
  "fleet, 5,000 hosts, csv, -Xmx64m" env TLSCONF_JAVA_OPTS="$fast -Xmx64m" target/tlsconf fleet --profile \
    max-protection target/bench/fleet-5000 --format csv :: \
  "fleet, 5,000 hosts, json, -Xmx128m" env TLSCONF_JAVA_OPTS="$fast -Xmx128m" target/tlsconf fleet --profile \
    max-protection target/bench/fleet-5000 --format json
fi
