package dev.robusta.data;

import java.util.List;

/**
 * How a registry entry's label space is built.
 *
 * @param space the label space name
 * @param classes the class names inline, in label order (small spaces), or null
 * @param list the id of a class-list resource (one class per line, in label order), or null
 * @param fromFile a file of the dataset itself listing the classes (e.g. Tiny-ImageNet's wnids.txt)
 * @param fromFolders whether the classes are the dataset's own class folders
 * @param sorted whether classes are sorted by name before numbering (Tiny-ImageNet: sorted wnids)
 * @param subsetOf {@code imagenet-1k} when the classes are ImageNet-1k wnids mapped to 1k indices
 * @param policy the scoring policy ({@link LabelPolicy} name) for ImageNet-mapped spaces
 * @param notes anything else a user must know
 */
public record LabelSpec(String space, List<String> classes, String list, String fromFile,
    Boolean fromFolders, Boolean sorted, String subsetOf, String policy, String notes) {
  public LabelSpec {
    classes = classes == null ? null : List.copyOf(classes);
  }
}
