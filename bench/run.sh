#!/usr/bin/env bash
# Benchmarks (not tests): .reg parse throughput on a generated ~100 MB UTF-16 export, the whole-process time
# of `tlsconf diff` against a hello-world JVM, and `tlsconf fleet` over 1,000 / 5,000 generated host exports
# (hosts/s, memory). Needs a built jar and test classes: mvn -B -q -DskipTests verify
# Usage: bench/run.sh [MEGABYTES]   (default 100; the generated file is kept in target/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-100}"
[ -f target/tlsconf.jar ] && [ -d target/test-classes ] || mvn -B -q -DskipTests verify
mkdir -p target/bench
cp="target/test-classes:target/tlsconf.jar"

echo "== parse throughput"
java -Xmx8g -cp "$cp" org.tlsconf.bench.ParseBenchmark "target/bench/large-${mb}mb.reg" "$mb"

echo "== whole-process time, 10 runs each (wall clock, ms)"
time_runs() {
  local total=0
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    local s e
    s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
    total=$((total + (e - s) / 1000000))
  done
  echo $((total / 10))
}
hello=$(time_runs java -cp target/test-classes org.tlsconf.bench.Hello)
diff=$(time_runs java -jar target/tlsconf.jar diff max-protection --registry-file examples/server-2016-fresh.reg)
fast=$(time_runs java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar target/tlsconf.jar diff max-protection \
  --registry-file examples/server-2016-fresh.reg)
echo "hello-world JVM:                               ${hello} ms"
echo "tlsconf diff (example export):                 ${diff} ms"
echo "  with the launcher's flags (tlsconf.cmd):     ${fast} ms"

echo "== fleet: 1,000 and 5,000 generated host exports (~5 KB each), whole process with the launcher's flags"
fleet_run() { # COUNT [JAVA FLAGS...]: prints "seconds max-RSS-KB exit cpu-user cpu-sys"
  local n="$1"; shift
  local d="target/bench/fleet-$n"
  [ -d "$d" ] || java -cp "$cp" org.tlsconf.bench.FleetBenchmark "$d" "$n" >/dev/null
  /usr/bin/time -f "%e %M %x %U %S" -o target/bench/fleet-time java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$@" \
    -jar target/tlsconf.jar fleet --profile max-protection "$d" --format json >/dev/null || true
  tail -n 1 target/bench/fleet-time
}
for n in 1000 5000; do
  read -r secs rss code user sys < <(fleet_run "$n")
  awk -v n="$n" -v s="$secs" -v r="$rss" -v c="$code" -v u="$user" -v y="$sys" 'BEGIN { printf "fleet %5d hosts: %.2f s = %.0f hosts/s wall (%.2f s CPU = %.0f hosts per CPU second), max RSS %.0f MB (exit %d: some hosts drift on purpose)\n", n, s, n / s, u + y, n / (u + y), r / 1024, c }'
done
echo "(wall-clock rates depend on what else runs: compare with the load average)"; uptime
# memory does not grow with hosts beyond the result rows: 5,000 hosts still run in a 64 MB heap
read -r secs rss code user sys < <(fleet_run 5000 -Xmx64m)
echo "fleet  5000 hosts with -Xmx64m: exit $code in ${secs} s (1 = drift found, as generated; anything else = failed)"
