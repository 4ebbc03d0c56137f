#!/usr/bin/env bash
# Runs the linter over a folder of real kustomize trees and compares it with kustomize's
# verdicts (a TSV as written by record-verdicts.sh or the corpus oracle):
# kustomizations, agreed, false errors, missed patch-target failures, and the list of each.
# usage: scripts/corpus-check.sh DIR ORACLE_TSV
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 DIR ORACLE_TSV" >&2; exit 2; }
dir=$(cd "$1" && pwd); oracle=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -Xss4m -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.github.kustomizelint.CorpusCheck "$dir" "$oracle"
