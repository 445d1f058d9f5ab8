package dev.robusta.bench;

public final class CifarGenerationBench {
  private CifarGenerationBench() {}

  static void run(int limit) {
    System.out.println("CIFAR-10-C generation: not wired yet");
  }
}
