package io.c2m.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a price of -0.0 is stored as 0.0, so that a resent order is a duplicate whatever the
 * store's database keeps of the sign (H2 drops it, PostgreSQL keeps it).
 */
class OrderNegativeZeroPrice10Test {
  @Test
  void aNegativeZeroPriceIsZero() {
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    Order minus = new Order(OrderId.of("o"), ConsumerId.of("c"), DesignId.of("d"), 1, -0.0, t, t);
    Order plus = new Order(OrderId.of("o"), ConsumerId.of("c"), DesignId.of("d"), 1, 0.0, t, t);
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(minus.unitPrice()));
    assertTrue(minus.sameBusinessContent(plus));
    assertEquals(plus, minus);
  }
}
