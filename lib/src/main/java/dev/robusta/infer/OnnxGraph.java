package dev.robusta.infer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few parts of an ONNX model file that finding and exposing the penultimate tensor needs, read
 * straight from the protobuf wire format (onnx/onnx.proto: ModelProto.graph = 7; GraphProto.node = 1,
 * initializer = 5, output = 12; NodeProto.input = 1, output = 2, op_type = 4, attribute = 5;
 * AttributeProto.name = 1, i = 3; TensorProto.dims = 1, data_type = 2, float_data = 4, name = 8,
 * raw_data = 9, data_location = 14; ValueInfoProto.name = 1). No ONNX Java classes exist on Maven
 * Central, and these nine fields are all that is needed, so no protobuf dependency is added.
 *
 * <p>Adding a graph output is a byte append: protobuf concatenates repeated fields, so the graph message
 * gets one more {@code output} entry (a {@code ValueInfoProto} with only a name; ONNX Runtime infers its
 * type) and the model's {@code graph} field is re-framed with the new length. Every other byte is kept.
 */
final class OnnxGraph {
  /** One graph node: its op type, inputs, outputs and integer attributes. */
  record Node(String opType, List<String> inputs, List<String> outputs, Map<String, Long> intAttributes) {}

  /** The final fully connected layer: features [N, D] times weight (+ bias) gives the logits [N, C]. */
  record FinalLinear(String features, String weight, String bias, boolean transposedWeight, String opType) {}

  private final byte[] model;
  private final int graphStart;
  private final int graphEnd;
  private final List<Node> nodes = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  private final Map<String, int[]> initializers = new LinkedHashMap<>(); // name -> {start, end} of the TensorProto

  private OnnxGraph(byte[] model) {
    this.model = model;
    int[] g = null;
    for (int p = 0; p < model.length; ) {
      long key = varint(model, p);
      p += varintSize(model, p);
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (wire == 2) {
        int len = (int) varint(model, p);
        p += varintSize(model, p);
        if (field == 7) g = new int[] {p, p + len};
        p += len;
      } else {
        p = skip(model, p, wire);
      }
    }
    if (g == null) throw new IllegalArgumentException("not an ONNX model: no graph (ModelProto field 7)");
    graphStart = g[0];
    graphEnd = g[1];
    for (int p = graphStart; p < graphEnd; ) {
      long key = varint(model, p);
      p += varintSize(model, p);
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (wire != 2) {
        p = skip(model, p, wire);
        continue;
      }
      int len = (int) varint(model, p);
      p += varintSize(model, p);
      if (field == 1) nodes.add(node(p, p + len));
      else if (field == 5) initializers.put(tensorName(p, p + len), new int[] {p, p + len});
      else if (field == 12) outputs.add(valueInfoName(p, p + len));
      p += len;
    }
  }

  /** @throws IllegalArgumentException when the bytes are not an ONNX model */
  static OnnxGraph parse(byte[] model) {
    try {
      return new OnnxGraph(model);
    } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("not an ONNX model: the protobuf is truncated or malformed", e);
    }
  }

  List<Node> nodes() { return nodes; }

  List<String> outputs() { return outputs; }

  /**
   * Walks back from the first graph output (the logits) through shape-only ops to the Gemm, or the
   * MatMul (+ Add), that produces it, and returns the tensor it multiplies: the penultimate features.
   *
   * @throws IllegalArgumentException when the logits do not come from a Gemm or MatMul
   */
  FinalLinear finalLinear() {
    if (outputs.isEmpty()) throw new IllegalArgumentException("the ONNX graph has no outputs");
    String t = outputs.get(0);
    String bias = null;
    for (int hops = 0; hops < 8; hops++) {
      Node n = producer(t);
      if (n == null) break;
      switch (n.opType()) {
        case "Gemm": {
          boolean transB = n.intAttributes().getOrDefault("transB", 0L) != 0;
          if (n.intAttributes().getOrDefault("transA", 0L) != 0) break;
          return new FinalLinear(n.inputs().get(0), n.inputs().get(1), n.inputs().size() > 2 ? n.inputs().get(2) : null,
              transB, "Gemm");
        }
        case "MatMul":
          return new FinalLinear(n.inputs().get(0), n.inputs().get(1), bias, false, "MatMul");
        case "Add": {
          Node left = producer(n.inputs().get(0));
          boolean leftIsMatMul = left != null && left.opType().equals("MatMul");
          bias = n.inputs().get(leftIsMatMul ? 1 : 0);
          t = n.inputs().get(leftIsMatMul ? 0 : 1);
          continue;
        }
        case "Identity": case "Reshape": case "Flatten": case "Squeeze":
          t = n.inputs().get(0);
          continue;
        default:
          break;
      }
      throw new IllegalArgumentException("the ONNX graph's first output '" + outputs.get(0) + "' comes from a "
          + n.opType() + " node, not a Gemm/MatMul (a final linear layer); name the features tensor with"
          + " featuresOutput(name) after adding it as a graph output yourself");
    }
    throw new IllegalArgumentException("no Gemm/MatMul produces the ONNX graph's first output '" + outputs.get(0)
        + "'; name the features tensor with featuresOutput(name) after adding it as a graph output yourself");
  }

  private Node producer(String tensor) {
    for (Node n : nodes) if (n.outputs().contains(tensor)) return n;
    return null;
  }

  /** @return the model bytes with {@code name} appended to the graph outputs */
  byte[] withExtraOutput(String name) {
    if (outputs.contains(name)) return model.clone();
    ByteArrayOutputStream vi = new ByteArrayOutputStream();
    writeString(vi, 1, name);
    ByteArrayOutputStream graph = new ByteArrayOutputStream();
    graph.write(model, graphStart, graphEnd - graphStart);
    writeBytes(graph, 12, vi.toByteArray());
    byte[] g = graph.toByteArray();
    // the graph field's own key and length precede graphStart
    int keyStart = fieldStart(graphStart);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(model, 0, keyStart);
    writeBytes(out, 7, g);
    out.write(model, graphEnd, model.length - graphEnd);
    return out.toByteArray();
  }

  /** @return the shape of an initializer */
  long[] dims(String name) {
    int[] r = initializer(name);
    List<Long> dims = new ArrayList<>();
    forEachField(r[0], r[1], (field, wire, p, len) -> {
      if (field == 1 && wire == 0) dims.add(varint(model, p));
      if (field == 1 && wire == 2) for (int q = p; q < p + len; q += varintSize(model, q)) dims.add(varint(model, q));
    });
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  /** @return a float initializer's values in row-major order */
  float[] floats(String name) {
    int[] r = initializer(name);
    long[] type = {-1};
    List<float[]> parts = new ArrayList<>();
    forEachField(r[0], r[1], (field, wire, p, len) -> {
      if (field == 2 && wire == 0) type[0] = varint(model, p);
      if ((field == 9 || field == 4) && wire == 2) {
        FloatBuffer fb = ByteBuffer.wrap(model, p, len).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] v = new float[fb.remaining()];
        fb.get(v);
        parts.add(v);
      }
      if (field == 14 && wire == 0 && varint(model, p) == 1) {
        throw new IllegalArgumentException("initializer '" + name + "' lives in external data, which is not read here");
      }
    });
    if (type[0] != 1) throw new IllegalArgumentException("initializer '" + name + "' is not FLOAT (data_type " + type[0] + ")");
    int n = parts.stream().mapToInt(a -> a.length).sum();
    float[] out = new float[n];
    int o = 0;
    for (float[] a : parts) {
      System.arraycopy(a, 0, out, o, a.length);
      o += a.length;
    }
    return out;
  }

  /** @return true when some initializer keeps its values in a separate file (ONNX external data) */
  boolean hasExternalData() {
    boolean[] ext = {false};
    for (int[] r : initializers.values()) {
      forEachField(r[0], r[1], (field, wire, p, len) -> {
        if (field == 14 && wire == 0 && varint(model, p) == 1) ext[0] = true;
      });
    }
    return ext[0];
  }

  private int[] initializer(String name) {
    int[] r = initializers.get(name);
    if (r == null) throw new IllegalArgumentException("the ONNX graph has no initializer '" + name + "'");
    return r;
  }

  private Node node(int start, int end) {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    String[] op = {""};
    Map<String, Long> attrs = new LinkedHashMap<>();
    forEachField(start, end, (field, wire, p, len) -> {
      if (wire != 2) return;
      if (field == 1) in.add(string(p, len));
      else if (field == 2) out.add(string(p, len));
      else if (field == 4) op[0] = string(p, len);
      else if (field == 5) {
        String[] an = {null};
        Long[] ai = {null};
        forEachField(p, p + len, (f2, w2, p2, l2) -> {
          if (f2 == 1 && w2 == 2) an[0] = string(p2, l2);
          if (f2 == 3 && w2 == 0) ai[0] = varint(model, p2);
        });
        if (an[0] != null && ai[0] != null) attrs.put(an[0], ai[0]);
      }
    });
    return new Node(op[0], in, out, attrs);
  }

  private String tensorName(int start, int end) {
    String[] name = {""};
    forEachField(start, end, (field, wire, p, len) -> {
      if (field == 8 && wire == 2) name[0] = string(p, len);
    });
    return name[0];
  }

  private String valueInfoName(int start, int end) {
    String[] name = {""};
    forEachField(start, end, (field, wire, p, len) -> {
      if (field == 1 && wire == 2) name[0] = string(p, len);
    });
    return name[0];
  }

  private interface FieldVisitor {
    /** p = start of the value (varint or payload); len = payload length for wire type 2, else 0 */
    void visit(int field, int wire, int p, int len);
  }

  private void forEachField(int start, int end, FieldVisitor v) {
    for (int p = start; p < end; ) {
      long key = varint(model, p);
      p += varintSize(model, p);
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (wire == 2) {
        int len = (int) varint(model, p);
        p += varintSize(model, p);
        v.visit(field, wire, p, len);
        p += len;
      } else {
        v.visit(field, wire, p, 0);
        p = skip(model, p, wire);
      }
    }
  }

  /** @return where the key of the length-delimited field whose payload starts at {@code payload} begins */
  private int fieldStart(int payload) {
    for (int p = 0; p < model.length; ) {
      int keyAt = p;
      long key = varint(model, p);
      p += varintSize(model, p);
      int wire = (int) (key & 7);
      if (wire == 2) {
        int len = (int) varint(model, p);
        p += varintSize(model, p);
        if (p == payload) return keyAt;
        p += len;
      } else {
        p = skip(model, p, wire);
      }
    }
    throw new IllegalStateException("graph field not found");
  }

  private String string(int p, int len) {
    return new String(model, p, len, StandardCharsets.UTF_8);
  }

  private static int skip(byte[] b, int p, int wire) {
    switch (wire) {
      case 0: return p + varintSize(b, p);
      case 1: return p + 8;
      case 5: return p + 4;
      case 2: {
        int len = (int) varint(b, p);
        return p + varintSize(b, p) + len;
      }
      default: throw new IllegalArgumentException("not an ONNX model: protobuf wire type " + wire);
    }
  }

  static long varint(byte[] b, int p) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = b[p++];
      v |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) return v;
      if (shift > 63) throw new IllegalArgumentException("not an ONNX model: varint too long");
    }
  }

  static int varintSize(byte[] b, int p) {
    int n = 1;
    while ((b[p++] & 0x80) != 0) n++;
    return n;
  }

  private static void writeVarint(ByteArrayOutputStream o, long v) {
    while ((v & ~0x7fL) != 0) {
      o.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    o.write((int) v);
  }

  private static void writeBytes(ByteArrayOutputStream o, int field, byte[] payload) {
    writeVarint(o, ((long) field << 3) | 2);
    writeVarint(o, payload.length);
    o.write(payload, 0, payload.length);
  }

  private static void writeString(ByteArrayOutputStream o, int field, String s) {
    writeBytes(o, field, s.getBytes(StandardCharsets.UTF_8));
  }
}
