package dev.robusta.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * ImageNet-P sequences: {@code <root>/<perturbation>/<wnid>/<val file stem>.mp4} (H.264 yuv444p,
 * 224x224, 1 fps; Hendrycks & Dietterich, {@code make_imagenet_p.py}), decoded with FFmpeg through
 * JavaCV to RGB frames in presentation order. JCodec cannot decode these files (yuv444p).
 */
final class VideoSequences implements SequenceDataset {
  private final String id;
  private final FileListDataset files;

  VideoSequences(String id, Path dir, LabelSpace space, int expectedClasses) {
    this.id = id;
    FileListDataset raw = FolderScanner.byClassFolders(id, dir, space, expectedClasses, Map.of(), ImageDecoder.DEFAULT,
        "mp4");
    this.files = raw;
  }

  @Override
  public String id() { return id; }

  @Override
  public int size() { return files.size(); }

  @Override
  public int label(int index) { return files.labelOf(index); }

  @Override
  public LabelSpace labelSpace() { return files.labelSpace(); }

  /** @return the video file of sequence {@code index} */
  Path path(int index) { return files.path(index); }

  @Override
  public List<Image> frames(int index) {
    return decode(files.path(index));
  }

  /**
   * @return every video frame of the file as RGB images
   * @throws ImageDecodeException when FFmpeg cannot open or decode the file
   */
  static List<Image> decode(Path file) {
    List<Image> out = new ArrayList<>();
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
      g.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
      g.start();
      Frame f;
      while ((f = g.grabImage()) != null) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        int stride = f.imageStride;
        ByteBuffer b = (ByteBuffer) f.image[0];
        byte[] px = new byte[h * w * 3];
        for (int y = 0; y < h; y++) {
          b.position(y * stride);
          b.get(px, y * w * 3, w * 3);
        }
        out.add(Image.wrap(h, w, 3, px));
      }
      g.stop();
    } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
      throw new ImageDecodeException(file.toString(), "FFmpeg cannot decode the video: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new ImageDecodeException(file.toString(), "the video has no frames", null);
    }
    return out;
  }

  @Override
  public String toString() {
    return "SequenceDataset[" + id + ", " + size() + " videos (.mp4, FFmpeg), " + labelSpace().size() + " classes]";
  }
}
