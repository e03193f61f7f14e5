package io.c2m.privacy;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.NicheId;
import io.c2m.niche.TrendDirection;

/**
 * What a marketplace may hand to a manufacturer about one niche: its definition, a coarsened
 * audience, lift, demand and trend; no consumer id, nothing below the minimum audience. Made by
 * {@link InsightExporter}, which documents how the audience is coarsened so that two exports
 * cannot be differenced to learn about one consumer. Serialised to JSON by
 * {@link io.c2m.json.C2mJson} like every c2m record.
 *
 * @param id the niche's id (derived from its definition, not from consumers)
 * @param definition the attribute values that define the niche
 * @param audience the coarsened audience: a multiple of {@code audienceBand}, at least the band;
 *     the true audience lies within about one band of it
 * @param audienceBand the width of the coarsening, in consumers
 * @param lift the niche's lift, rounded to one decimal
 * @param demand expected orders, coarsened like the audience (a whole number)
 * @param trend the direction of interest
 * @param growth the trend's growth factor, rounded to one decimal
 */
public record NicheInsight(NicheId id, Attributes definition, int audience, int audienceBand,
    double lift, long demand, TrendDirection trend, double growth) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the band is not positive, the audience not a positive
   *     multiple of it, or a figure negative or not finite
   */
  public NicheInsight {
    requireNonNull(id, "id");
    requireNonNull(definition, "definition");
    requireNonNull(trend, "trend");
    if (audienceBand < 1 || audience < audienceBand || audience % audienceBand != 0) {
      throw new IllegalArgumentException("The audience (" + audience + ") of insight " + id
          + " must be a positive multiple of its band (" + audienceBand + ").");
    }
    if (!(lift >= 0) || Double.isInfinite(lift) || demand < 0 || !(growth >= 0)
        || Double.isInfinite(growth)) {
      throw new IllegalArgumentException("The lift (" + lift + "), demand (" + demand
          + ") and growth (" + growth + ") of insight " + id + " must be finite, zero or more.");
    }
  }
}
