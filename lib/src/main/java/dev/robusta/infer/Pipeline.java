package dev.robusta.infer;

import dev.robusta.data.Dataset;
import dev.robusta.data.Image;
import dev.robusta.data.Sample;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a {@link Classifier} over a {@link Dataset}: worker threads decode and preprocess batches
 * ({@code dataset.get(i)} then the preset) while the calling thread runs the model on the previous
 * one; a progress bar shows images/s and the ETA; logits go to a {@link LogitsCache}.
 *
 * <pre>{@code
 * Predictions p = Pipeline.builder(classifier).batchSize(256).cache(LogitsCache.standard())
 *     .cell("gaussian_noise/3").build().run(dataset);
 * }</pre>
 *
 * <p>Cache: an intact entry for (model checksum, dataset id and size, cell, preprocessing) is returned
 * without running the model ({@link Predictions.Source#CACHE}); a damaged one is deleted and
 * recomputed. While running, checkpoints are written every {@link Builder#checkpointEvery(int)} images,
 * so a run that is stopped ({@link Builder#stopWhen(BooleanSupplier)}, which throws
 * {@link InferenceStoppedException}), killed or failed resumes at the last checkpoint
 * ({@link Predictions.Source#RESUMED}). Without a cache nothing is written and nothing resumes.
 *
 * <p>Native memory: the classifier frees each batch's NDArrays when the batch ends, so a run of any
 * length keeps native memory flat; Java memory holds the {@code [N, C]} result plus
 * {@code prefetch} batches of input.
 */
public final class Pipeline {
  private final Classifier classifier;
  private final int batchSize;
  private final int workers;
  private final int prefetch;
  private final LogitsCache cache;
  private final String cell;
  private final boolean progress;
  private final Consumer<String> progressSink;
  private final int checkpointEvery;
  private final BooleanSupplier stopWhen;

  private Pipeline(Builder b) {
    this.classifier = b.classifier;
    this.batchSize = b.batchSize;
    this.workers = b.workers;
    this.prefetch = b.prefetch > 0 ? b.prefetch : b.workers + 1;
    this.cache = b.cache;
    this.cell = b.cell;
    this.progress = b.progress;
    this.progressSink = b.progressSink;
    this.checkpointEvery = b.checkpointEvery;
    this.stopWhen = b.stopWhen;
  }

  /** @return a builder for a pipeline around this (open) classifier */
  public static Builder builder(Classifier classifier) {
    return new Builder(classifier);
  }

  /** One batch, decoded and preprocessed by a worker. */
  private record Prepared(float[] data, int n, int h, int w, int[] labels) {}

  /**
   * Evaluates the whole dataset (or reads it from the cache).
   *
   * @return {@code [N, C]} logits and labels in dataset order, with model, dataset, cell and preset
   * @throws InferenceStoppedException when {@code stopWhen} said stop (the work done is checkpointed)
   * @throws InferenceException when decoding or the model fails (the work done is checkpointed)
   * @throws IllegalArgumentException when images differ in size after preprocessing
   */
  public Predictions run(Dataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    int total = dataset.size();
    Preset preset = classifier.preset();
    CacheKey key = new CacheKey(classifier.info(), dataset.id(), total, cell, preset.key(), preset.toString());
    if (cache != null) {
      Optional<Predictions> hit = cache.get(key);
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    float[][] logits = new float[total][];
    float[][] features = classifier.info().featuresOutput() == null ? null : new float[total][];
    int[] labels = new int[total];
    int done = 0;
    if (cache != null) {
      for (LogitsCache.Segment s : cache.readSegments(key, 0)) {
        for (int i = 0; i < s.labels().length; i++) {
          labels[s.start() + i] = s.labels()[i];
          logits[s.start() + i] = s.logits()[i];
          if (features != null) {
            if (s.features() == null) {
              throw new CacheCorruptedException(cache.manifestPath(key), "checkpoint lacks features");
            }
            features[s.start() + i] = s.features()[i];
          }
        }
        done += s.labels().length;
      }
    }
    int resumedFrom = done;
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "robusta-decode");
      t.setDaemon(true);
      return t;
    });
    ProgressBar bar = progress ? progressBar(dataset, total, done) : null;
    int checkpointStart = done;
    try {
      ArrayDeque<Future<Prepared>> window = new ArrayDeque<>();
      int nextToSubmit = done;
      int h = -1;
      int w = -1;
      while (done < total) {
        while (window.size() < prefetch && nextToSubmit < total) {
          int start = nextToSubmit;
          int end = Math.min(total, start + batchSize);
          window.add(pool.submit(() -> prepare(dataset, preset, start, end)));
          nextToSubmit = end;
        }
        Prepared p = await(window.poll(), done);
        if (h < 0) {
          h = p.h;
          w = p.w;
        } else if (p.h != h || p.w != w) {
          throw new IllegalArgumentException("images from index " + done + " are " + p.h + "x" + p.w
              + " after preprocessing, earlier ones " + h + "x" + w + "; use a preset that resizes/crops");
        }
        Outputs o = classifier.forward(p.data, p.n, p.h, p.w);
        for (int i = 0; i < p.n; i++) {
          logits[done + i] = o.logits()[i];
          labels[done + i] = p.labels[i];
          if (features != null) {
            features[done + i] = o.features()[i];
          }
        }
        done += p.n;
        if (bar != null) {
          bar.stepTo(done);
        }
        boolean stop = done < total && stopWhen != null && stopWhen.getAsBoolean();
        if (cache != null && done < total && (stop || done - checkpointStart >= checkpointEvery)) {
          checkpoint(key, checkpointStart, done, labels, logits, features);
          checkpointStart = done;
        }
        if (stop) {
          window.forEach(f -> f.cancel(true));
          throw new InferenceStoppedException(classifier.info().name(), dataset.id(), cell, done, total,
              cache != null);
        }
      }
    } catch (RuntimeException e) {
      if (cache != null && done > checkpointStart && !(e instanceof InferenceStoppedException)) {
        checkpoint(key, checkpointStart, done, labels, logits, features);
      }
      throw e;
    } finally {
      pool.shutdownNow();
      if (bar != null) {
        bar.refresh();
        bar.close();
      }
    }
    Predictions result = new Predictions(classifier.info(), dataset.id(), cell, preset.toString(), logits,
        labels, features, resumedFrom > 0 ? Predictions.Source.RESUMED : Predictions.Source.COMPUTED);
    if (cache != null) {
      cache.put(key, result);
      cache.deleteSegments(key);
    }
    return result;
  }

  private void checkpoint(CacheKey key, int from, int to, int[] labels, float[][] logits, float[][] features) {
    int n = to - from;
    int[] l = new int[n];
    System.arraycopy(labels, from, l, 0, n);
    float[][] lg = new float[n][];
    System.arraycopy(logits, from, lg, 0, n);
    float[][] f = null;
    if (features != null) {
      f = new float[n][];
      System.arraycopy(features, from, f, 0, n);
    }
    cache.writeSegment(key, new LogitsCache.Segment(from, l, lg, f));
  }

  private static Prepared await(Future<Prepared> f, int index) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InferenceStoppedException("interrupted while waiting for batch at " + index);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new InferenceException("decoding/preprocessing the batch starting at index " + index + " failed: "
          + Classifier.rootMessage(c), c);
    }
  }

  private static Prepared prepare(Dataset ds, Preset preset, int start, int end) {
    int n = end - start;
    int[] labels = new int[n];
    float[] data = null;
    int h = 0;
    int w = 0;
    for (int i = 0; i < n; i++) {
      Sample s = ds.get(start + i);
      Image g = preset.geometry(s.image());
      if (data == null) {
        h = g.height();
        w = g.width();
        data = new float[n * 3 * h * w];
      } else if (g.height() != h || g.width() != w) {
        throw new IllegalArgumentException("image " + (start + i) + " is " + g.height() + "x" + g.width()
            + " after preprocessing, image " + start + " is " + h + "x" + w
            + "; use a preset that resizes/crops to one size");
      }
      preset.writeChw(g, data, i * 3 * h * w);
      labels[i] = s.label();
    }
    return new Prepared(data, n, h, w, labels);
  }

  private ProgressBar progressBar(Dataset dataset, int total, int done) {
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setTaskName(classifier.info().name() + " " + dataset.id() + (cell.equals("-") ? "" : " " + cell))
        .setInitialMax(total).setUnit(" img", 1).showSpeed(new DecimalFormat("#,##0"))
        .setSpeedUnit(ChronoUnit.SECONDS).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
        .startsFrom(done, Duration.ZERO);
    if (progressSink != null) {
      b.setConsumer(new DelegatingProgressBarConsumer(progressSink, 160));
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "Pipeline[" + classifier.info() + ", batch " + batchSize + ", " + workers + " decode workers, cell "
        + cell + ", " + (cache == null ? "no cache" : cache) + "]";
  }

  /** Options of a {@link Pipeline}; the classifier is required, everything else has a default. */
  public static final class Builder {
    private final Classifier classifier;
    private int batchSize = 64;
    private int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private int prefetch;
    private LogitsCache cache;
    private String cell = "-";
    private boolean progress = System.console() != null;
    private Consumer<String> progressSink;
    private int checkpointEvery = 10_000;
    private BooleanSupplier stopWhen;

    private Builder(Classifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** @param n images per model call, at least 1 (default 64); fixed-batch models are chunked further */
    public Builder batchSize(int n) {
      this.batchSize = positive("batch size", n);
      return this;
    }

    /** @param n decode/preprocess threads, at least 1 (default half the cores, at least 1) */
    public Builder workers(int n) {
      this.workers = positive("workers", n);
      return this;
    }

    /** @param n batches prepared ahead of the model, at least 1 (default workers + 1) */
    public Builder prefetch(int n) {
      this.prefetch = positive("prefetch", n);
      return this;
    }

    /** @param c where logits are cached and checkpoints kept; null (default) for none */
    public Builder cache(LogitsCache c) {
      this.cache = c;
      return this;
    }

    /** @param c the dataset cell, e.g. {@code gaussian_noise/3}; default {@code "-"} (whole dataset) */
    public Builder cell(String c) {
      this.cell = Objects.requireNonNull(c, "cell").isBlank() ? "-" : c;
      return this;
    }

    /** @param on show a progress bar (images/s, ETA) on stderr; default: when a console is attached */
    public Builder progress(boolean on) {
      this.progress = on;
      return this;
    }

    /** Shows the progress bar through this sink (e.g. a logger) instead of the terminal. */
    public Builder progress(Consumer<String> sink) {
      this.progress = true;
      this.progressSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** @param images write a checkpoint after at least this many new images (default 10,000) */
    public Builder checkpointEvery(int images) {
      this.checkpointEvery = positive("checkpoint interval", images);
      return this;
    }

    /** @param s asked after every batch; when true the run checkpoints and throws {@link InferenceStoppedException} */
    public Builder stopWhen(BooleanSupplier s) {
      this.stopWhen = s;
      return this;
    }

    public Pipeline build() {
      return new Pipeline(this);
    }

    private static int positive(String what, int n) {
      if (n < 1) {
        throw new IllegalArgumentException(what + " must be at least 1, got " + n);
      }
      return n;
    }
  }

}
