package io.c2m.testkit.order.jdbc;

import org.junit.jupiter.api.BeforeAll;

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
}
