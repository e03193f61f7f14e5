package io.c2m.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.c2m.demand.DemandForecaster;
import io.c2m.design.DesignTailor;
import io.c2m.niche.NicheInference;
import io.c2m.order.OrderStore;
import io.c2m.production.BatchingStrategy;
import io.c2m.testkit.demand.DemandForecasterContract;
import io.c2m.testkit.niche.DesignTailorContract;
import io.c2m.testkit.niche.NicheInferenceContract;
import io.c2m.testkit.order.OrderStoreContract;
import io.c2m.testkit.production.BatchingStrategyContract;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The one compatibility kit a c2m strategy passes, built-in or a third party's: extend it in a
 * test class, override the factory of each SPI you provide, and every contract of those SPIs runs
 * against your implementations; the kits of SPIs you do not provide are skipped (reported as
 * aborted, with the reason). The shape follows Micrometer's {@code MeterRegistryCompatibilityKit}
 * (micrometer-test: an abstract class with one nested kit per meter type, each kit an interface of
 * default tests): here one nested kit per SPI, each the existing contract of that SPI, so a class
 * that already extends a single contract keeps working.
 *
 * <pre>{@code
 * class MyBatchingCompatibilityTest extends C2mCompatibilityKit {
 *   @Override
 *   protected Optional<BatchingStrategy> batchingStrategy() {
 *     return Optional.of(new MyBatching());
 *   }
 * }
 * }</pre>
 *
 * <p>The nested kits and what they check:
 *
 * <ul>
 *   <li>"batching strategy": {@link BatchingStrategyContract} (every order in one batch or
 *       pending with a reason, MOQ, multiples, capacity, quantities conserved, determinism);
 *   <li>"demand forecaster": {@link DemandForecasterContract} (one point per step, non-negative,
 *       mean within the 10-90% interval, deterministic and thread-safe, bad arguments refused);
 *   <li>"niche inference": {@link NicheInferenceContract} (minimum audience, audience equal to the
 *       matching profiles, planted groups found, scores in range, determinism);
 *   <li>"design tailoring": {@link DesignTailorContract} (the niche's definition kept, a positive
 *       price, distinct ids, determinism);
 *   <li>"order store": {@link OrderStoreContract} (lifecycle, idempotency, concurrency and, for a
 *       durable store, everything acknowledged surviving a reopen).
 * </ul>
 *
 * <p>Each kit is a JUnit 5 {@link Nested} class (for the order store's examples) and a jqwik
 * {@link Group} (for the properties), so both engines run it; run the class as any test.
 */
public abstract class C2mCompatibilityKit {
  /** For subclasses. */
  protected C2mCompatibilityKit() {}

  /**
   * Returns the batching strategy under test, if this implementation provides one.
   *
   * @return the strategy, empty by default
   */
  protected Optional<BatchingStrategy> batchingStrategy() {
    return Optional.empty();
  }

  /**
   * Returns the demand forecaster under test, if this implementation provides one.
   *
   * @return the forecaster, empty by default
   */
  protected Optional<DemandForecaster> forecaster() {
    return Optional.empty();
  }

  /**
   * Returns the shortest history the forecaster accepts, for the forecaster kit's histories.
   *
   * @return the forecaster's {@link DemandForecaster#minLength()} unless overridden
   */
  protected int forecasterMinLength() {
    return forecaster().map(DemandForecaster::minLength).orElse(1);
  }

  /**
   * Returns the niche inference under test, if this implementation provides one.
   *
   * @return the inference, empty by default
   */
  protected Optional<NicheInference> nicheInference() {
    return Optional.empty();
  }

  /**
   * Returns the design tailor under test, if this implementation provides one.
   *
   * @return the tailor, empty by default
   */
  protected Optional<DesignTailor> designTailor() {
    return Optional.empty();
  }

  /**
   * Returns a factory of new, empty order stores, if this implementation provides a store; the
   * kit calls it once per test and closes the store.
   *
   * @return the factory, empty by default
   */
  protected Optional<Supplier<OrderStore>> orderStores() {
    return Optional.empty();
  }

  /**
   * Tells whether the order store is durable, so the kit checks reopening it.
   *
   * @return false by default
   */
  protected boolean durableOrderStore() {
    return false;
  }

  /**
   * Closes an order store and opens a new one over the same data; called only when {@link
   * #durableOrderStore()}.
   *
   * @param store the store to close
   * @return the reopened store
   */
  protected OrderStore reopenOrderStore(OrderStore store) {
    throw new UnsupportedOperationException("This store is not durable; it cannot be reopened.");
  }

  /** The implementation under test provides at least one SPI, or the kit would check nothing. */
  @Test
  @DisplayName("the implementation provides at least one SPI")
  void providesAtLeastOneSpi() {
    assertTrue(batchingStrategy().isPresent() || forecaster().isPresent()
            || nicheInference().isPresent() || designTailor().isPresent()
            || orderStores().isPresent(),
        "No SPI is provided, so the kit checks nothing.\nMaybe override batchingStrategy(), "
            + "forecaster(), nicheInference(), designTailor() or orderStores().");
  }

  private static <T> T require(Optional<T> spi, String kit, String factory) {
    return spi.orElseThrow(() -> new TestAbortedException(
        "No " + kit + " is provided (" + factory + "() is empty); its kit is skipped."));
  }

  /** A nested kit that can tell whether its SPI is provided, so that it is skipped when not. */
  interface SpiKit {
    /**
     * Tells whether the implementation under test provides this kit's SPI.
     *
     * @return true if it does
     */
    boolean provided();

    /**
     * Names the SPI, for the reason a kit is skipped.
     *
     * @return the name
     */
    String spi();
  }

  /**
   * Skips a nested kit's properties when the implementation under test does not provide its SPI
   * (jqwik's counterpart of the JUnit assumption in the kits' {@code @BeforeEach}). Public only so
   * that jqwik can create it.
   */
  public static final class SkipWhenNotProvided implements AroundPropertyHook {
    /** Creates the hook. */
    public SkipWhenNotProvided() {}

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context,
        PropertyExecutor property) {
      if (context.testInstance() instanceof SpiKit kit && !kit.provided()) {
        return new Skipped(new TestAbortedException(
            "No " + kit.spi() + " is provided; its kit is skipped."));
      }
      return property.execute();
    }
  }

  /** A property not run: aborted, with the reason, no try and no check. */
  private record Skipped(TestAbortedException reason) implements PropertyExecutionResult {
    @Override
    public Optional<String> seed() {
      return Optional.empty();
    }

    @Override
    public Optional<List<Object>> falsifiedParameters() {
      return Optional.empty();
    }

    @Override
    public Status status() {
      return Status.ABORTED;
    }

    @Override
    public Optional<Throwable> throwable() {
      return Optional.of(reason);
    }

    @Override
    public int countChecks() {
      return 0;
    }

    @Override
    public int countTries() {
      return 0;
    }

    @Override
    public Optional<FalsifiedSample> originalSample() {
      return Optional.empty();
    }

    @Override
    public Optional<ShrunkFalsifiedSample> shrunkSample() {
      return Optional.empty();
    }

    @Override
    public PropertyExecutionResult mapTo(Status newStatus, Throwable throwable) {
      throw new UnsupportedOperationException("A skipped kit's result is final.");
    }
  }

  /** {@link BatchingStrategyContract} on {@link #batchingStrategy()}. */
  @Nested
  @Group
  @DisplayName("batching strategy")
  @AddLifecycleHook(value = SkipWhenNotProvided.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
  class BatchingStrategyKit implements BatchingStrategyContract, SpiKit {
    @Override
    public BatchingStrategy strategy() {
      return require(batchingStrategy(), spi(), "batchingStrategy");
    }

    @Override
    public boolean provided() {
      return batchingStrategy().isPresent();
    }

    @Override
    public String spi() {
      return "batching strategy";
    }
  }

  /** {@link DemandForecasterContract} on {@link #forecaster()}. */
  @Nested
  @Group
  @DisplayName("demand forecaster")
  @AddLifecycleHook(value = SkipWhenNotProvided.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
  class DemandForecasterKit extends DemandForecasterContract implements SpiKit {
    @Override
    protected DemandForecaster forecaster() {
      return require(C2mCompatibilityKit.this.forecaster(), spi(), "forecaster");
    }

    @Override
    protected int minLength() {
      return forecasterMinLength();
    }

    @Override
    public boolean provided() {
      return C2mCompatibilityKit.this.forecaster().isPresent();
    }

    @Override
    public String spi() {
      return "demand forecaster";
    }
  }

  /** {@link NicheInferenceContract} on {@link #nicheInference()}. */
  @Nested
  @Group
  @DisplayName("niche inference")
  @AddLifecycleHook(value = SkipWhenNotProvided.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
  class NicheInferenceKit extends NicheInferenceContract implements SpiKit {
    @Override
    protected NicheInference inference() {
      return require(nicheInference(), spi(), "nicheInference");
    }

    @Override
    public boolean provided() {
      return nicheInference().isPresent();
    }

    @Override
    public String spi() {
      return "niche inference";
    }
  }

  /** {@link DesignTailorContract} on {@link #designTailor()}. */
  @Nested
  @Group
  @DisplayName("design tailoring")
  @AddLifecycleHook(value = SkipWhenNotProvided.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
  class DesignTailorKit extends DesignTailorContract implements SpiKit {
    @Override
    protected DesignTailor tailor() {
      return require(designTailor(), spi(), "designTailor");
    }

    @Override
    public boolean provided() {
      return designTailor().isPresent();
    }

    @Override
    public String spi() {
      return "design tailor";
    }
  }

  /** {@link OrderStoreContract} on {@link #orderStores()}. */
  @Nested
  @Group
  @DisplayName("order store")
  @AddLifecycleHook(value = SkipWhenNotProvided.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
  class OrderStoreKit implements OrderStoreContract, SpiKit {
    /** JUnit's counterpart of {@link SkipWhenNotProvided}, for the order store's examples. */
    @BeforeEach
    void skipWhenNotProvided() {
      assumeTrue(provided(), () -> "No " + spi() + " is provided; its kit is skipped.");
    }

    @Override
    public OrderStore newStore() {
      return require(orderStores(), spi(), "orderStores").get();
    }

    @Override
    public boolean durable() {
      return durableOrderStore();
    }

    @Override
    public OrderStore reopen(OrderStore store) {
      return reopenOrderStore(store);
    }

    @Override
    public boolean provided() {
      return orderStores().isPresent();
    }

    @Override
    public String spi() {
      return "order store";
    }
  }
}
