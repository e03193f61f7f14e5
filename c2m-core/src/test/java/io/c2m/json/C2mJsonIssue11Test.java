package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import io.c2m.json.internal.ReadSettings;
import io.c2m.production.BatchPlan;
import org.junit.jupiter.api.Test;

/** Issue 11: the mapper's read limits are explicit and it never types polymorphically. */
class C2mJsonIssue11Test {
  @Test
  void readLimitsAreSetExplicitly() {
    StreamReadConstraints c = C2mJson.mapper().getFactory().streamReadConstraints();
    assertEquals(64, c.getMaxNestingDepth());
    assertEquals(100, c.getMaxNumberLength());
    assertEquals(1 << 20, c.getMaxStringLength());
    assertEquals(ReadSettings.READ_CONSTRAINTS, c);
  }

  @Test
  void noPolymorphicDefaultTypingAnywhere() {
    ObjectMapper m = C2mJson.mapper();
    assertNull(m.getSerializationConfig().getDefaultTyper(m.constructType(Object.class)));
    assertNull(m.getDeserializationConfig().getDefaultTyper(m.constructType(Object.class)));
    assertNull(m.getDeserializationConfig().getDefaultTyper(m.constructType(BatchPlan.class)));
    // The validator is Jackson's laissez-faire default only because typing is never activated;
    // a class name in the input is never used to pick a type.
    PolymorphicTypeValidator v = m.getPolymorphicTypeValidator();
    assertTrue(v != null);
    Object read = C2mJson.fromJson("[\"java.net.URL\", \"http://example.com\"]", Object.class);
    assertEquals(java.util.List.of("java.net.URL", "http://example.com"), read);
  }

  @Test
  void deepNestingIsRefusedByTheExplicitLimit() {
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThrows(IllegalArgumentException.class, () -> C2mJson.fromJson(deep, Object.class));
  }
}
