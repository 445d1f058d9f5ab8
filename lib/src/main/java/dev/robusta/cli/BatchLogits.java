package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Logits from an in-process batch function (e.g. a Robusta-trained DJL model): samples are produced
 * (decoded, corrupted) by worker threads in chunks of a batch, then the batch goes through the model on the
 * calling thread. No cache: the trained demo model is small enough to recompute.
 */
final class BatchLogits implements LogitsSource, AutoCloseable {
  private static final int BATCH = 250;
  private final Function<List<Image>, float[][]> model;
  private final ExecutorService pool;
  private final int workers;
  private final LongConsumer progress;

  BatchLogits(Function<List<Image>, float[][]> model, int workers, LongConsumer progress) {
    this.model = model;
    this.workers = workers;
    this.progress = progress;
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "robusta-samples");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Logits logits(Dataset dataset, String cell) {
    int n = dataset.size();
    float[][] out = new float[n][];
    int[] labels = new int[n];
    for (int start = 0; start < n; start += BATCH) {
      int end = Math.min(n, start + BATCH);
      Image[] imgs = new Image[end - start];
      List<Future<?>> fs = new ArrayList<>();
      int chunk = (imgs.length + workers - 1) / workers;
      for (int t = 0; t < workers; t++) {
        int a = t * chunk;
        int b = Math.min(imgs.length, a + chunk);
        final int s0 = start;
        fs.add(pool.submit(() -> {
          for (int i = a; i < b; i++) {
            Sample s = dataset.get(s0 + i);
            imgs[i] = s.image();
            labels[s0 + i] = s.label();
          }
        }));
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading " + dataset.id(), e);
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
      }
      float[][] l = model.apply(List.of(imgs));
      System.arraycopy(l, 0, out, start, l.length);
      progress.accept(end - start);
    }
    return new Logits(out, labels);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
