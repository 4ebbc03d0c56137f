#!/usr/bin/env bash
# Benchmark harness (issue #10): a folder of trees (default ../shared/corpus) and generated
# trees of 100, 1,000 and 10,000 kustomizations, against the parse floor and kubectl kustomize.
# usage: scripts/bench.sh [--folder DIR|none] [--sizes 100,1000,10000] [--warmup N] [--runs N]
#        [--kubectl-sample N] [--without RULE,RULE]      env: BENCH_HEAP (default 1g)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx"${BENCH_HEAP:-1g}" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.github.kustomizelint.bench.Bench "$@"
