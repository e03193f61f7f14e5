package io.c2m.design;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import io.c2m.niche.Niche;
import io.c2m.signal.ConsumerProfile;
import java.util.List;

/**
 * The input of a {@link DesignTailor}: a niche and the profiles of its consenting members.
 *
 * @param niche the niche
 * @param members the profiles of the consumers in it
 * @param seed the random seed
 */
public record TailorRequest(Niche niche, List<ConsumerProfile> members, long seed) {
  /** Validates and copies. */
  public TailorRequest {
    requireNonNull(niche, "niche");
    members = List.copyOf(Checks.requireNoNulls(members, "members"));
  }
}
