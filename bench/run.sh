#!/usr/bin/env bash
# Benchmarks (not tests): .reg parse throughput on a generated ~100 MB UTF-16 export, and the whole-process time
# of `tlsconf diff` against a hello-world JVM. Needs a built jar and test classes: mvn -B -q -DskipTests verify
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
