package dev.robusta.corrupt;

import dev.robusta.data.Image;

/** A registered name whose implementation has not landed yet: fails loudly, never silently. */
final class NotImplementedCorruption extends BaseCorruption {
  NotImplementedCorruption(String name, CorruptionGroup group) {
    super(name, group, true);
  }

  @Override
  Image corrupt(Image rgb, double[] params, Preset preset, RandomSource random) {
    throw new UnsupportedOperationException(name() + " is not implemented yet (issue 4); the"
        + " implemented corruptions are " + CorruptionRegistry.implemented());
  }
}
