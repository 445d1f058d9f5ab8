package dev.robusta.kernel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The Robusta Jupyter kernel: Java 17 cells evaluated by JShell in this JVM, on
 * {@code org.dflib.jjava:jjava-jupyter}.
 *
 * <p>State carries across cells; a cell ending in an expression shows its value ({@code text/plain},
 * or the rich bundle of a {@link Displayable}, {@code BufferedImage} or Tablesaw table);
 * {@link Display} adds {@code display_data} outputs; compile errors and exceptions become Jupyter
 * errors, so headless execution stops on them. Interrupts arrive as messages (the kernelspec says
 * {@code "interrupt_mode": "message"}) and stop the running cell; shutdown closes JShell and exits.
 *
 * <p>Start-up installs the handlers, then binds the sockets (so no request can race them), and warms
 * JShell in the background shortly after the first {@code kernel_info} request is answered; the
 * first cell waits for it.
 */
public final class RobustaKernel extends BaseKernel {
  private final CompletableFuture<ShellSession> session = new CompletableFuture<>();
  private final AtomicBoolean starting = new AtomicBoolean();
  private final AtomicBoolean warmUpTimer = new AtomicBoolean();
  /** JShell warms up this long after the first {@code kernel_info} reply, or at the first cell. */
  static final long WARM_UP_DELAY_MS = 750;

  RobustaKernel() {
    super("robusta", dev.robusta.Robusta.version(),
        new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java",
            "java", "script"),
        List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
        null, null, false, new StringStyler("", "", "", i -> ""));
  }

  /**
   * Starts JShell on a background thread, once: shortly after the first {@code kernel_info} reply
   * (so the warm-up does not slow the front end's readiness check on 2 cores), or at the first cell.
   */
  void startSession() {
    if (!starting.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        session.complete(ShellSession.start());
      } catch (Throwable e) {
        session.completeExceptionally(e);
      }
    }, "robusta-jshell-start");
    t.setDaemon(true);
    t.start();
  }

  @Override
  protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
    super.handleKernelInfoRequest(env, request);
    if (warmUpTimer.compareAndSet(false, true)) {
      // Leave the front end's readiness handshake (kernel_info, then an IOPub check) uncontended.
      CompletableFuture.delayedExecutor(WARM_UP_DELAY_MS, TimeUnit.MILLISECONDS).execute(this::startSession);
    }
  }

  private ShellSession session() {
    startSession();
    try {
      return session.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while JShell was starting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("JShell failed to start: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public Object evalRaw(String code) {
    int count = executionCount.get() - 1;
    CellValue v = session().eval(code, "cell[" + count + "]");
    return v.present() ? displayData(MimeBundle.ofResult(v.value(), v.text())) : null;
  }

  static DisplayData displayData(Map<String, String> bundle) {
    DisplayData d = new DisplayData();
    bundle.forEach(d::putData);
    return d;
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return null;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    if (!session.isDone()) {
      return null;
    }
    ShellSession.Completion c = session().complete(code, at);
    return new ReplacementOptions(c.candidates(), c.start(), c.end());
  }

  @Override
  public String isComplete(String code) {
    if (!session.isDone()) {
      return IS_COMPLETE_MAYBE;
    }
    String why = session().incompleteness(code);
    return why == null ? IS_COMPLETE_YES : why.isEmpty() ? "    " : IS_COMPLETE_BAD;
  }

  @Override
  public void interrupt() {
    ShellSession s = session.getNow(null);
    if (s != null) {
      s.stop();
    }
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    Display.route(null);
    ShellSession s = session.getNow(null);
    if (s != null) {
      s.stop();
      s.close();
    }
    super.onShutdown(isRestarting);
  }

  @Override
  public List<String> formatError(Throwable e) {
    if (e instanceof CellException) {
      return ((CellException) e).report();
    }
    return super.formatError(e);
  }

  /**
   * Runs the kernel until the front end shuts it down.
   *
   * @param args one argument: the connection file Jupyter writes ({@code {connection_file}})
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java dev.robusta.kernel.RobustaKernel CONNECTION_FILE\n"
          + "  hint: Jupyter starts it through the kernelspec that ./robusta lab and ./robusta run install");
      System.exit(2);
    }
    String json;
    try {
      json = Files.readString(Path.of(args[0]));
    } catch (NoSuchFileException e) {
      System.err.println("robusta kernel: connection file " + args[0] + " does not exist");
      System.exit(2);
      return;
    }
    JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(json));
    RobustaKernel kernel = new RobustaKernel();
    kernel.becomeHandlerForConnection(connection);
    Display.route(bundle -> kernel.display(displayData(bundle)));
    connection.connect();
    connection.waitUntilClose();
    System.exit(0);
  }
}
