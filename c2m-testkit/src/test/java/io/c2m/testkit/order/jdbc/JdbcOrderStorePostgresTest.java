package io.c2m.testkit.order.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.OrderId;
import io.c2m.order.Order;
import io.c2m.order.OrderStore;
import io.c2m.order.OrderStore.Insertion.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC order store on a real PostgreSQL server started by the tests on 127.0.0.1 ({@link
 * PostgresServer}); skipped with a printed notice if the server cannot start on this machine.
 */
class JdbcOrderStorePostgresTest extends AbstractJdbcOrderStoreTest {
  private static String url;

  @BeforeAll
  static void startServer() {
    url = PostgresServer.shared().url("");
  }

  @Override
  String url() {
    return url;
  }

  @Test
  void survivesItsIdleConnectionsBeingCutByTheServer() throws Exception {
    OrderStore s = open();
    Order a = order("o-1", "c1", 1, 2);
    s.insert(a, accepted(a, T0));
    // the server ends every other session, as a restart or an idle timeout would
    sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        + "WHERE pid <> pg_backend_pid() AND datname = current_database()");
    Thread.sleep(1100); // past the store's check-before-reuse delay
    Order b = order("o-2", "c1", 1, 2);
    assertEquals(Outcome.INSERTED, s.insert(b, accepted(b, T0)).outcome());
    assertEquals(OrderId.of("o-1"), s.orders().get(0).order().id());
  }
}
