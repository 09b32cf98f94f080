#!/usr/bin/env bash
# Installs the real VS Code that the project runs and tests the extension in:
# code-server (VS Code 1.100.3 served to a browser) from npm, plus the Debian
# packages it and the UI tests need. Idempotent: a finished install is
# detected and left alone. Reaches only the npm registry and Debian.
#
#   bash scripts/setup-vscode.sh          # or: npm run setup:vscode
#
# Installs into .cache/code-server (ignored by git). Override with
# LOSS_ATLAS_CODE_SERVER_DIR. Prints the path of the code-server binary last.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE_NAME=vscode-ripgrep-cache-1.15.11
RIPGREP_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
# chromium (+ its driver) for the UI tests; libkrb5-dev to build code-server's
# kerberos module; ripgrep for @vscode/ripgrep's binary; a small CJK font so
# that the Chinese text in screenshots renders (headless Chromium has none).
DEBIAN_PACKAGES=(chromium chromium-driver libkrb5-dev ripgrep fonts-wqy-microhei)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${LOSS_ATLAS_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
BIN="$DEST/node_modules/code-server/out/node/entry.js"
# code-server writes ~/.config/code-server/config.yaml unless given its own.
CONFIG="$DEST/config.yaml"
STAMP="$DEST/.installed-$CODE_SERVER_VERSION"

STEP="start"
say() { printf '[setup-vscode] %s\n' "$*"; }
step() { STEP="$1"; say "step: $1"; }
trap 'rc=$?; if [ $rc -ne 0 ]; then printf "[setup-vscode] FAILED at step: %s (exit %s)\n" "$STEP" "$rc" >&2; fi' EXIT

# ---------------------------------------------------------------- 1. Node
step "check Node.js (20.19+ required)"
if ! command -v node >/dev/null 2>&1; then
  say "node is not on PATH; install Node.js 20.19 or newer"; exit 1
fi
NODE_VERSION="$(node -p 'process.versions.node')"
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  say "Node $NODE_VERSION found; Loss Atlas needs Node 20.19 or newer (code-server $CODE_SERVER_VERSION targets Node 20)"; exit 1
fi
case "$NODE_VERSION" in
  20.*) ;;
  *) say "warning: code-server $CODE_SERVER_VERSION declares engines node 20; Node $NODE_VERSION is untested" ;;
esac
say "node $NODE_VERSION"

# One setup at a time per install dir (test drivers may start it together).
mkdir -p "$(dirname "$DEST")"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$DEST.lock"
  if ! flock -n 9; then
    say "another setup is running; waiting for it"
    flock 9
  fi
fi

# ------------------------------------------------------- 2. Debian packages
step "Debian packages (${DEBIAN_PACKAGES[*]})"
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  say "all present"
elif [ "$(id -u)" -eq 0 ]; then
  step "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  step "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "missing Debian packages: ${missing[*]}; run as root:"
  say "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  exit 1
fi

# ----------------------------------------------------------- 3. up to date?
if [ -f "$STAMP" ] && [ -f "$BIN" ]; then
  step "check existing code-server $CODE_SERVER_VERSION"
  if node "$BIN" --config "$CONFIG" --version >/dev/null 2>&1; then
    say "code-server $CODE_SERVER_VERSION already installed in $DEST"
    STEP="done"
    echo "$BIN"
    exit 0
  fi
  say "existing install does not run; reinstalling"
fi

# ------------------------------------------------------ 4. ripgrep archive
# @vscode/ripgrep's postinstall downloads rg from GitHub, which is not
# reachable here; it uses a cached archive in $TMPDIR when one exists.
step "ripgrep archive for @vscode/ripgrep (from Debian's rg)"
TMP_BASE="${TMPDIR:-/tmp}"
RG_CACHE_DIR="$TMP_BASE/$RIPGREP_CACHE_NAME"
RG_CACHE="$RG_CACHE_DIR/$RIPGREP_ARCHIVE"
if [ ! -s "$RG_CACHE" ] || ! tar -tzf "$RG_CACHE" 2>/dev/null | grep -qx 'rg'; then
  RG="$(command -v rg || true)"
  if [ -z "$RG" ]; then say "rg not found (Debian package ripgrep)"; exit 1; fi
  mkdir -p "$RG_CACHE_DIR"
  work="$(mktemp -d)"
  cp "$RG" "$work/rg"
  chmod 755 "$work/rg"
  tar -czf "$RG_CACHE.tmp" -C "$work" rg
  mv "$RG_CACHE.tmp" "$RG_CACHE"
  rm -rf "$work"
fi
say "$RG_CACHE"

# ------------------------------------------------------------ 5. npm install
step "npm install code-server@$CODE_SERVER_VERSION into $DEST"
rm -rf "$DEST"
mkdir -p "$DEST"
cat >"$DEST/package.json" <<EOF
{
  "name": "loss-atlas-code-server",
  "private": true,
  "description": "code-server for Loss Atlas's tests and npm start (made by scripts/setup-vscode.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" }
}
EOF
start_time=$(date +%s)
(
  cd "$DEST"
  export npm_config_unsafe_perm=true   # postinstall as root
  export npm_config_yes=true           # node-pty's postinstall calls npx
  export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  export TMPDIR="$TMP_BASE"
  npm install --no-package-lock --loglevel=error
)
say "npm install took $(( $(date +%s) - start_time ))s"

# ------------------------------------------------------------ 6. smoke test
step "check the installed code-server runs"
if [ ! -f "$BIN" ]; then say "missing $BIN after install"; exit 1; fi
printf 'auth: none\ncert: false\n' >"$CONFIG"
version="$(node "$BIN" --config "$CONFIG" --version | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n1)"
say "code-server $version"
case "$version" in
  "$CODE_SERVER_VERSION "*) ;;
  *) say "expected version $CODE_SERVER_VERSION"; exit 1 ;;
esac
VSC_MODULES="$DEST/node_modules/code-server/lib/vscode/node_modules"
for f in @vscode/ripgrep/bin/rg kerberos/build/Release/kerberos.node node-pty/build/Release/pty.node; do
  if [ ! -e "$VSC_MODULES/$f" ]; then say "missing $VSC_MODULES/$f (its postinstall failed?)"; exit 1; fi
done
touch "$STAMP"
STEP="done"
say "done"
echo "$BIN"
