package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Datasets;
import dev.robusta.testing.Shared;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ImageNet-P .mp4 sequences through FFmpeg, and CIFAR-10-P .npy sequences. */
@Timeout(120)
class SequencesTest {
  @TempDir Path tmp;

  /**
   * Writes {@code n} 224x224 frames, frame k a flat grey of level 20 + 7k: H.264 yuv444p like ImageNet-P
   * when this FFmpeg build can encode it, else H.264 yuv420p, else MPEG-4 part 2 (the reader decodes all).
   */
  static String video(Path file, int n) throws Exception {
    Files.createDirectories(file.getParent());
    Object[][] tries = {{avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV444P, "crf", "0"},
        {avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV420P, null, null},
        {avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P, "qscale", "1"}};
    Exception last = null;
    for (Object[] t : tries) {
      try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 224, 224)) {
        r.setFormat("mp4");
        r.setFrameRate(1);
        r.setVideoCodec((Integer) t[0]);
        r.setPixelFormat((Integer) t[1]);
        r.setVideoBitrate(8_000_000);
        if (t[2] != null) {
          r.setVideoOption((String) t[2], (String) t[3]);
        }
        r.start();
        for (int k = 0; k < n; k++) {
          Frame f = new Frame(224, 224, Frame.DEPTH_UBYTE, 3);
          ByteBuffer b = (ByteBuffer) f.image[0];
          byte v = (byte) (20 + 7 * k);
          for (int i = 0; i < b.capacity(); i++) {
            b.put(i, v);
          }
          r.record(f, avutil.AV_PIX_FMT_BGR24);
        }
        r.stop();
        return t[0] + "/" + t[1];
      } catch (FFmpegFrameRecorder.Exception e) {
        last = e;
        Files.deleteIfExists(file);
      }
    }
    throw last;
  }

  @Test
  void imagenetPVideosDecodeToFramesWithTheirClass() throws Exception {
    Path classes = Shared.path("data/class-lists");
    Datasets.useClassLists(classes);
    List<String> in1k = Files.readAllLines(classes.resolve("imagenet1k_wnids.txt"));
    Path root = tmp.resolve("imagenet-p");
    Fixtures.classTree(root.resolve("gaussian_noise"), in1k, 0, 0, ".JPEG");
    String codec = video(root.resolve("gaussian_noise").resolve(in1k.get(7)).resolve("ILSVRC2012_val_00000001.mp4"), 31);
    SequenceDataset s = Datasets.imagenetP("gaussian_noise", root);
    assertEquals(1, s.size());
    assertEquals(7, s.label(0));
    List<Image> frames = s.frames(0);
    assertEquals(31, frames.size(), "ImageNet-P noise sequences have 31 frames");
    for (int k = 0; k < 31; k += 5) {
      Image f = frames.get(k);
      assertEquals(224, f.height());
      assertEquals(3, f.channels());
      assertEquals(20 + 7 * k, f.get(100, 100, 0), 3.0, "frame " + k + " in order (" + codec + ")");
    }
    assertThrows(DatasetException.class, () -> Datasets.imagenetP("wobble", root));
    Path bad = tmp.resolve("broken.mp4");
    Files.writeString(bad, "not a video");
    assertThrows(ImageDecodeException.class, () -> VideoSequences.decode(bad));
  }

  @Test
  void cifar10PSequencesFromNpy() throws Exception {
    Path dir = tmp.resolve("CIFAR-10-P");
    Files.createDirectories(dir);
    long off = Fixtures.npy(dir.resolve("translate.npy"), 10, 16, 32, 32, 3);
    byte[] seq = new byte[16 * 3072];
    for (int k = 0; k < 16; k++) {
      Arrays.fill(seq, k * 3072, (k + 1) * 3072, (byte) (k * 10));
    }
    Fixtures.writeAt(dir.resolve("translate.npy"), off + 3L * 16 * 3072, seq);
    SequenceDataset s = Datasets.cifar10P("translate", tmp);
    assertEquals(10, s.size());
    assertEquals(-1, s.label(3));
    List<Image> f = s.frames(3);
    assertEquals(16, f.size());
    assertEquals(150, f.get(15).get(31, 31, 2));
    assertEquals(0, s.frames(2).get(5).get(0, 0, 0));
    assertTrue(s.toString().contains("16 frames"));
  }
}
