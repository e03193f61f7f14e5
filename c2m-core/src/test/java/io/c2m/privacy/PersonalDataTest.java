package io.c2m.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {
  @ParameterizedTest
  @ValueSource(strings = {"email", "E-Mail", "billing_email", "phone", "PhoneNumber", "name",
      "first_name", "address", "ip", "user_id", "customerId", "zip", "dob"})
  void personalKeysAreDenied(String key) {
    assertTrue(PersonalData.isPersonalKey(key), key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"category", "color", "size", "material", "brand", "style", "fit",
      "pattern", "variant", "category2"})
  void productKeysAreAllowed(String key) {
    assertFalse(PersonalData.isPersonalKey(key), key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jane@example.com", "a.b+c@mail.co.uk", "+44 20 7946 0958",
      "(555) 123-4567", "555-123-4567", "06 12 34 56 78", "0612345678"})
  void personalShapesAreRecognised(String value) {
    assertTrue(PersonalData.looksPersonal(value), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sage", "38", "12.50", "M", "2026-03-01T10:00:00Z", "20260301",
      "linen", "42-44", "@home"})
  void productValuesAreNotPersonal(String value) {
    assertFalse(PersonalData.looksPersonal(value), value);
  }

  @Test
  void excerptsEscapeControlsClipAndWithhold() {
    assertEquals("a\\u001b[31mb\\u0007", PersonalData.excerpt("a\u001b[31mb\u0007"));
    assertEquals(PersonalData.WITHHELD, PersonalData.excerpt("mail jane@example.com now"));
    assertEquals(40, PersonalData.excerpt("x".repeat(100)).length());
    assertEquals("Product Viewed", PersonalData.excerpt("Product Viewed"));
    assertEquals("a\\u202eb", PersonalData.excerpt("a\u202eb"));
  }
}
