#!/usr/bin/env bash
# Installs what Robusta needs outside Maven: Debian packages (Jupyter, Chromium, Fashion-MNIST, FFmpeg)
# and plotly.js from the npm registry. Checks first, installs only what is missing.
# As root it runs apt-get; otherwise it prints the apt-get line to run and carries on.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENV_CACHE="${ROBUSTA_ENV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/robusta-env}"
PLOTLY_VERSION=2.35.3

DEB_PACKAGES=(python3-notebook python3-nbconvert python3-nbclient python3-ipykernel jupyter-client
  jupyter-nbconvert dataset-fashion-mnist chromium fonts-liberation)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "environment: installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "environment: missing Debian packages; run as root:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  fi
fi

# plotly.js for offline figures (2.35.x: 3.x drops the titles Tablesaw writes). Never committed.
PLOTLY_DIR="$ENV_CACHE/npm"
PLOTLY_JS="$PLOTLY_DIR/node_modules/plotly.js-dist-min/plotly.min.js"
if [ ! -s "$PLOTLY_JS" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "environment: fetching plotly.js-dist-min@$PLOTLY_VERSION from the npm registry" >&2
    mkdir -p "$PLOTLY_DIR"
    (cd "$PLOTLY_DIR" && npm install --silent --no-audit --no-fund --prefix "$PLOTLY_DIR" "plotly.js-dist-min@$PLOTLY_VERSION" >/dev/null)
  else
    echo "environment: npm is missing, figures will need plotly.js: apt-get install -y npm" >&2
  fi
fi

# The Robusta Java kernel's kernelspec (written by kernel.sh when the library is built).
if [ -f "$ROOT/environment/kernel.sh" ]; then bash "$ROOT/environment/kernel.sh" --quiet || true; fi
