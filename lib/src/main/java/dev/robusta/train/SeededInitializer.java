package dev.robusta.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * He (Kaiming) uniform initialisation, {@code U(-sqrt(6 / fan_in), sqrt(6 / fan_in))} (He et al., ICCV 2015),
 * drawn from a Java {@link SplittableRandom} keyed by (seed, parameter name), so the initial weights do not
 * depend on any engine's global RNG or on the order of initialisation. {@code fan_in} is the product of all
 * dimensions but the first ({@code [out, in, kh, kw]} for convolutions, {@code [out, in]} for linear layers).
 */
final class SeededInitializer implements Initializer {
  private final long seed;

  SeededInitializer(long seed, String parameterName) {
    long h = 0xcbf29ce484222325L;
    for (byte b : parameterName.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    this.seed = seed * 0x9E3779B97F4A7C15L ^ h;
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    long fanIn = shape.dimension() > 1 ? shape.size() / shape.get(0) : shape.size();
    double bound = Math.sqrt(6.0 / Math.max(1, fanIn));
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] v = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
    return manager.create(v, shape).toType(dataType, false);
  }
}
