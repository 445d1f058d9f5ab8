package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RegistryTest {
  static final List<String> REQUIRED = List.of("imagenet-val", "imagenet-a", "imagenet-o", "imagenet-r", "imagenet-c",
      "imagenet-p", "imagenet-v2-matched-frequency", "imagenet-v2-threshold0.7", "imagenet-v2-top-images",
      "imagenet-sketch", "objectnet", "cifar10", "cifar100", "cifar10-c", "cifar100-c", "cifar10-p", "tiny-imagenet",
      "tiny-imagenet-c", "svhn", "textures", "places365", "places69-oe", "lsun-crop", "lsun-resize", "isun", "mnist",
      "fashion-mnist", "ood-cv", "streethazards", "deepfashion-remixed", "gaussian", "rademacher", "blobs");

  @Test
  void builtinRegistryCoversEveryDatasetOfTheIssue() {
    Registry r = Registry.builtin();
    Set<String> ids = r.datasets().stream().map(RegistryEntry::id).collect(Collectors.toSet());
    for (String id : REQUIRED) {
      assertTrue(ids.contains(id), id + " is missing from datasets.yaml");
    }
    for (RegistryEntry e : r.datasets()) {
      assertNotNull(e.citation(), e.id());
      assertNotNull(e.licence(), e.id());
      for (ArchiveSpec a : e.archives()) {
        assertTrue(a.hasChecksum() || a.checksum() != null, e.id() + "/" + a.file() + " has no checksum and no note");
      }
      assertTrue(!e.archives().isEmpty() || e.manual() != null || "synthetic".equals(e.layout())
          || !e.localCopies().isEmpty(), e.id() + " cannot be obtained");
    }
    RegistryEntry c = r.dataset("imagenet-c");
    assertEquals(15, c.corruptions().size());
    assertEquals(4, c.extraCorruptions().size());
    assertTrue(c.protocol().preprocessing().contains("never resize"));
    assertEquals("MASK_TO_SUBSET", r.dataset("imagenet-a").labels().policy());
    assertEquals("MAP_ANY_OF", r.dataset("objectnet").labels().policy());
    assertTrue(r.dataset("objectnet").manual().contains("Licence-gated"));
    assertTrue(r.dataset("imagenet-val").archives().isEmpty() && r.dataset("imagenet-val").manual() != null);
    assertEquals("3bb3632277e6ba6392ea64c02ddbf4dd2266c9caffd6bc09c9656d28f012589e",
        r.dataset("imagenet-a").archives().get(0).sha256());
    assertEquals(6, r.resource("imagenet-c-frost").archives().size());
    assertTrue(r.dataset("imagenet-a").toString().contains("Natural Adversarial Examples"));
    DatasetException x = assertThrows(DatasetException.class, () -> r.dataset("imagenet-z"));
    assertTrue(x.hint().contains("imagenet-a"), x.hint());
  }

  @Test
  void frostTexturesResourceVerifiesALocalCopy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path frost = dev.robusta.testing.Shared.path("data/datasets/imagenet-c-frost");
    assertEquals(frost, dev.robusta.Datasets.resource("imagenet-c-frost", frost));
    for (String f : List.of("frost1.png", "frost2.png", "frost3.png", "frost4.jpg", "frost5.jpg", "frost6.jpg")) {
      java.nio.file.Files.copy(frost.resolve(f), tmp.resolve(f));
    }
    java.nio.file.Files.write(tmp.resolve("frost4.jpg"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    ChecksumMismatchException x = assertThrows(ChecksumMismatchException.class,
        () -> dev.robusta.Datasets.resource("imagenet-c-frost", tmp));
    assertTrue(x.getMessage().contains("frost4.jpg"), x.getMessage());
  }

  static Registry parse(String yaml) {
    return Registry.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  static final String GOOD = """
      datasets:
        - id: toy
          title: Toy
          kind: ood
          layout: unlabelled-images
          licence: MIT
          homepage: https://example.org
          citation: Nobody 2020
          archives:
            - {file: toy.tar, format: tar, urls: [https://example.org/toy.tar], sha256: %s}
      """;

  @Test
  void invalidEntriesAreRejectedWithTheirName() {
    assertEquals(1, parse(GOOD.formatted("a".repeat(64))).datasets().size());
    DatasetException bad = assertThrows(DatasetException.class, () -> parse(GOOD.formatted("abc")));
    assertTrue(bad.getMessage().contains("toy") && bad.getMessage().contains("sha256"), bad.getMessage());
    DatasetException none = assertThrows(DatasetException.class,
        () -> parse(GOOD.replace(", sha256: %s", "")));
    assertTrue(none.getMessage().contains("checksum: unknown"), none.getMessage());
    assertEquals(1, parse(GOOD.replace("sha256: %s", "checksum: unknown")).datasets().size());
    DatasetException unknownField = assertThrows(DatasetException.class,
        () -> parse(GOOD.formatted("a".repeat(64)).replace("title: Toy", "title: Toy\n    colour: red")));
    assertTrue(unknownField.getMessage().contains("colour"), unknownField.getMessage());
    DatasetException kind = assertThrows(DatasetException.class,
        () -> parse(GOOD.formatted("a".repeat(64)).replace("kind: ood", "kind: weird")));
    assertTrue(kind.getMessage().contains("weird"), kind.getMessage());
    DatasetException slip = assertThrows(DatasetException.class,
        () -> parse(GOOD.formatted("a".repeat(64)).replace("file: toy.tar", "file: ../toy.tar")));
    assertTrue(slip.getMessage().contains("plain file name"), slip.getMessage());
    DatasetException dup = assertThrows(DatasetException.class,
        () -> parse(GOOD.formatted("a".repeat(64)) + GOOD.formatted("b".repeat(64)).replace("datasets:\n", "")));
    assertTrue(dup.getMessage().contains("duplicate id toy"), dup.getMessage());
  }
}
