package dev.robusta.data;

/**
 * The evaluation protocol defaults of a dataset, as its paper runs it.
 *
 * @param preprocessing e.g. "Resize(256) + CenterCrop(224)", or "never resize" for ImageNet-C
 * @param labelPolicy the label-space policy, when it applies
 * @param notes scoring conventions and traps
 */
public record ProtocolSpec(String preprocessing, String labelPolicy, String notes) {}
