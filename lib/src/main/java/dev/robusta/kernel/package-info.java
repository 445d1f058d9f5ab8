/**
 * Notebook and JShell integration: the Robusta Jupyter kernel ({@link dev.robusta.kernel.RobustaKernel},
 * JShell-backed, on {@code org.dflib.jjava:jjava-jupyter}), rich output from any code through
 * {@link dev.robusta.kernel.Display} and {@link dev.robusta.kernel.Displayable}, and
 * {@link dev.robusta.kernel.ScriptRunner} behind {@code ./robusta jshell SCRIPT}.
 *
 * <p>Cells and scripts run in the same JVM as the kernel (a local JShell execution engine), with
 * the imports of {@code dev/robusta/kernel/imports.jsh} pre-loaded. Failures are
 * {@link dev.robusta.kernel.CellException}s naming the cell or file and line. Nothing outside this
 * package imports the Jupyter library.
 */
package dev.robusta.kernel;
