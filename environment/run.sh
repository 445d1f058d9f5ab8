#!/usr/bin/env bash
# ./robusta run NOTEBOOK.ipynb [--out DIR] [--timeout S]: executes a notebook headless.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat <<'USAGE'
Usage: ./robusta run NOTEBOOK.ipynb [--out DIR] [--timeout SECONDS] [--kernel NAME]
Executes every cell of the notebook headless with the Robusta Java kernel (Debian's Jupyter,
nbclient), from the notebook's own folder, and writes DIR/NAME.ipynb (the executed notebook, with
its outputs) and DIR/NAME.html (a static export). DIR defaults to target/notebooks.
Exits 0 when every cell ran, 1 when one failed (a compile error, an exception, a timeout: the
executed copy with the error is still written), 2 on a usage error, 3 when Jupyter is missing.
  --out DIR          where to write the results (created if needed)
  --timeout SECONDS  limit for each cell (default 600); the kernel must start within 60 s
  --kernel NAME      the Jupyter kernel to use (default: the notebook's kernelspec, else robusta)
USAGE
}

NB=""; OUT="$ROOT/target/notebooks"; TIMEOUT=600; KERNEL=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --out) [ $# -ge 2 ] || { echo "robusta run: --out needs a folder" >&2; exit 2; }; OUT="$2"; shift 2 ;;
    --timeout) [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || { echo "robusta run: --timeout needs whole seconds" >&2; exit 2; }
      TIMEOUT="$2"; shift 2 ;;
    --kernel) [ $# -ge 2 ] || { echo "robusta run: --kernel needs a kernel name" >&2; exit 2; }; KERNEL=(--kernel "$2"); shift 2 ;;
    -*) echo "robusta run: unknown option '$1'" >&2; echo "  hint: ./robusta run --help" >&2; exit 2 ;;
    *) [ -z "$NB" ] || { echo "robusta run: one notebook at a time (got '$NB' and '$1')" >&2; exit 2; }; NB="$1"; shift ;;
  esac
done
[ -n "$NB" ] || { echo "robusta run: no notebook given" >&2; echo "  hint: ./robusta run notebooks/00-kernel-smoke.ipynb" >&2; exit 2; }
[ -f "$NB" ] || { echo "robusta run: $NB does not exist" >&2; echo "  hint: give the path of an .ipynb file" >&2; exit 2; }

export JUPYTER_PATH="${JUPYTER_PATH:-$ROOT/target/jupyter}"
bash "$ROOT/environment/kernel.sh" --quiet
export PYDEVD_DISABLE_FILE_VALIDATION=1 JUPYTER_RUNTIME_DIR="${JUPYTER_RUNTIME_DIR:-$ROOT/target/jupyter/runtime}"
exec /usr/bin/python3 -Xfrozen_modules=off "$ROOT/environment/run_notebook.py" "$NB" --out "$OUT" --timeout "$TIMEOUT" "${KERNEL[@]}"
