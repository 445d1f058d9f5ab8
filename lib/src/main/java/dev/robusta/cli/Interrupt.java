package dev.robusta.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT, or SIGTERM from {@code kill}) for long commands: the first one asks the running inference to stop after its current batch
 * (the pipeline checkpoints what is done into the logits cache, and the command exits with status 130 and a
 * one-line message); a second one halts at once. Without this the JVM would shut down while native inference
 * (libtorch, ONNX Runtime) is still running on the main thread, which crashes it.
 */
final class Interrupt {
  private static final AtomicInteger SIGNALS = new AtomicInteger();

  private Interrupt() {}

  /**
   * Installs the handler; harmless where the platform has no SIGINT (the default behaviour stays). A signal the
   * process inherited as ignored (a background job of a non-interactive shell ignores SIGINT) stays ignored:
   * the JVM does not take it over.
   */
  static void install() {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
          if (SIGNALS.incrementAndGet() == 1) {
            System.err.println("\nrobusta: SIG" + s.getName() + ": stopping after the current batch and saving it to"
                + " the logits cache (Ctrl-C again to abort at once)");
          } else {
            Runtime.getRuntime().halt(130);
          }
        });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // no such signal here: keep the JVM's default
      }
    }
  }

  /** @return whether Ctrl-C was pressed since the handler was installed */
  static boolean requested() {
    return SIGNALS.get() > 0;
  }
}
