#!/usr/bin/env bash
# Runs two built checkouts of the kit on the same inputs with the same project secret and says whether
# they did the same: output names and bytes (cmp), manifest, UID and Patient ID maps, resume ledger, and
# the run's messages and findings (stderr, without its timings). For speed work that must not change
# behaviour: build both first (`npm run build` in each; a base from `git archive main | tar -x -C <dir>`
# with a link to this node_modules), then
#
#   bench/compare-builds.sh <base checkout> <new checkout> <input>...   # inputs: folders or files
#
# JOBS (default "1 2") lists the --jobs values to run; ARGS (default "--no-pixels") the options of
# `deid run` given to both. Each build runs from its own folder with its own default rules. Prints one
# line per comparison and exits 1 when anything differs (the differing files are listed, not shown:
# outputs and maps hold pseudonyms only, but inputs' paths may hold names). Nothing is kept.
set -u
if [ $# -lt 3 ]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
base=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
shift 2
inputs=()
for input in "$@"; do inputs+=("$(cd "$(dirname "$input")" && pwd)/$(basename "$input")"); done
work=$(mktemp -d "${TMPDIR:-/tmp}/deid-compare-XXXXXX")
trap 'rm -rf "$work"' EXIT
# One secret for both sides, so UIDs and pseudonyms can be compared.
secret=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
status=0

run() { # <checkout> <side> <jobs>
  local side="$work/$2"
  rm -rf "$side" && mkdir -p "$side/state" && chmod 700 "$side/state"
  (umask 077 && echo "$secret" > "$side/state/secret.key")
  # shellcheck disable=SC2086
  (cd "$1" && nice -n 10 node bin/deid.js run "${inputs[@]}" --out "$side/out" --state "$side/state" --no-resume --jobs "$3" ${ARGS---no-pixels}) > "$side/stdout" 2> "$side/stderr"
  echo $? > "$side/status"
  # Timings and rates differ from run to run; every other line (counts, findings, each file's reason) is compared.
  grep -v -E 'files/s|peak memory|^output: |^manifest: ' "$side/stdout" "$side/stderr" | sed "s#^$side/##" | sort > "$side/messages"
  (cd "$side/out" 2>/dev/null && find . -type f | sort) > "$side/names"
  cat "$side"/state/done/*.jsonl 2>/dev/null | sort > "$side/ledger"
}

same() { # <what> <file>: compares a file of the two sides
  if ! cmp -s "$work/base/$2" "$work/new/$2"; then
    echo "  differs: $1"
    return 1
  fi
}

for jobs in ${JOBS-1 2}; do
  run "$base" base "$jobs"
  run "$new" new "$jobs"
  differs=0
  same 'exit status' status || differs=1
  same 'output names' names || differs=1
  same 'messages and findings' messages || differs=1
  same manifest state/manifest.jsonl || differs=1
  for map in uid_map.json patid_map.json uid_mapping.csv patid_mapping.csv; do same "$map" "state/$map" || differs=1; done
  same 'resume ledger' ledger || differs=1
  bytes=0
  while IFS= read -r name; do
    if ! cmp -s "$work/base/out/$name" "$work/new/out/$name"; then
      [ $bytes -lt 5 ] && echo "  differs: bytes of output $(grep -n -x -F "$name" "$work/base/names" | cut -d: -f1)"
      bytes=$((bytes + 1))
    fi
  done < "$work/base/names"
  [ $bytes -gt 0 ] && differs=1
  files=$(wc -l < "$work/base/names")
  if [ $differs -eq 0 ]; then
    echo "same: --jobs $jobs, $files outputs (bytes, names), manifest, maps, ledger, messages"
  else
    echo "DIFFERENT: --jobs $jobs ($bytes of $files outputs differ in bytes)"
    status=1
  fi
done
exit $status
