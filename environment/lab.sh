#!/usr/bin/env bash
# ./robusta lab [JUPYTER_OPTIONS...]: Jupyter with the Robusta Java kernel, notebooks/ as its root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

case "${1:-}" in
  -h|--help)
    cat <<'USAGE'
Usage: ./robusta lab [JUPYTER_OPTIONS...]
Starts Debian's Jupyter Notebook server (python3-notebook) with notebooks/ as its root folder and
the kernel "Java 17 (Robusta)" registered (its kernelspec is written to target/jupyter, or to the
first folder of $JUPYTER_PATH; nothing outside the repository is touched). Options are passed to
`jupyter notebook` (python3 -m notebook), e.g. --no-browser, --port 8888, --ip 0.0.0.0. Stop it with Ctrl-C.
Needs Debian's Jupyter: as root it is installed on first use; otherwise the apt-get line is printed.
USAGE
    exit 0 ;;
esac

export JUPYTER_PATH="${JUPYTER_PATH:-$ROOT/target/jupyter}"
bash "$ROOT/environment/kernel.sh" --quiet
EXTRA=()
[ "$(id -u)" = 0 ] && EXTRA+=(--allow-root)
echo "robusta lab: notebooks in $ROOT/notebooks; pick the kernel \"Java 17 (Robusta)\"" >&2
exec /usr/bin/python3 -m notebook --notebook-dir="$ROOT/notebooks" "${EXTRA[@]}" "$@"
