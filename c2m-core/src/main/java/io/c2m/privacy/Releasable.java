package io.c2m.privacy;

/**
 * Something that may leave for a manufacturer only when enough consumers stand behind it: a
 * niche, or any other aggregate of consumers. Lets {@link AudienceGuard} enforce k-anonymity
 * without depending on the later pipeline stages that define those aggregates.
 */
public interface Releasable {
  /**
   * Returns how many distinct consumers stand behind this aggregate.
   *
   * @return the audience; positive
   */
  int audience();
}
