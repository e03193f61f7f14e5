package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Category price points are mergeable and independent of arrival order. */
class CategoryPricePointsProperties {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final List<String> CONSUMERS = List.of("a", "b", "c");
  private static final List<String> CATEGORIES = List.of("dress", "shoes");

  @Provide
  Arbitrary<Signal> signals() {
    return Combinators.combine(
        Arbitraries.of(CONSUMERS).map(ConsumerId::of),
        Arbitraries.of(SignalType.class),
        Arbitraries.longs().between(-60L * 24 * 3600, 60L * 24 * 3600).map(EPOCH::plusSeconds),
        Arbitraries.of(CATEGORIES),
        Arbitraries.doubles().between(1, 300).ofScale(2).injectNull(0.3))
        .as((c, t, at, cat, v) -> new Signal(c, t, at, Attributes.of("category", cat, "color",
            "red"), "web", v == null ? Double.NaN : v));
  }

  @Property(tries = 200)
  void anySplitMergedEqualsOnePass(
      @ForAll @Size(max = 40) List<@net.jqwik.api.From("signals") Signal> signals,
      @ForAll @IntRange(min = 0, max = 40) int cut) {
    int k = Math.min(cut, signals.size());
    CategoryPricePoints whole = new CategoryPricePoints(ProfileSettings.defaults());
    signals.forEach(whole::add);
    CategoryPricePoints left = new CategoryPricePoints(ProfileSettings.defaults());
    CategoryPricePoints right = new CategoryPricePoints(ProfileSettings.defaults());
    signals.subList(0, k).forEach(left::add);
    // The right part arrives in reverse order.
    List<Signal> rest = new ArrayList<>(signals.subList(k, signals.size()));
    java.util.Collections.reverse(rest);
    rest.forEach(right::add);
    CategoryPricePoints merged = right.merge(left);
    for (String c : CONSUMERS) {
      for (String cat : CATEGORIES) {
        OptionalDouble a = whole.pricePoint(ConsumerId.of(c), cat);
        OptionalDouble b = merged.pricePoint(ConsumerId.of(c), cat);
        assertEquals(a.isPresent(), b.isPresent());
        if (a.isPresent()) {
          assertEquals(a.getAsDouble(), b.getAsDouble(), 1e-9 * (1 + a.getAsDouble()));
          // A weighted mean of prices lies within their range.
          double min = Double.MAX_VALUE;
          double max = -Double.MAX_VALUE;
          for (Signal s : signals) {
            if (s.consumer().value().equals(c) && s.item().get("category").orElseThrow()
                .equals(cat) && s.value() >= 0 && s.type().defaultWeight() > 0
                && s.type() != SignalType.REVIEW) {
              min = Math.min(min, s.value());
              max = Math.max(max, s.value());
            }
          }
          assertEquals(true, a.getAsDouble() >= min - 1e-9 && a.getAsDouble() <= max + 1e-9);
        }
      }
    }
  }
}
