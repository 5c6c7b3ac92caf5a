#!/usr/bin/env bash
# Installs code-server (VS Code's own server build, from the npm registry) into a per-user cache,
# outside the project, so tests can run a real VS Code on machines that reach only npm and apt.
# Idempotent: when already installed it only prints the binary's path (~0 s).
#
#   bash scripts/install-code-server.sh          # prints the path of the code-server binary
#   eval "$(bash scripts/install-code-server.sh --export)"   # sets CODE_SERVER_BIN
#
# Why each step exists is recorded in /work/shared/notes/code-server.md; in short:
#   - 4.100.3 is the last release that runs on Node 20 (bundles VS Code 1.100.3);
#   - postinstalls need --unsafe-perm as root and npm_config_yes for node-pty's `npx node-gyp`;
#   - @vscode/ripgrep downloads from GitHub unless a cached archive exists: we build it from Debian's rg.
set -euo pipefail

VERSION=4.100.3
RG_PKG_VERSION=1.15.11
RG_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CACHE="${LEAKPROOF_CACHE:-$HOME/.cache/leakproof}"
PREFIX="$CACHE/code-server-$VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"
MARKER="$PREFIX/.installed"

say() { echo "[install-code-server] $*" >&2; }

print_result() {
  if [[ "${1:-}" == "--export" ]]; then echo "export CODE_SERVER_BIN='$BIN'"; else echo "$BIN"; fi
}

# Debian packages: chromium (the test browser), libkrb5-dev (kerberos native module), ripgrep (see above).
ensure_debian_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  [[ -e /usr/include/krb5.h || -e /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
  command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || missing+=(build-essential)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  ((${#missing[@]} == 0)) && return 0
  if [[ "$(id -u)" != 0 ]]; then
    say "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install -y ${missing[*]})"
    return 1
  fi
  say "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

ensure_debian_packages

if [[ -f "$MARKER" && -x "$BIN" ]]; then
  print_result "${1:-}"
  exit 0
fi

say "installing code-server@$VERSION into $PREFIX (about a minute)"
start=$(date +%s)
mkdir -p "$PREFIX"

# Seed @vscode/ripgrep's download cache with Debian's rg so its postinstall does not reach GitHub.
TMP_ROOT="${TMPDIR:-/tmp}"
RG_CACHE="$TMP_ROOT/vscode-ripgrep-cache-$RG_PKG_VERSION"
if [[ ! -s "$RG_CACHE/$RG_ARCHIVE" ]]; then
  mkdir -p "$RG_CACHE"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$RG_CACHE/$RG_ARCHIVE" -C "$staging" rg
  rm -rf "$staging"
fi

# Its own npm prefix: a package.json here keeps npm from walking up into some other project.
[[ -f "$PREFIX/package.json" ]] || echo '{ "name": "leakproof-code-server-cache", "private": true }' >"$PREFIX/package.json"
(
  cd "$PREFIX"
  export npm_config_yes=true npm_config_unsafe_perm=true npm_config_fund=false npm_config_audit=false \
    npm_config_update_notifier=false
  npm install --unsafe-perm --no-save --loglevel=error "code-server@$VERSION" >&2
)

if [[ ! -x "$BIN" ]]; then say "code-server binary missing after install: $BIN"; exit 1; fi
# The postinstall steps fail quietly in some npm versions: check what they should have produced.
rg_bin="$(find "$PREFIX/node_modules" -path '*@vscode/ripgrep/bin/rg' -print -quit)"
if [[ -z "$rg_bin" ]]; then say "ripgrep binary missing (postinstall did not run?)"; exit 1; fi
pty="$(find "$PREFIX/node_modules" -path '*node-pty/build/Release/pty.node' -print -quit)"
if [[ -z "$pty" ]]; then say "node-pty was not built (npm_config_yes / node-gyp problem?)"; exit 1; fi
touch "$MARKER"
say "installed in $(( $(date +%s) - start ))s"
print_result "${1:-}"
