#!/usr/bin/env bash
# Runs the fix goal's core on a copy of every tree under DIR and checks it with kustomize:
# every kustomization that built before must build after with the same output, a second fix
# must change nothing, and no comment line may be lost.
# usage: scripts/fix-check.sh [DIR]   (default ../shared/corpus; needs kubectl)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(realpath "${1:-../shared/corpus}")
work=$(mktemp -d)
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
# Own copies of the classes, so that a rebuild meanwhile does not change what runs.
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
cp="$work/classes:$work/test-classes:$(cat target/test-classpath.txt)"
trap 'rm -rf "$work"' EXIT
render() { # tree outdir
  find "$1" \( -name kustomization.yaml -o -name kustomization.yml -o -name Kustomization \) | sort |
  while read -r k; do
    d=$(dirname "$k"); rel=${d#"$1"}; rel=${rel#/}; out="$2/$(echo "${rel:-.}" | tr / _)"
    grep -q '^kind: *Component' "$k" && continue
    if kubectl kustomize "$d" >"$out.yaml" 2>/dev/null; then echo "${rel:-.}	ok"; else echo "${rel:-.}	fail"; rm -f "$out.yaml"; fi
  done
}
comments() { grep -rh --include='*.yaml' --include='*.yml' --include=Kustomization -E '^\s*#' "$1" | sort; }
total=0 same=0 repaired=0 changed=0 broke=0 fixes=0 refused=0 trees=0 idem=0 lost=0
for t in "$src"/*/; do
  name=$(basename "$t"); copy="$work/$name"; cp -r "$t" "$copy"
  log=$(java -cp "$cp" io.github.kustomizelint.fix.FixAdHoc "$copy" dry)
  n=$(grep -c '^fixed' <<<"$log" || true)
  [ "$n" -gt 0 ] || { rm -rf "$copy"; continue; }
  trees=$((trees+1)); fixes=$((fixes+n)); refused=$((refused+$(grep -c '^refused' <<<"$log" || true)))
  mkdir -p "$work/out/$name/before" "$work/out/$name/after"
  render "$copy" "$work/out/$name/before" >"$work/out/$name/before.tsv"
  comments "$copy" >"$work/out/$name/comments-before"
  java -cp "$cp" io.github.kustomizelint.fix.FixAdHoc "$copy" >/dev/null
  render "$copy" "$work/out/$name/after" >"$work/out/$name/after.tsv"
  comments "$copy" >"$work/out/$name/comments-after"
  again=$(java -cp "$cp" io.github.kustomizelint.fix.FixAdHoc "$copy" dry | grep -c '^fixed' || true)
  [ "$again" -eq 0 ] && idem=$((idem+1)) || echo "$name: a second fix would change $again more"
  l=$(comm -23 "$work/out/$name/comments-before" "$work/out/$name/comments-after" | wc -l)
  [ "$l" -eq 0 ] || { lost=$((lost+l)); echo "$name: $l comment lines lost"; }
  while IFS=$'\t' read -r dir before; do
    after=$(awk -F'\t' -v d="$dir" '$1==d{print $2}' "$work/out/$name/after.tsv")
    f=$(echo "$dir" | tr / _).yaml
    total=$((total+1))
    if [ "$before" = ok ] && [ "$after" = ok ]; then
      if cmp -s "$work/out/$name/before/$f" "$work/out/$name/after/$f"; then same=$((same+1));
      else changed=$((changed+1)); echo "$name/$dir: output changed"; fi
    elif [ "$before" = ok ]; then broke=$((broke+1)); echo "$name/$dir: built before, fails after"
    elif [ "$after" = ok ]; then repaired=$((repaired+1)); echo "$name/$dir: failed before, builds after"
    fi
  done <"$work/out/$name/before.tsv"
  rm -rf "$copy"
done
echo "trees fixed: $trees; fixes: $fixes; left (refused): $refused"
echo "kustomizations: $total; same output: $same; repaired: $repaired; output changed: $changed; broken by fix: $broke"
echo "second fix changed nothing in $idem of $trees trees; comment lines lost: $lost"
