package io.c2m.testkit.order.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.order.JdbcStoreOptions;
import io.c2m.order.Order;
import io.c2m.order.OrderStore;
import io.c2m.order.OrderStore.Insertion.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The JDBC order store on an embedded, in-memory H2 database (one per test class; each test has
 * its own table prefix).
 */
class JdbcOrderStoreH2Test extends AbstractJdbcOrderStoreTest {
  @Override
  String url() {
    return "jdbc:h2:mem:c2m_jdbc_store_test;DB_CLOSE_DELAY=-1";
  }

  @Test
  void opensOnADataSourceWithoutKeepingConnections() {
    UrlDataSource ds = new UrlDataSource(url());
    try (OrderStore s = OrderStore.jdbc(ds, JdbcStoreOptions.defaults().withTablePrefix(prefix)
        .withIdleConnections(0))) {
      Order o = order("o-1", "c1", 1, 2);
      assertEquals(Outcome.INSERTED, s.insert(o, accepted(o, T0)).outcome());
      assertEquals(Outcome.DUPLICATE, s.insert(o, accepted(o, T0)).outcome());
    }
    try (OrderStore again = OrderStore.jdbc(ds, JdbcStoreOptions.defaults()
        .withTablePrefix(prefix))) {
      assertEquals(1, again.size());
    }
  }
}
