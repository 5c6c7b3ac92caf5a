#!/usr/bin/env bash
# Try Leakproof in a real VS Code in your browser, from a fresh clone:
#   npm run demo            (or: bash scripts/demo.sh; PORT=9000 bash scripts/demo.sh)
# Builds the release bundle, packages and installs it into a demo-only code-server profile, copies
# the demo workspace (test/fixtures/demo, all keys fake) to ~/.cache/leakproof/demo-workspace and
# serves VS Code at http://127.0.0.1:$PORT/?folder=... until Ctrl+C.
# An existing demo workspace is kept (your edits survive); LEAKPROOF_DEMO_RESET=1 starts afresh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${PORT:-8080}"
HOST="${LEAKPROOF_DEMO_HOST:-127.0.0.1}"
CACHE="${LEAKPROOF_CACHE:-$HOME/.cache/leakproof}"
WORKSPACE="$CACHE/demo-workspace"
PROFILE="$CACHE/demo-profile"

say() { echo "[demo] $*"; }

if [[ ! -d node_modules ]]; then
  say "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

CODE_SERVER="$(bash scripts/install-code-server.sh)"

say "building the release bundle"
node scripts/build.mjs --release

VSIX_DIR="$(mktemp -d)"
trap 'rm -rf "$VSIX_DIR"' EXIT
npx --no-install vsce package --allow-missing-repository --no-dependencies --no-rewrite-relative-links \
  --ignoreFile .vscodeignore -o "$VSIX_DIR/leakproof.vsix" >/dev/null
mkdir -p "$PROFILE/user-data/User" "$PROFILE/extensions"
"$CODE_SERVER" --config "$PROFILE/code-server.yaml" --user-data-dir "$PROFILE/user-data" \
  --extensions-dir "$PROFILE/extensions" --install-extension "$VSIX_DIR/leakproof.vsix" --force >/dev/null
say "installed $(node -p "require('./package.json').version") into $PROFILE/extensions"

if [[ "${LEAKPROOF_DEMO_RESET:-0}" == 1 ]]; then rm -rf "$WORKSPACE"; fi
if [[ -d "$WORKSPACE" ]]; then
  say "keeping the existing demo workspace (LEAKPROOF_DEMO_RESET=1 to start afresh)"
else
  mkdir -p "$(dirname "$WORKSPACE")"
  cp -R test/fixtures/demo "$WORKSPACE"
fi

# Offline, built-in extensions' telemetry throws DNS errors unless it is off.
SETTINGS="$PROFILE/user-data/User/settings.json"
[[ -f "$SETTINGS" ]] || cat >"$SETTINGS" <<'JSON'
{
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "workbench.startupEditor": "none"
}
JSON

rm -rf "$VSIX_DIR"
trap - EXIT
URL="http://$HOST:$PORT/?folder=$(node -p 'encodeURIComponent(process.argv[1]).replaceAll("%2F", "/")' "$WORKSPACE")"
echo
say "open: $URL"
say "stop: Ctrl+C"
echo
exec "$CODE_SERVER" --auth none --bind-addr "$HOST:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --config "$PROFILE/code-server.yaml" \
  --user-data-dir "$PROFILE/user-data" --extensions-dir "$PROFILE/extensions" "$WORKSPACE"
