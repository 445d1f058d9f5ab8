package dev.robusta.infer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files a CLIP zero-shot run needs, in one folder. <b>None of them ships with Robusta</b> and nothing
 * is downloaded at run time; export them once on a machine with Python and the weights:
 *
 * <ul>
 *   <li>{@value #IMAGE_ENCODER} (or {@code image_encoder.onnx}): the image tower, {@code [N, 3, 224, 224]}
 *       float32 (preprocessed with {@link Preset#CLIP}) to {@code [N, D]} ({@code D = 512} for ViT-B/32).
 *   <li>{@value #TEXT_ENCODER} (or {@code text_encoder.onnx}): the text tower, {@code [T, 77]} int64 token
 *       ids to {@code [T, D]}.
 *   <li>{@value #TOKENIZER}: CLIP's BPE tokenizer from the Hugging Face repository
 *       {@code openai/clip-vit-base-patch32}.
 *   <li>or, instead of the text tower and tokenizer, {@value #CLASS_EMBEDDINGS}: precomputed {@code [C, D]}
 *       float32 class embeddings (fully offline; the class list must match).
 * </ul>
 *
 * <p>Export (OpenAI CLIP ViT-B/32; {@code pip install torch git+https://github.com/openai/CLIP} or
 * {@code open_clip_torch}, then run in Python):
 *
 * <pre>
 * import torch, clip                                   # OpenAI's package
 * model, _ = clip.load("ViT-B/32", device="cpu", jit=False); model = model.float().eval()
 * class Img(torch.nn.Module):
 *     def __init__(self, m): super().__init__(); self.m = m
 *     def forward(self, x): return self.m.encode_image(x)
 * class Txt(torch.nn.Module):
 *     def __init__(self, m): super().__init__(); self.m = m
 *     def forward(self, t): return self.m.encode_text(t)
 * with torch.no_grad():
 *     torch.jit.trace(Img(model), torch.randn(2, 3, 224, 224)).save("image_encoder.pt")
 *     torch.jit.trace(Txt(model), clip.tokenize(["a photo of a cat.", "a dog."])).save("text_encoder.pt")
 * # open_clip instead: model, _, _ = open_clip.create_model_and_transforms("ViT-B-32", pretrained="openai")
 * </pre>
 *
 * and {@code huggingface-cli download openai/clip-vit-base-patch32 tokenizer.json --local-dir .}. For the
 * precomputed variant: {@code w = model.encode_text(clip.tokenize(prompts))}, normalise, average per class,
 * normalise, then {@code numpy.save("class_embeddings.npy", w.float().numpy())} ({@code [C, D]}).
 *
 * @param folder the folder holding the files
 */
public record ClipFiles(Path folder) {
  /** The image tower's file name (TorchScript; {@code image_encoder.onnx} is accepted too). */
  public static final String IMAGE_ENCODER = "image_encoder.pt";
  /** The text tower's file name (TorchScript; {@code text_encoder.onnx} is accepted too). */
  public static final String TEXT_ENCODER = "text_encoder.pt";
  /** The tokenizer file name. */
  public static final String TOKENIZER = "tokenizer.json";
  /** The precomputed class embeddings' file name. */
  public static final String CLASS_EMBEDDINGS = "class_embeddings.npy";

  /** @param folder the folder holding the files (need not exist) */
  public ClipFiles {
    Objects.requireNonNull(folder, "folder");
  }

  /** @return the image tower: {@code image_encoder.pt}, else {@code image_encoder.onnx} when only that exists */
  public Path imageEncoder() { return either(IMAGE_ENCODER); }

  /** @return the text tower: {@code text_encoder.pt}, else {@code text_encoder.onnx} when only that exists */
  public Path textEncoder() { return either(TEXT_ENCODER); }

  /** @return the tokenizer.json path */
  public Path tokenizer() { return folder.resolve(TOKENIZER); }

  /** @return the precomputed class embeddings path */
  public Path classEmbeddings() { return folder.resolve(CLASS_EMBEDDINGS); }

  private Path either(String pt) {
    Path p = folder.resolve(pt);
    Path onnx = folder.resolve(pt.replace(".pt", ".onnx"));
    return !Files.isRegularFile(p) && Files.isRegularFile(onnx) ? onnx : p;
  }

  /** @return true when the text tower and the tokenizer are both present */
  public boolean hasTextEncoder() {
    return Files.isRegularFile(textEncoder()) && Files.isRegularFile(tokenizer());
  }

  /** @return true when a zero-shot run is possible: image tower plus text tower + tokenizer or class embeddings */
  public boolean complete() {
    return Files.isRegularFile(imageEncoder()) && (hasTextEncoder() || Files.isRegularFile(classEmbeddings()));
  }

  /**
   * @return the required files that are absent: the image tower, and the text tower + tokenizer unless
   *     the class embeddings are present (empty when {@link #complete()})
   */
  public List<Path> missing() {
    List<Path> m = new ArrayList<>();
    if (!Files.isRegularFile(imageEncoder())) {
      m.add(imageEncoder());
    }
    if (!Files.isRegularFile(classEmbeddings())) {
      if (!Files.isRegularFile(textEncoder())) {
        m.add(textEncoder());
      }
      if (!Files.isRegularFile(tokenizer())) {
        m.add(tokenizer());
      }
    }
    return m;
  }

  /**
   * @throws MissingWeightsException when files are missing: the message names each one, what it holds and
   *     how to get it
   */
  public void require() {
    List<Path> m = missing();
    if (!m.isEmpty()) {
      throw new MissingWeightsException(m, explain(m));
    }
  }

  private String explain(List<Path> m) {
    StringBuilder sb = new StringBuilder("CLIP weights missing in " + folder.toAbsolutePath() + ":");
    for (Path p : m) {
      String n = p.getFileName().toString();
      sb.append("\n  - ").append(n).append(": ").append(n.startsWith("image_encoder")
          ? "OpenAI CLIP ViT-B/32 image tower exported to TorchScript (or ONNX), [N,3,224,224] float32 -> [N,512]"
          : n.startsWith("text_encoder")
              ? "OpenAI CLIP ViT-B/32 text tower exported to TorchScript (or ONNX), [T,77] int64 -> [T,512]"
              : "tokenizer.json from the Hugging Face repository openai/clip-vit-base-patch32");
    }
    sb.append("\nExport the towers with the openai/CLIP (clip.load(\"ViT-B/32\")) or open_clip package and"
        + " torch.jit.trace, as in the javadoc of dev.robusta.infer.ClipFiles; get the tokenizer with"
        + " 'huggingface-cli download openai/clip-vit-base-patch32 tokenizer.json'. Instead of the text tower"
        + " and tokenizer, a precomputed [C,512] float32 " + CLASS_EMBEDDINGS + " works fully offline.");
    return sb.toString();
  }

  @Override
  public String toString() {
    return "ClipFiles[" + folder + (complete() ? ", complete" : ", missing " + missing().size() + " file(s)") + "]";
  }
}
