package io.c2m.testkit.niche;

import io.c2m.design.DesignTailor;
import io.c2m.design.DesignTailors;
import java.util.Map;

class ModalTailorContractTest extends DesignTailorContract {
  @Override
  protected DesignTailor tailor() {
    return DesignTailors.byName("modal", Map.of("maxDesigns", "3"));
  }
}
