package dev.robusta.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Quarter-turn rotations of NCHW batches for the rotation-prediction head (Hendrycks et al., NeurIPS 2019,
 * reference code {@code hendrycks/ss-ood}). {@code k} counts counter-clockwise quarter turns, as
 * {@code torch.rot90(x, k, dims=(2, 3))}: {@code k = 1} is {@code x.transpose(2, 3).flip(2)} in the
 * reference, {@code k = 3} is {@code x.transpose(2, 3).flip(3)}.
 */
public final class Rotations {
  private Rotations() {}

  /**
   * @param x {@code [N, C, H, W]} with {@code H == W}
   * @param k quarter turns counter-clockwise, 0..3
   * @return the rotated batch, same shape
   * @throws IllegalArgumentException when k is outside 0..3 or the images are not square
   */
  public static NDArray rotate(NDArray x, int k) {
    requireSquare(x);
    switch (k) {
      case 0: return x.duplicate();
      case 1: return x.transpose(0, 1, 3, 2).flip(2);
      case 2: return x.flip(2, 3);
      case 3: return x.transpose(0, 1, 3, 2).flip(3);
      default: throw new IllegalArgumentException("rotation k must be 0..3 quarter turns, was " + k);
    }
  }

  /**
   * The batch the rotation head sees: the N images rotated by 0, 90, 180 and 270 degrees, in that order
   * ({@code [4N, C, H, W]}: rows 0..N-1 unrotated, N..2N-1 rotated once, ...).
   */
  public static NDArray fourRotations(NDArray x) {
    requireSquare(x);
    return NDArrays.concat(new NDList(rotate(x, 0), rotate(x, 1), rotate(x, 2), rotate(x, 3)), 0);
  }

  /** @return {@code [4N]} int64 targets {@code 0 x N, 1 x N, 2 x N, 3 x N} matching {@link #fourRotations} */
  public static NDArray targets(NDManager manager, int n) {
    long[] t = new long[4 * n];
    for (int i = 0; i < t.length; i++) {
      t[i] = i / n;
    }
    return manager.create(t).toType(DataType.INT64, false);
  }

  private static void requireSquare(NDArray x) {
    if (x.getShape().dimension() != 4 || x.getShape().get(2) != x.getShape().get(3)) {
      throw new IllegalArgumentException("rotation prediction needs square NCHW images, got shape "
          + x.getShape() + "; crop or resize to H == W first");
    }
  }
}
