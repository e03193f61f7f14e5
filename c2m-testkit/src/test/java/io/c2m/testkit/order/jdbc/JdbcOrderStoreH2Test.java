package io.c2m.testkit.order.jdbc;

/**
 * The JDBC order store on an embedded, in-memory H2 database (one per test class; each test has
 * its own table prefix).
 */
class JdbcOrderStoreH2Test extends AbstractJdbcOrderStoreTest {
  @Override
  String url() {
    return "jdbc:h2:mem:c2m_jdbc_store_test;DB_CLOSE_DELAY=-1";
  }
}
