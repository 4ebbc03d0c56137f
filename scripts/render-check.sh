#!/usr/bin/env bash
# Renders every non-Component kustomization under DIR with the build goal's core
# (io.github.kustomizelint.render) and with `kubectl kustomize`, and reports per directory:
#   identical   byte-identical output
#   same        same objects and content, other bytes
#   differ      first differing line (kubectl's vs ours)
#   unmodelled  we wrote nothing: a feature the render layer does not model yet (named)
#   fails       kustomize fails there (nothing to compare; the check covers it)
# then the counts. Needs `mvn -o -q compile` first; reads DIR, writes only under a temp dir.
# usage: scripts/render-check.sh DIR
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DIR=$(cd "$1" && pwd)
KCMD=${KUSTOMIZE_CMD:-kubectl kustomize}
m2jar() { ls ~/.m2/repository/$1 | grep -v sources | tail -1; }
CP="$ROOT/target/classes:$(m2jar 'org/yaml/snakeyaml/2.*/snakeyaml-2.*.jar'):$(m2jar 'com/google/re2j/re2j/*/re2j-*.jar')"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mapfile -t dirs < <(find "$DIR" \( -name kustomization.yaml -o -name kustomization.yml -o -name Kustomization \) -type f \
  -exec grep -LE '^kind:[[:space:]]*Component[[:space:]]*$' {} + | while IFS= read -r f; do dirname "$f"; done | LC_ALL=C sort -u)
start=$(date +%s.%N)
java -cp "$CP" io.github.kustomizelint.render.RenderMain "$tmp/ours" "${dirs[@]}"
ours_s=$(echo "$(date +%s.%N) - $start" | bc)
declare -A n=([identical]=0 [same]=0 [differ]=0 [unmodelled]=0 [fails]=0)
k_s=0
for i in "${!dirs[@]}"; do
  d=${dirs[$i]}; rel=${d#"$DIR"/}; idx=$((i + 1))
  t0=$(date +%s.%N)
  if ! $KCMD "$d" >"$tmp/k.yaml" 2>/dev/null; then
    status=fails; detail=""; [ -f "$tmp/ours/$idx.yaml" ] && detail="rendered by us: only the build goal's check stops it"
  elif [ -f "$tmp/ours/$idx.unmodelled" ]; then status=unmodelled; detail=$(cat "$tmp/ours/$idx.unmodelled")
  elif cmp -s "$tmp/k.yaml" "$tmp/ours/$idx.yaml"; then status=identical; detail=""
  elif python3 - "$tmp/k.yaml" "$tmp/ours/$idx.yaml" <<'PY'
import sys, yaml
a = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d is not None]
b = [d for d in yaml.safe_load_all(open(sys.argv[2])) if d is not None]
sys.exit(0 if a == b else 1)
PY
  then status=same; detail=$(diff "$tmp/k.yaml" "$tmp/ours/$idx.yaml" | sed -n '2p;4p' | tr '\n' ' ' || true)
  else status=differ; detail=$(diff "$tmp/k.yaml" "$tmp/ours/$idx.yaml" | sed -n '1,4p' | tr '\n' ' ' || true)
  fi
  k_s=$(echo "$k_s + $(date +%s.%N) - $t0" | bc)
  n[$status]=$((n[$status] + 1))
  printf '%s\t%s\t%s\n' "$rel" "$status" "$detail"
done
echo "render-check: ${#dirs[@]} kustomizations: identical ${n[identical]}, same ${n[same]}, differ ${n[differ]}, unmodelled ${n[unmodelled]}, kustomize fails ${n[fails]}; ours ${ours_s}s for all, kubectl ${k_s}s" >&2
