package io.c2m.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.niche.Niche;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class C2mStreamsTest {

  @Test
  void plantedNichesAreFoundAndEqualTheEngines() {
    List<Workload.Op> ops = Workload.generate(7, 150, 4, 0.1, 0.1);
    Reference reference = new Reference(ops, 10);
    Instant end = Reference.end(ops);
    try (Driver d = new Driver(end, 10)) {
      long t0 = System.nanoTime();
      d.pipe(ops);
      System.out.println("piped " + ops.size() + " in " + (System.nanoTime() - t0) / 1e6 + " ms");
      StreamsEquivalenceProperties.assertSameProfiles(reference.profiles(), d.profiles(end));
      NicheResult result = d.mine();
      List<Niche> expected = reference.niches();
      assertFalse(expected.isEmpty(), "the planted niches are found");
      StreamsEquivalenceProperties.assertSameNiches(expected, result.niches());
      assertEquals(end, result.asOf());
      assertTrue(result.consumers() > 0);
    }
  }
}
