#!/usr/bin/env bash
# ./robusta jshell [SCRIPT.jsh]: JShell with the library on the class path and the imports pre-loaded.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CP="$ROOT/lib/target/classes:$ROOT/lib/target/lib/*"
IMPORTS="$ROOT/lib/src/main/resources/dev/robusta/kernel/imports.jsh"
JAVA_OPTS="${ROBUSTA_JAVA_OPTS:--Xmx8g} -Djava.awt.headless=true -Dai.djl.offline=${DJL_OFFLINE:-true}"

case "${1:-}" in
  -h|--help)
    cat <<'USAGE'
Usage: ./robusta jshell [SCRIPT.jsh]
Without a script: an interactive JShell with the Robusta library and its dependencies on the class
path and the common imports pre-loaded (dev.robusta.*, dev.robusta.data.*, tech.tablesaw.api.*,
java.util.*, java.nio.file.*, ... and Display's show/html/markdown/png/image; the list is
lib/src/main/resources/dev/robusta/kernel/imports.jsh). Type /exit to leave.
With a script: runs its snippets in order and stops at the first one that fails to compile or
throws, printing FILE:LINE and the error, with exit status 1 (plain jshell would exit 0). A final
/exit N sets the exit status. Expression values are not echoed: print them, or show(...) them.
Examples are in snippets/.
USAGE
    exit 0 ;;
esac

if [ $# -eq 0 ]; then
  command -v jshell >/dev/null 2>&1 || { echo "robusta jshell: 'jshell' is not installed" >&2;
    echo "  hint: apt-get install -y openjdk-17-jdk-headless" >&2; exit 3; }
  R_OPTS=(); for o in $JAVA_OPTS; do R_OPTS+=("-R$o"); done
  exec jshell --class-path "$CP" "${R_OPTS[@]}" --startup DEFAULT --startup "$IMPORTS"
fi
[ $# -eq 1 ] || { echo "robusta jshell: one script at a time" >&2; echo "  hint: ./robusta jshell --help" >&2; exit 2; }
# shellcheck disable=SC2086
exec java $JAVA_OPTS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" dev.robusta.kernel.ScriptRunner "$1"
