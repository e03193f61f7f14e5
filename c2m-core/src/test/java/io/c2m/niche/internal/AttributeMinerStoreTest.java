package io.c2m.niche.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.SyntheticMarketplace;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeMinerStoreTest {
  @Test
  void theStorePathFindsThePlantedNichesOfTheObjectPath() {
    MarketplaceSpec spec = MarketplaceSpec.nicheEvaluation();
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, spec.start());
    SyntheticMarketplace.generate(spec, 1).signals().forEach(store::add);
    NicheInference miner = NicheInference.attributeMiner();
    List<Niche> objects = miner.infer(
        new NicheRequest(store.profiles(spec.end()), 25, spec.end(), 1, store.timeline()));
    List<Niche> direct = miner.infer(store, 25, spec.end(), 1);
    assertEquals(spec.niches().size(), objects.size()); // the 8 planted niches
    assertEquals(objects, direct);
    assertTrue(direct.stream().allMatch(n -> n.demandScore() > 0));
  }

  @Test
  void theDefaultStorePathOfAnInferenceReadsTheProfiles() {
    MarketplaceSpec spec = MarketplaceSpec.nicheEvaluation();
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, spec.start());
    SyntheticMarketplace.generate(spec, 2).signals().forEach(store::add);
    NicheInference miner = NicheInference.attributeMiner();
    NicheInference wrapped = request -> miner.infer(request); // uses the interface's default
    assertEquals(miner.infer(store, 25, spec.end(), 2), wrapped.infer(store, 25, spec.end(), 2));
  }
}
