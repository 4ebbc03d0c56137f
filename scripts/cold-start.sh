#!/usr/bin/env bash
# Cold start (issue #10): in a scratch pom-packaging module whose config/ is a copy of DIR
# (default: kueue's, from ../shared/corpus), fresh `mvn -o verify` runs, alternating: the check
# skipped, a cold check (target/ removed), an unchanged re-run (the up-to-date skip). Prints
# wall and CPU (user + sys of the Maven process) per run, then the medians and ratios.
# usage: scripts/cold-start.sh [DIR] [ROUNDS]      (installs the plugin into ~/.m2 first)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(cd "${1:-../shared/corpus/kubernetes-sigs__kueue/config}" && pwd)
rounds=${2:-5}
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)
mvn -B -q -ntp install -DskipTests -Dinvoker.skip=true >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$src" "$work/config"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>cold-start</artifactId><version>1</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.kustomizelint</groupId><artifactId>kustomize-lint-maven-plugin</artifactId>
    <version>$version</version>
    <executions><execution><goals><goal>check</goal></goals></execution></executions>
    <configuration><failOn>never</failOn></configuration>
  </plugin></plugins></build>
</project>
POM
run() { # label, mvn args...
  local label=$1; shift
  /usr/bin/time -o "$work/t" -f "%e %U %S" mvn -B -q -o -f "$work/pom.xml" verify "$@" >/dev/null 2>&1
  read -r wall user sys < "$work/t"
  cpu=$(echo "$user + $sys" | bc)
  printf '%-8s wall %6.2f s  cpu %6.2f s\n' "$label" "$wall" "$cpu"
  echo "$label $wall $cpu" >> "$work/times"
}
med() { # label, column: the median of that column over the label's runs
  awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$work/times" | sort -n \
    | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
mvn -B -q -o -f "$work/pom.xml" verify >/dev/null 2>&1 || true # warm the OS file cache
for i in $(seq "$rounds"); do
  run skipped -Dkustomize-lint.skip=true
  rm -rf "$work/target"; run cold
  run rerun
done
for c in 2:wall 3:cpu; do
  col=${c%%:*}; what=${c##*:}
  s=$(med skipped "$col"); k=$(med cold "$col"); r=$(med rerun "$col")
  echo "median $what: skipped $s s, cold check $k s ($(echo "scale=2; $k / $s" | bc)x), unchanged re-run $r s ($(echo "scale=2; $r / $s" | bc)x)"
done
