package io.c2m.niche;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.json.C2mJson;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NicheRequestJsonTest {
  @Test
  void aRequestWithProfilesAndATimelineRoundTrips() throws Exception {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, t);
    store.add(new Signal(ConsumerId.of("a"), SignalType.PURCHASE, t,
        Attributes.of("category", "dress", "color", "sage"), "web", 30));
    store.add(Signal.of(ConsumerId.of("b"), SignalType.VIEW, t.plus(Duration.ofDays(2)),
        Attributes.of("category", "shirt"), "web"));
    NicheRequest request = new NicheRequest(store.profiles(t.plus(Duration.ofDays(3))), 5,
        t.plus(Duration.ofDays(3)), 9, store.timeline());
    ObjectMapper mapper = C2mJson.mapper();
    String json = mapper.writeValueAsString(request);
    assertEquals(request, mapper.readValue(json, NicheRequest.class), json);
  }
}
