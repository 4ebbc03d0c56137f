#!/usr/bin/env bash
# Benchmark: times whole lint runs over a folder of kustomize trees (default: the shared
# corpus), after warm-up, and reports median wall time and peak heap.
# usage: scripts/bench.sh [DIR] [WARMUP] [RUNS]     env: BENCH_HEAP (default 1g)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus}
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx"${BENCH_HEAP:-1g}" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.github.kustomizelint.Bench "$dir" "${2:-2}" "${3:-5}"
