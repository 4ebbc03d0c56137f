#!/usr/bin/env bash
# Records, for every conformance directory kustomize builds (ok in the case's expected.tsv), the
# sha256 of what `kubectl kustomize` prints there, into src/test/resources/render/conformance.tsv
# (rows: case/dir <TAB> sha256 <TAB> objects). RenderConformanceTest holds the renderer to them.
# usage: scripts/record-render-digests.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CASES=$HERE/../src/test/resources/conformance
OUT=$HERE/../src/test/resources/render/conformance.tsv
KCMD=${KUSTOMIZE_CMD:-kubectl kustomize}
VERSION=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: //p')
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
printf '# kustomize %s\n' "$VERSION" >"$OUT"
for exp in $(find "$CASES" -mindepth 2 -maxdepth 2 -name expected.tsv | LC_ALL=C sort); do
  case_dir=$(dirname "$exp"); name=$(basename "$case_dir")
  while IFS=$'\t' read -r rel verdict _; do
    [ "$verdict" = ok ] || continue
    (cd "$case_dir" && $KCMD "$rel" >"$tmp")
    printf '%s/%s\t%s\t%s\n' "$name" "$rel" "$(sha256sum <"$tmp" | cut -d' ' -f1)" \
      "$(grep -c '^kind:' "$tmp" || true)" >>"$OUT"
  done < <(grep -v '^#' "$exp")
done
echo "record-render-digests: $(($(wc -l <"$OUT") - 1)) directories" >&2
