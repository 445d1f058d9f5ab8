package dev.robusta.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.Augmentations;
import dev.robusta.data.Image;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each facade one-liner gives exactly what its documented long form gives. */
@Timeout(60)
class AugmentationsFacadeTest {
  @Test
  void oneLinersEqualTheirLongForms(@TempDir Path dir) throws IOException {
    Image img = AugMixTest.gradient(32, 32);
    assertArrayEquals(AugMix.builder().build().apply(img, 5), Augmentations.augMix(img, 5));
    assertArrayEquals(AugMix.builder().build().triple(img, 5).aug2(), Augmentations.augMixTriple(img, 5).aug2());
    ImageIO.write(AugMixTest.gradient(40, 40).toBufferedImage(), "png", dir.resolve("f.png").toFile());
    assertArrayEquals(PixMix.builder().mixingPictures(dir).build().apply(img, 5), Augmentations.pixMix(img, dir, 5));
    assertEquals(Perturbation.SNOW.generate(img, 1, PerturbationPreset.CIFAR_P, 5L).frames(),
        Augmentations.perturb(img, "snow", 1, PerturbationPreset.CIFAR_P, 5).frames());
  }
}
