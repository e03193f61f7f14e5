package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 (one JSON contract): money as decimals with a currency, one envelope. */
class MoneyAndEnvelopeTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void moneyRoundsABinaryFractionToTheMinorUnit() {
    assertEquals(new BigDecimal("27.20"), Money.of(27.200000000000014, EUR).amount());
    // Half-even: a tie goes to the even neighbour, so rounding errors do not pile up one way.
    assertEquals(new BigDecimal("1234"),
        Money.of(1234.5, Currency.getInstance("JPY")).amount());
    assertEquals(new BigDecimal("1236"),
        Money.of(1235.5, Currency.getInstance("JPY")).amount());
    assertEquals(new BigDecimal("0.1234"), Money.of(0.12345, Money.NO_CURRENCY).amount());
    assertThrows(IllegalArgumentException.class, () -> Money.of(Double.NaN, EUR));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Money(new BigDecimal("1.005"), EUR));
    assertTrue(e.getMessage().contains("\nMaybe"), e.getMessage());
  }

  @Test
  void envelopeCarriesTheBuildVersionAndWritesMoneyAsADecimal() {
    String version = JsonEnvelope.currentVersion();
    assertFalse(version.isBlank() || version.contains("${"), version);
    String json = JsonEnvelope.of("plan", Instant.parse("2027-01-04T08:00:00Z"),
        List.of(Money.of(27.200000000000014, EUR))).toJson();
    assertTrue(json.contains("\"amount\" : 27.20"), json);
    assertTrue(json.contains("\"currency\" : \"EUR\""), json);
    assertTrue(json.indexOf("schemaVersion") < json.indexOf("kind")
        && json.indexOf("kind") < json.indexOf("c2mVersion")
        && json.indexOf("c2mVersion") < json.indexOf("asOf")
        && json.indexOf("asOf") < json.indexOf("data"), json);
    assertTrue(json.contains("\"c2mVersion\" : \"" + version + "\""), json);
    assertThrows(IllegalArgumentException.class,
        () -> JsonEnvelope.of("Not A Kind", Instant.EPOCH, List.of()));
  }
}
