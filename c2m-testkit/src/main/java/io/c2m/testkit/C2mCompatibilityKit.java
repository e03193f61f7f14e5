package io.c2m.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.lifecycle.Store;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;

/**
 * The one compatibility kit a c2m strategy passes, built-in or a third party's: extend it in a
 * test class, override the factory of each SPI you provide, and every contract of those SPIs runs
 * against your implementations; the kit of an SPI you do not provide is skipped as a whole: one
 * skipped container in the report, with the reason, and a notice on the console (see
 * {@link SkipWhenNotProvided}). The shape follows Micrometer's {@code MeterRegistryCompatibilityKit}
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
@AddLifecycleHook(value = C2mCompatibilityKit.SkipWhenNotProvided.class,
    propagateTo = PropagationMode.DIRECT_DESCENDANTS)
@ExtendWith(C2mCompatibilityKit.SkipWhenNotProvided.class)
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
   * Skips the nested kit of an SPI that the implementation under test does not provide, once, at
   * the level of the kit: the report shows one skipped container with the reason ("No design
   * tailor is provided by MyTest; the design tailoring kit is skipped."), not every test of the
   * kit aborted one by one, and the kits that apply still run. jqwik runs the kits' properties and
   * JUnit Jupiter the order store's examples, so it is both a jqwik {@link SkipExecutionHook} and
   * a JUnit {@link ExecutionCondition}; on the jqwik side the reason is also printed through the
   * container's reporter.
   *
   * <p>To ask the factories ({@link C2mCompatibilityKit#batchingStrategy()} and the others), the
   * hook makes one instance of the test class, with its no-argument constructor as jqwik does
   * (or takes JUnit's, if the class has one per class), before the class's kits run. A factory
   * that answers empty only later, when a test asks, still has that test aborted with the
   * reason, as before.
   *
   * <p>Public only so that jqwik and JUnit can create it.
   */
  public static final class SkipWhenNotProvided implements SkipExecutionHook, ExecutionCondition {
    /** The jqwik store, in the test class's container, of the instance that answers. */
    private static final Object INSTANCE = SkipWhenNotProvided.class.getName() + ".instance";

    /** Creates the hook. */
    public SkipWhenNotProvided() {}

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      Class<?> type = context.optionalContainerClass().orElse(null);
      if (type == null || context.optionalElement().filter(e -> e == type).isEmpty()) {
        return SkipResult.doNotSkip(); // a property: its container was asked
      }
      if (C2mCompatibilityKit.class.isAssignableFrom(type)) {
        // The test class: remember how to make its instance, for its nested kits (the store is
        // seen from this container's descendants only). The jqwik engine asks a container before
        // it makes the tasks of the container's children.
        Store.getOrCreate(INSTANCE, Lifespan.RUN,
            () -> new Instance(() -> (C2mCompatibilityKit) context.newInstance(type)));
        return SkipResult.doNotSkip();
      }
      if (!SpiKit.class.isAssignableFrom(type)) {
        return SkipResult.doNotSkip();
      }
      Store<Instance> instance = Store.get(INSTANCE);
      Optional<String> reason = instance.get().get().notProvided(type);
      if (reason.isEmpty()) {
        return SkipResult.doNotSkip();
      }
      context.reporter().publishValue("c2m compatibility kit", reason.get());
      return SkipResult.skip(reason.get());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Class<?> type = context.getTestClass().orElse(null);
      if (context.getTestMethod().isPresent() || type == null
          || !SpiKit.class.isAssignableFrom(type)) {
        return ConditionEvaluationResult.enabled("not a nested kit");
      }
      ExtensionContext outer = context.getParent().orElseThrow();
      C2mCompatibilityKit kit = outer.getTestInstance()
          .map(C2mCompatibilityKit.class::cast)
          .orElseGet(() -> (C2mCompatibilityKit) ReflectionSupport.newInstance(
              outer.getRequiredTestClass()));
      return kit.notProvided(type).map(ConditionEvaluationResult::disabled)
          .orElseGet(() -> ConditionEvaluationResult.enabled("its SPI is provided"));
    }
  }

  /** Makes the test class's instance once, when a nested kit first asks. */
  private static final class Instance {
    private final Supplier<C2mCompatibilityKit> make;
    private C2mCompatibilityKit made;

    Instance(Supplier<C2mCompatibilityKit> make) {
      this.make = make;
    }

    C2mCompatibilityKit get() {
      if (made == null) {
        made = make.get();
      }
      return made;
    }
  }

  /**
   * Tells why the nested kit {@code kitClass} is skipped, if this implementation does not provide
   * its SPI.
   */
  private Optional<String> notProvided(Class<?> kitClass) {
    SpiKit kit;
    try {
      kit = (SpiKit) kitClass.getDeclaredConstructor(C2mCompatibilityKit.class).newInstance(this);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("The kit " + kitClass.getSimpleName()
          + " cannot be made.", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The kit " + kitClass.getSimpleName()
          + " cannot be made.", e);
    }
    if (kit.provided()) {
      return Optional.empty();
    }
    return Optional.of("No " + kit.spi() + " is provided by " + getClass().getSimpleName()
        + "; the " + kit.spi() + " kit is skipped.");
  }

  /** {@link BatchingStrategyContract} on {@link #batchingStrategy()}. */
  @Nested
  @Group
  @DisplayName("batching strategy")
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
  class OrderStoreKit implements OrderStoreContract, SpiKit {
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
