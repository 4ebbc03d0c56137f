#!/usr/bin/env bash
# Regenerates each fix case's after/ tree from its before/ with the fix goal's core, and records
# kustomize's verdict on every kustomization of both, and whether their outputs are identical,
# in src/test/resources/fix/verdicts.tsv (columns: case, dir, before, after, output).
# Review `git diff` of after/ before committing: the expected trees are the test.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
root=src/test/resources/fix
out=$root/verdicts.tsv
printf '# recorded with %s\n' "$(kubectl version --client 2>/dev/null | grep -i kustomize | tr -d '\n')" >"$out"
for c in "$root"/*/; do
  c=${c%/}; name=$(basename "$c")
  rm -rf "$c/after"; cp -a "$c/before" "$c/after"
  rules=$( [ -f "$c/fixRules" ] && paste -sd, "$c/fixRules" || true)
  FIX_RULES=${rules:-} java -cp "$cp" io.github.kustomizelint.fix.FixAdHoc "$(realpath "$c/after")" >/dev/null
  find "$c/before" -name kustomization.yaml | sort | while read -r k; do
    d=$(dirname "$k"); rel=${d#"$c/before"}; rel=${rel#/}; rel=${rel:-.}
    a="$c/after/${rel}"
    b1=$(kubectl kustomize "$d" 2>/dev/null) && v1=ok || v1=fail
    b2=$(kubectl kustomize "$a" 2>/dev/null) && v2=ok || v2=fail
    o=-; [ "$v1$v2" = okok ] && { [ "$b1" = "$b2" ] && o=same || o=different; }
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rel" "$v1" "$v2" "$o" >>"$out"
  done
done
cat "$out"
