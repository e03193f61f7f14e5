package io.c2m.testkit.order.jdbc;

import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The order-store contract kit on the JDBC store over the real PostgreSQL server the tests start
 * on 127.0.0.1 ({@link PostgresServer}); skipped with a printed notice if it cannot start (the
 * JUnit examples by an assumption, the jqwik property by {@link PostgresServer.SkipIfAbsent}).
 */
@AddLifecycleHook(PostgresServer.SkipIfAbsent.class)
class JdbcPostgresContractTest extends AbstractJdbcContract {
  @Override
  String url() {
    return PostgresServer.shared().url("");
  }
}
