#!/usr/bin/env bash
# Everything `npm test` runs, from a fresh clone: dependencies, a real VS Code (code-server),
# type-check, build, then unit, integration (inside VS Code's extension host) and e2e (workbench
# in headless Chromium). Ends with one line, `N passed, N failed, N skipped`, over all layers.
# Exits non-zero if anything failed or a layer did not run. Logs: .test-results/<layer>.log
#
# Knobs (environment): LEAKPROOF_CACHE (where code-server lives, default ~/.cache/leakproof),
# LEAKPROOF_KEEP_TMP=1 (keep the drivers' temp dirs: workspace copy, VS Code logs),
# LEAKPROOF_IT_TIMEOUT_MS (integration deadline, default 180000), LEAKPROOF_UPDATE_SCREENSHOTS=1
# (refresh media/screenshots/), LEAKPROOF_CHROMIUM (browser, default /usr/bin/chromium).
# One layer alone (after a build): node scripts/run-integration.mjs | node test/e2e/<name>.e2e.mjs
# (the e2e layer runs every test/e2e/*.e2e.mjs and sums their counts).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
LOGS="$ROOT/.test-results"
mkdir -p "$LOGS"
T0=$(date +%s)

declare -a LAYERS=()
declare -A STATUS=() PASSED=() FAILED=() SKIPPED=() SECONDS_TAKEN=()

now() { date +%s; }
banner() { printf '\n==== %s ====\n' "$*"; }

# record LAYER STATUS PASSED FAILED SKIPPED SECONDS
record() {
  LAYERS+=("$1"); STATUS[$1]=$2; PASSED[$1]=$3; FAILED[$1]=$4; SKIPPED[$1]=$5; SECONDS_TAKEN[$1]=$6
}

# A step that has no test counts (setup, type-check, build): success or one failure.
# step NAME COMMAND...
step() {
  local name=$1; shift
  local t=$(now) log="$LOGS/$name.log"
  banner "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  if ((rc == 0)); then record "$name" ok 0 0 0 $(($(now) - t)); else record "$name" "FAILED (exit $rc)" 0 1 0 $(($(now) - t)); fi
  return "$rc"
}

not_run() { record "$1" "DID NOT RUN ($2)" 0 0 0 0; }

# Reads `PREFIX {"passed":n,"failed":n,"skipped":n}` from a driver's output.
# counted_layer NAME PREFIX COMMAND...
counted_layer() {
  local name=$1 prefix=$2; shift 2
  local t=$(now) log="$LOGS/$name.log"
  banner "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line; line=$(grep -a "^$prefix " "$log" | tail -1 | cut -d' ' -f2-)
  if [[ -z "$line" ]]; then
    record "$name" "DID NOT REPORT (exit $rc)" 0 1 0 $(($(now) - t)); return
  fi
  local p f s
  read -r p f s < <(node -e 'const c = JSON.parse(process.argv[1]); console.log(c.passed, c.failed, c.skipped)' "$line")
  if ((rc != 0 && f == 0)); then f=1; fi   # a non-zero exit without a counted failure still fails
  record "$name" "$([[ $rc == 0 ]] && echo ok || echo "FAILED (exit $rc)")" "$p" "$f" "$s" $(($(now) - t))
}

# Every test/e2e/*.e2e.mjs in turn (each its own workbench session), as one layer: their
# `E2E_COUNTS` lines summed. Per-file logs: .test-results/e2e-<file>.log; all of them in e2e.log.
# A file that exits non-zero without a counted failure, or reports nothing, counts one failure.
e2e_layer() {
  local t=$(now) log="$LOGS/e2e.log"
  local p=0 f=0 s=0 bad=0 ran=0
  banner e2e
  : >"$log"
  local file
  for file in test/e2e/*.e2e.mjs; do
    [[ -e "$file" ]] || continue
    ran=$((ran + 1))
    local name; name=$(basename "$file" .e2e.mjs)
    local one="$LOGS/e2e-$name.log"
    node "$file" 2>&1 | tee "$one"
    local rc=${PIPESTATUS[0]}
    cat "$one" >>"$log"
    local line; line=$(grep -a '^E2E_COUNTS ' "$one" | tail -1 | cut -d' ' -f2-)
    if [[ -z "$line" ]]; then
      echo "e2e: $file did not report (exit $rc)" | tee -a "$log"
      f=$((f + 1)); bad=1; continue
    fi
    local fp ff fs
    read -r fp ff fs < <(node -e 'const c = JSON.parse(process.argv[1]); console.log(c.passed, c.failed, c.skipped)' "$line")
    if ((rc != 0 && ff == 0)); then ff=1; fi
    ((rc == 0)) || bad=1
    p=$((p + fp)); f=$((f + ff)); s=$((s + fs))
  done
  if ((ran == 0)); then
    record e2e "DID NOT REPORT (no test/e2e/*.e2e.mjs)" 0 1 0 $(($(now) - t)); return
  fi
  record e2e "$([[ $bad == 0 ]] && echo ok || echo "FAILED")" "$p" "$f" "$s" $(($(now) - t))
}

# Mocha's spec reporter shows failures readably; its summary lines give the counts.
unit_layer() {
  local t=$(now) log="$LOGS/unit.log"
  banner unit
  local color=--no-color
  [[ -t 1 ]] && color=--color
  npx mocha --reporter spec "$color" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local plain; plain=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
  local p f s
  p=$(grep -Eo '^ +[0-9]+ passing' <<<"$plain" | tail -1 | grep -Eo '[0-9]+')
  f=$(grep -Eo '^ +[0-9]+ failing' <<<"$plain" | tail -1 | grep -Eo '[0-9]+')
  s=$(grep -Eo '^ +[0-9]+ pending' <<<"$plain" | tail -1 | grep -Eo '[0-9]+')
  if [[ -z "$p" && -z "$f" ]]; then
    record unit "DID NOT REPORT (exit $rc)" 0 1 0 $(($(now) - t)); return
  fi
  p=${p:-0}; f=${f:-0}; s=${s:-0}
  if ((rc != 0 && f == 0)); then f=1; fi
  record unit "$([[ $rc == 0 ]] && echo ok || echo "FAILED (exit $rc)")" "$p" "$f" "$s" $(($(now) - t))
}

# --- setup ------------------------------------------------------------------------------------
if [[ ! -d node_modules ]]; then
  step dependencies npm ci --no-audit --no-fund || true
fi
CODE_SERVER_BIN=""
# The installer prints the binary's path last (its progress goes to stderr).
if step code-server bash scripts/install-code-server.sh; then
  CODE_SERVER_BIN=$(tail -1 "$LOGS/code-server.log")
  export CODE_SERVER_BIN
fi

step check-types npm run --silent check-types || true
# Non-release build: includes dist/test-host.js (the in-host integration suite).
step build node scripts/build.mjs
BUILD_OK=$?

# --- tests ------------------------------------------------------------------------------------
unit_layer
if ((BUILD_OK != 0)); then
  not_run integration "build failed"; not_run e2e "build failed"
elif [[ -z "$CODE_SERVER_BIN" ]]; then
  not_run integration "no code-server"; not_run e2e "no code-server"
else
  counted_layer integration INTEGRATION_COUNTS node scripts/run-integration.mjs
  e2e_layer
fi

# --- summary ----------------------------------------------------------------------------------
total_p=0; total_f=0; total_s=0; bad=0
banner summary
printf '%-14s %-26s %7s %7s %8s %6s\n' layer status passed failed skipped time
for layer in "${LAYERS[@]}"; do
  printf '%-14s %-26s %7s %7s %8s %5ss\n' "$layer" "${STATUS[$layer]}" "${PASSED[$layer]}" "${FAILED[$layer]}" \
    "${SKIPPED[$layer]}" "${SECONDS_TAKEN[$layer]}"
  total_p=$((total_p + PASSED[$layer])); total_f=$((total_f + FAILED[$layer])); total_s=$((total_s + SKIPPED[$layer]))
  [[ "${STATUS[$layer]}" == ok ]] || bad=1
done
echo "total wall time: $(($(now) - T0))s (logs in ${LOGS#"$ROOT"/}/)"
echo "$total_p passed, $total_f failed, $total_s skipped"
((bad == 0 && total_f == 0))
