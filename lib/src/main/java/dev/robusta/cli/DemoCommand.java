package dev.robusta.cli;

/** {@code ./robusta demo}: placeholder until the end-to-end job lands. */
final class DemoCommand implements Command {
  @Override
  public int run(String[] args) {
    System.out.println(help());
    System.err.println("robusta demo: not available yet\n  hint: the end-to-end job is being built");
    return 3;
  }

  @Override
  public String help() {
    return "Usage: ./robusta demo [--model FILE]\n"
        + "Trains (or loads the cached) Fashion-MNIST CNN, evaluates it on Fashion-MNIST-C (15 corruptions x 5"
        + " severities, CIFAR_C preset) and on synthetic OOD sets, prints tables and writes an HTML report.";
  }
}
