/**
 * c2m core: the C2M domain model, the strategy SPIs with their built-ins, JSON, the simulator and
 * privacy. Internal packages are not exported, except {@code io.c2m.internal} to c2m-ml only
 * (its providers read settings with core's {@code Settings}); "module" warnings are suppressed
 * because c2m-ml is not on core's module path when core compiles.
 */
@SuppressWarnings("module")
module io.c2m.core {
  requires transitive com.fasterxml.jackson.databind;
  requires commons.math3;
  requires org.slf4j;
  // The JDBC order store's API takes a javax.sql.DataSource; the driver is the user's.
  requires transitive java.sql;

  exports io.c2m;
  exports io.c2m.signal;
  exports io.c2m.niche;
  exports io.c2m.design;
  exports io.c2m.demand;
  exports io.c2m.demand.eval;
  exports io.c2m.order;
  exports io.c2m.production;
  exports io.c2m.privacy;
  exports io.c2m.json;
  exports io.c2m.sim;
  // Qualified: c2m-ml's strategy providers read their settings as core's do.
  exports io.c2m.internal to io.c2m.ml;

  uses io.c2m.niche.NicheInferenceProvider;
  uses io.c2m.design.DesignTailorProvider;
  uses io.c2m.demand.DemandForecasterProvider;
  uses io.c2m.production.BatchingStrategyProvider;

  provides io.c2m.niche.NicheInferenceProvider with
      io.c2m.niche.internal.AttributeMinerProvider;
  provides io.c2m.design.DesignTailorProvider with
      io.c2m.design.internal.ModalTailorProvider;
  provides io.c2m.demand.DemandForecasterProvider with
      io.c2m.demand.internal.ArimaProvider,
      io.c2m.demand.internal.AutoProvider,
      io.c2m.demand.internal.ComboProvider,
      io.c2m.demand.internal.CrostonProvider,
      io.c2m.demand.internal.DotmProvider,
      io.c2m.demand.internal.DstmProvider,
      io.c2m.demand.internal.EtsProvider,
      io.c2m.demand.internal.HoltDampedProvider,
      io.c2m.demand.internal.HoltProvider,
      io.c2m.demand.internal.HoltWintersAdditiveProvider,
      io.c2m.demand.internal.HoltWintersMultiplicativeProvider,
      io.c2m.demand.internal.MovingAverageProvider,
      io.c2m.demand.internal.NaiveProvider,
      io.c2m.demand.internal.OtmProvider,
      io.c2m.demand.internal.SbaProvider,
      io.c2m.demand.internal.SeasonalNaiveProvider,
      io.c2m.demand.internal.SesProvider,
      io.c2m.demand.internal.ThetaProvider,
      io.c2m.demand.internal.TsbProvider;
  provides io.c2m.production.BatchingStrategyProvider with
      io.c2m.production.internal.GroupBuyProvider,
      io.c2m.production.internal.TimeWindowProvider,
      io.c2m.production.internal.DeadlineProvider,
      io.c2m.production.internal.TestAndReorderProvider,
      io.c2m.production.internal.SilverMealProvider,
      io.c2m.production.internal.WagnerWhitinProvider,
      io.c2m.production.internal.CapacitatedProvider;
  provides com.fasterxml.jackson.databind.Module with
      io.c2m.json.C2mJacksonModule;
}
