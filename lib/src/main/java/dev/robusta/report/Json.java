package dev.robusta.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Plotly JSON helpers: non-finite numbers become {@code null} (a gap in Plotly), never a bare NaN token. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return F.objectNode();
  }

  static ArrayNode array(double[] values) {
    ArrayNode a = F.arrayNode(values.length);
    for (double v : values) {
      if (Double.isFinite(v)) {
        a.add(v);
      } else {
        a.addNull();
      }
    }
    return a;
  }

  static ArrayNode array(double[][] rows) {
    ArrayNode a = F.arrayNode(rows.length);
    for (double[] r : rows) {
      a.add(array(r));
    }
    return a;
  }

  static ArrayNode array(List<String> values) {
    ArrayNode a = F.arrayNode(values.size());
    values.forEach(a::add);
    return a;
  }

  static ArrayNode array(String... values) {
    return array(List.of(values));
  }

  static ObjectNode title(String text) {
    ObjectNode t = object();
    t.put("text", text);
    return t;
  }

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise figure JSON", e);
    }
  }

  /** JSON that is safe inside an HTML {@code <script>} element. */
  static String forScript(Object node) {
    return write(node).replace("</", "<\\/").replace("<!--", "<\\!--");
  }
}
