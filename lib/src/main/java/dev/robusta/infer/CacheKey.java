package dev.robusta.infer;

/**
 * What a cache entry is for: model checksum (+ precision and outputs), dataset id and size, cell and
 * preprocessing. Two runs share an entry only when every part is equal.
 */
record CacheKey(ModelInfo model, String dataset, int size, String cell, String presetKey, String presetText) {

  /** @return the canonical key string stored in the manifest and hashed into the file names */
  String text() {
    return "robusta-logits/1|model:" + model.cacheKey() + "|dataset=" + dataset + "|size=" + size + "|cell="
        + cell + "|preprocessing:" + presetKey;
  }

  /** @return a file-name stem: readable dataset/cell plus 16 hex digits of the key's SHA-256 */
  String stem() {
    return sanitize(cell) + "." + Checksums.sha256(text()).substring(0, 16);
  }

  /** @return the folder below the cache root: model name + checksum prefix, then the dataset id */
  String folder() {
    return sanitize(model.name()) + "-" + model.sha256().substring(0, 12) + "/" + sanitize(dataset);
  }

  static String sanitize(String s) {
    String t = s.replaceAll("[^A-Za-z0-9._-]+", "_");
    return t.isEmpty() || t.equals(".") || t.equals("..") ? "_" : t;
  }
}
