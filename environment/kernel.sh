#!/usr/bin/env bash
# Installs the Robusta Java kernel's kernelspec (name "robusta", display name "Java 17 (Robusta)")
# into $JUPYTER_PATH/kernels/robusta (default: <repo>/target/jupyter, so nothing outside the
# repository is touched). The spec points at the library's build output by absolute path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QUIET=0
case "${1:-}" in
  --quiet) QUIET=1 ;;
  -h|--help)
    cat <<'USAGE'
Usage: environment/kernel.sh [--quiet]
Writes the kernelspec of the Robusta Java kernel (kernels/robusta/kernel.json, display name
"Java 17 (Robusta)") into $JUPYTER_PATH (default: target/jupyter in the repository). Checks that
Debian's Jupyter is installed first: as root it installs it, otherwise it prints the apt-get line.
./robusta lab and ./robusta run call it and export JUPYTER_PATH themselves.
USAGE
    exit 0 ;;
  "") ;;
  *) echo "kernel.sh: unknown option '$1'" >&2; echo "  hint: environment/kernel.sh --help" >&2; exit 2 ;;
esac

JUPYTER_PACKAGES="python3-notebook python3-nbconvert python3-nbclient python3-ipykernel jupyter-client jupyter-nbconvert"
# Debian's python (python3 on PATH may be a pyenv that cannot see Debian's modules).
if ! [ -x /usr/bin/jupyter ] || ! /usr/bin/python3 -c 'import nbclient, nbconvert, notebook' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "kernel.sh: installing Debian's Jupyter: $JUPYTER_PACKAGES" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $JUPYTER_PACKAGES >/dev/null
  else
    echo "kernel.sh: Jupyter is not installed; run as root:" >&2
    echo "  sudo apt-get install -y --no-install-recommends $JUPYTER_PACKAGES" >&2
    exit 3
  fi
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"
else JAVA="$(readlink -f "$(command -v java)")"; fi

json_string() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }

SPEC_DIR="${JUPYTER_PATH:-$ROOT/target/jupyter}"
SPEC_DIR="${SPEC_DIR%%:*}/kernels/robusta"
mkdir -p "$SPEC_DIR"
# The Jupyter library's jars first: the class loader then finds what the start-up needs without
# searching the ~60 jars of lib/*, which measurably shortens start-to-ready on 2 cores.
FIRST=""
shopt -s nullglob
for j in "$ROOT"/lib/target/lib/{jjava-jupyter,jeromq,jnacl,gson,slf4j-api,slf4j-simple}-[0-9]*.jar; do FIRST="$FIRST:$j"; done
shopt -u nullglob
CP="$ROOT/lib/target/classes$FIRST:$ROOT/lib/target/lib/*"
# -XX:TieredStopAtLevel is not set: cells run real computations and need the full JIT.
cat > "$SPEC_DIR/kernel.json.tmp" <<JSON
{
  "argv": [$(json_string "$JAVA"), "-Xmx${ROBUSTA_KERNEL_XMX:-8g}", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
           "-Dai.djl.offline=${DJL_OFFLINE:-true}", "-cp", $(json_string "$CP"),
           "dev.robusta.kernel.RobustaKernel", "{connection_file}"],
  "display_name": "Java 17 (Robusta)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {"ROBUSTA_ROOT": $(json_string "$ROOT")}
}
JSON
mv -f "$SPEC_DIR/kernel.json.tmp" "$SPEC_DIR/kernel.json"
[ "$QUIET" = 1 ] || echo "kernel.sh: kernelspec 'robusta' written to $SPEC_DIR/kernel.json" >&2
