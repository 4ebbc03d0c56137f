#!/usr/bin/env bash
# Records kustomize's own verdict for every conformance case: for each case folder under
# CASES_DIR, runs `kubectl kustomize` on every kustomization directory in it that is not a
# Component and writes CASE/expected.tsv. The classes follow the corpus oracle's (first match
# wins), except that "remote" needs an error of fetching, not just a URL in the message.
#
# usage: scripts/record-verdicts.sh [CASES_DIR] [CASE ...]
#   CASES_DIR  default: src/test/resources/conformance
#   CASE       only these case folders (names under CASES_DIR); default: all
# expected.tsv: a '# kustomize <version>' line, then rows
#   relative_dir <TAB> ok|fail <TAB> error_class <TAB> first error line (paths relative to the case)
# env: KUSTOMIZE_CMD (default "kubectl kustomize"), KUSTOMIZE_TIMEOUT (default 60 s),
#      OUT_DIR (write OUT_DIR/<case>/expected.tsv instead, e.g. to re-check without touching the suite)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CASES=$(cd "${1:-$HERE/../src/test/resources/conformance}" && pwd)
shift || true
KCMD=${KUSTOMIZE_CMD:-kubectl kustomize}
TMO=${KUSTOMIZE_TIMEOUT:-60}
command -v "${KCMD%% *}" >/dev/null || { echo "record-verdicts: ${KCMD%% *} not on PATH" >&2; exit 2; }
if [ "${KCMD%% *}" = kubectl ]; then
  VERSION=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: //p')
else  # a kustomize binary: `kustomize version` prints v5.5.0 (or {Version:kustomize/v5.5.0 ...})
  VERSION=$(${KCMD%% *} version 2>/dev/null | grep -oE 'v[0-9]+\.[0-9]+\.[0-9]+' | head -1)
fi

classify() {  # $1 = whole error text; same order as the corpus oracle
  local e=$1
  # Only errors of fetching count as remote: a URL merely quoted in an error (an annotation
  # value, a Go stack trace) does not.
  if grep -qiE "dial tcp|git fetch|failed to run '[^']*git|could not resolve host|no such host|--enable-helm|helm chart|oci://|(resources|components) from '(https?://|github\.com/|git@)" <<<"$e"; then echo remote
  elif grep -qE "no matches for Id|no resource matches strategic merge patch|unable to find patch target|failed to find target" <<<"$e"; then echo patch-target-missing
  elif grep -qiE "multiple matches for Id|found multiple|ambiguous|multiple possible targets" <<<"$e"; then echo multiple-targets
  elif grep -qiE "already registered id|has been already registered|duplicate" <<<"$e"; then echo duplicate-id
  elif grep -qE "is not in or below|cannot merge or replace" <<<"$e"; then echo other
  elif grep -qE "no such file or directory|evalsymlink failure|unable to find one of|must build at directory|not a valid directory|file is not directory|does not exist" <<<"$e"; then echo missing-file
  elif grep -qiE "MalformedYAMLError|yaml: |json: |invalid Kustomization|cannot unmarshal|mapping values are not allowed" <<<"$e"; then echo yaml
  else echo other
  fi
}

errline() { python3 "$HERE/errline.py"; }

if [ $# -gt 0 ]; then names=("$@"); else mapfile -t names < <(find "$CASES" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort); fi
errf=$(mktemp); trap 'rm -f "$errf"' EXIT
for name in "${names[@]}"; do
  case_dir="$CASES/$name"
  out="${OUT_DIR:+$OUT_DIR/$name}"; out="${out:-$case_dir}/expected.tsv"
  mkdir -p "$(dirname "$out")"
  printf '# kustomize %s\n' "$VERSION" >"$out"
  mapfile -t kfs < <(find "$case_dir" \( -name kustomization.yaml -o -name kustomization.yml -o -name Kustomization \) \( -type f -o -type l \) | LC_ALL=C sort)
  declare -A seen=()
  for kf in "${kfs[@]}"; do
    d=$(dirname "$kf"); rel=${d#"$case_dir"/}
    [[ -n ${seen[$d]:-} ]] && continue; seen[$d]=1
    grep -qE '^kind:[[:space:]]*Component[[:space:]]*$' "$kf" && continue
    if (cd "$case_dir" && timeout "$TMO" $KCMD "$rel" >/dev/null 2>"$errf"); then
      printf '%s\tok\t\t\n' "$rel" >>"$out"
    else
      # classify the message without the case's own path, so a case name cannot sway it
      msg=$(errline <"$errf" | sed "s|$case_dir/||g")
      printf '%s\tfail\t%s\t%s\n' "$rel" "$(classify "$msg")" "$msg" >>"$out"
    fi
  done
  unset seen
  echo "record-verdicts: $name: $(($(wc -l <"$out") - 1)) dirs" >&2
done
