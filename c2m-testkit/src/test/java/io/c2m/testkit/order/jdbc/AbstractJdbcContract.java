package io.c2m.testkit.order.jdbc;

import io.c2m.order.JdbcStoreOptions;
import io.c2m.order.OrderStore;
import io.c2m.testkit.order.OrderStoreContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The order-store contract for the JDBC store. The first new store of a test class creates its
 * tables (a table prefix of its own in one shared database); each later new store starts on the
 * same tables emptied with {@code DELETE} (the kit runs its tests and tries one after another and
 * closes each store), so that the kit's 60 random sequences do not each create six tables.
 * Reopening closes the store and opens a new store object on the same tables. Durable: every
 * test of the kit also reopens.
 */
abstract class AbstractJdbcContract implements OrderStoreContract {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final Map<OrderStore, String> prefixes = new IdentityHashMap<>();
  private String tables;

  /**
   * Returns the JDBC URL of the database under test.
   *
   * @return the URL
   */
  abstract String url();

  private OrderStore open(String prefix) {
    OrderStore s = OrderStore.jdbc(url(), new Properties(),
        JdbcStoreOptions.defaults().withTablePrefix(prefix));
    synchronized (prefixes) {
      prefixes.put(s, prefix);
    }
    return s;
  }

  @Override
  public OrderStore newStore() {
    if (tables == null) {
      tables = "k" + PREFIXES.incrementAndGet() + "_" + getClass().getSimpleName().length() + "_";
    } else {
      try (Connection c = DriverManager.getConnection(url());
          Statement st = c.createStatement()) {
        for (String t : List.of("batch_orders", "batches", "events", "orders", "offers")) {
          st.executeUpdate("DELETE FROM " + tables + t);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Could not empty the tables " + tables + "*", e);
      }
    }
    return open(tables);
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public OrderStore reopen(OrderStore store) {
    String prefix;
    synchronized (prefixes) {
      prefix = prefixes.remove(store);
    }
    store.close();
    return open(prefix);
  }
}
