package dev.robusta.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell execution in this JVM (so snippets share the kernel's classes and statics, e.g.
 * {@link Display}), on one fresh thread per snippet, keeping the value object of the last
 * snippet so the kernel can render it richly.
 *
 * <p>Unlike {@code jdk.jshell.execution.LocalExecutionControl}, it joins only the snippet's own
 * thread, so pool threads a cell leaves behind (parallel streams, executors) never block the next
 * cell. {@link #cancel()} stops that thread ({@code Thread.stop}, still functional on Java 17).
 */
final class CapturingExecutionControl extends DirectExecutionControl {
  /** Marks "no value was produced" (a declaration, or a snippet that was not run). */
  static final Object NO_VALUE = new Object();

  private final Object lock = new Object();
  private Thread running;
  private volatile boolean cancelled;
  private volatile Object lastValue = NO_VALUE;

  /** @return the value of the last snippet run, or {@link #NO_VALUE} */
  Object lastValue() {
    return lastValue;
  }

  /** Forgets the last value (call before each snippet). */
  void clearLastValue() {
    lastValue = NO_VALUE;
  }

  /** @return whether {@link #cancel()} was called since the last {@link #resetCancel()} */
  boolean cancelled() {
    return cancelled;
  }

  /** Starts a new cell: earlier interrupts no longer apply. */
  void resetCancel() {
    cancelled = false;
  }

  /** Stops the running snippet, if any, and makes later snippets of this cell refuse to start. */
  @SuppressWarnings({"deprecation", "removal"})
  void cancel() {
    synchronized (lock) {
      cancelled = true;
      if (running != null) {
        running.stop();
      }
    }
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    Object[] result = {NO_VALUE};
    Throwable[] thrown = {null};
    Thread t = new Thread(() -> {
      try {
        result[0] = doit.invoke(null);
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "robusta-cell");
    t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    synchronized (lock) {
      if (cancelled) {
        throw new ExecutionControl.StoppedException();
      }
      running = t;
      t.start();
    }
    try {
      t.join();
    } finally {
      synchronized (lock) {
        running = null;
      }
    }
    if (cancelled) {
      throw new ExecutionControl.StoppedException();
    }
    if (thrown[0] != null) {
      if (thrown[0] instanceof Exception) {
        throw (Exception) thrown[0];
      }
      throw new InvocationTargetException(thrown[0]);
    }
    lastValue = result[0];
    return valueString(result[0]);
  }

  /** JShell's own stop request: same as {@link #cancel()}. */
  @Override
  public void stop() {
    cancel();
  }

  /** Provides one control per JShell instance; {@link #control()} hands it back to the session. */
  static final class Provider implements ExecutionControlProvider {
    private CapturingExecutionControl control;

    @Override
    public String name() {
      return "robusta-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      control = new CapturingExecutionControl();
      return control;
    }

    CapturingExecutionControl control() {
      if (control == null) {
        throw new IllegalStateException("the JShell execution engine has not been started");
      }
      return control;
    }
  }
}
