package io.c2m.testkit.order.jdbc;

/** The order-store contract kit on the JDBC store over an embedded, in-memory H2. */
class JdbcH2ContractTest extends AbstractJdbcContract {
  @Override
  String url() {
    return "jdbc:h2:mem:c2m_jdbc_contract;DB_CLOSE_DELAY=-1";
  }
}
