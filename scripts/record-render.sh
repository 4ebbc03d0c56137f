#!/usr/bin/env bash
# Records what `kubectl kustomize` prints for each emitter case (src/test/resources/render/emitter/
# CASE/expected.yaml), the bytes KyamlEmitterTest holds the emitter to.
# usage: scripts/record-render.sh [CASE ...]   (default: every case)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$HERE/../src/test/resources/render/emitter
KCMD=${KUSTOMIZE_CMD:-kubectl kustomize}
if [ $# -gt 0 ]; then names=("$@"); else mapfile -t names < <(find "$DIR" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort); fi
for name in "${names[@]}"; do
  (cd "$DIR/$name" && $KCMD . >expected.yaml)
  echo "record-render: $name" >&2
done
