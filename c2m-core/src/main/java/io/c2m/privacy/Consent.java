package io.c2m.privacy;

/** What a consumer agreed to. Profiling needs {@link #PROFILING}. */
public enum Consent {
  /** Behaviour may be used to build a preference profile and to count the consumer in niches. */
  PROFILING,
  /** The consumer may be offered designs tailored to niches they belong to. */
  TAILORED_OFFERS
}
