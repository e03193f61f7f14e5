package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.design.DesignTailor;
import io.c2m.design.DesignTailors;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheInferences;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.BatchingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The simulator's strategies by name: {@code make-to-stock} (the baseline) and
 * {@code c2m[:batching[:inference[:tailor]]]}, C2M through the engine with a batching strategy,
 * niche inference and design tailor by their names (defaults {@code group-buy},
 * {@code attribute-miner}, {@code modal}; every name {@link BatchingStrategies},
 * {@link NicheInferences} and {@link DesignTailors} know, including other modules' through
 * {@link java.util.ServiceLoader}). A strategy of one's own runs through
 * {@link #c2m(String, NicheInference, DesignTailor, BatchingStrategy)}.
 */
public final class SimulationStrategies {
  /** The name of the make-to-stock baseline. */
  public static final String MAKE_TO_STOCK = "make-to-stock";

  private SimulationStrategies() {}

  /**
   * Returns a strategy by name.
   *
   * @param name {@code make-to-stock} or {@code c2m[:batching[:inference[:tailor]]]}
   * @return the strategy
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static SimulationStrategy byName(String name) {
    requireNonNull(name, "name");
    String n = name.strip();
    if (n.equals(MAKE_TO_STOCK)) {
      return new MakeToStock(MAKE_TO_STOCK, NicheInference.attributeMiner(), DesignTailor.modal());
    }
    String[] parts = n.split(":", -1);
    if (!parts[0].equals("c2m") || parts.length > 4) {
      throw unknown(name);
    }
    BatchingStrategy batching = parts.length > 1
        ? part(name, () -> BatchingStrategies.byName(parts[1]))
        : BatchingStrategy.groupBuy();
    NicheInference inference = parts.length > 2
        ? part(name, () -> NicheInferences.byName(parts[2]))
        : NicheInference.attributeMiner();
    DesignTailor tailor = parts.length > 3
        ? part(name, () -> DesignTailors.byName(parts[3]))
        : DesignTailor.modal();
    return new C2mSide(parts.length == 1 ? "c2m:group-buy" : n, inference, tailor, batching);
  }

  /**
   * Returns C2M run through the engine with strategies given in code, a third party's among them.
   *
   * @param name the name to report it under
   * @param inference the niche inference
   * @param tailor the design tailor
   * @param batching the batching strategy
   * @return the strategy
   */
  public static SimulationStrategy c2m(String name, NicheInference inference, DesignTailor tailor,
      BatchingStrategy batching) {
    return new C2mSide(requireNonNull(name, "name"), inference, tailor,
        BatchingStrategy.checked(batching));
  }

  /**
   * Returns the names of the built-in strategies with the default inference and tailor:
   * {@code make-to-stock} and {@code c2m:<batching>} for every known batching strategy.
   *
   * @return the names
   */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    out.add(MAKE_TO_STOCK);
    for (String b : new TreeSet<>(BatchingStrategies.names())) {
      out.add("c2m:" + b);
    }
    return out;
  }

  private static <T> T part(String name, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | io.c2m.InvalidConfigurationException e) {
      throw new IllegalArgumentException("The strategy \"" + name + "\" names an unknown part: "
          + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException("Unknown simulation strategy \"" + name
        + "\"; the known ones are " + String.join(", ", names())
        + " (c2m:BATCHING[:INFERENCE[:TAILOR]] with inference one of "
        + new TreeSet<>(NicheInferences.names()) + " and tailor one of "
        + new TreeSet<>(DesignTailors.names()) + ").");
  }
}
