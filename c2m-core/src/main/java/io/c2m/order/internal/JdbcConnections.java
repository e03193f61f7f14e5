package io.c2m.order.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The connections of a {@link JdbcOrderStore}: opened on demand, kept idle up to a bound for
 * reuse. Why not a real pool: the store runs one short transaction per operation and needs no
 * more than "reuse the last few connections" (opening a PostgreSQL connection costs milliseconds,
 * an operation a fraction of one); a user who wants a real pool passes its data source and sets
 * the idle bound to 0. Every connection handed out is in manual-commit mode and comes back either
 * clean (after a commit or rollback) or is closed.
 */
final class JdbcConnections implements AutoCloseable {
  /** Opens a connection. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private final int maxIdle;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  JdbcConnections(Opener opener, int maxIdle) {
    this.opener = opener;
    this.maxIdle = maxIdle;
  }

  /**
   * Takes an idle connection or opens one.
   *
   * @return a connection in manual-commit mode
   * @throws SQLException if none can be opened
   * @throws IllegalStateException if the store is closed
   */
  Connection take() throws SQLException {
    Connection c;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The JDBC order store is closed.");
      }
      c = idle.pollFirst();
    }
    if (c == null) {
      c = opener.open();
      if (c.getAutoCommit()) {
        c.setAutoCommit(false);
      }
      if (c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    }
    return c;
  }

  /**
   * Gives a connection back after a completed (committed or rolled back) transaction.
   *
   * @param c the connection
   */
  void give(Connection c) {
    synchronized (this) {
      if (!closed && idle.size() < maxIdle) {
        idle.addFirst(c);
        return;
      }
    }
    discard(c);
  }

  /**
   * Closes a connection that failed: it may be broken or in an unknown transaction state.
   *
   * @param c the connection
   */
  void discard(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // it is being thrown away because it failed; the original failure is what counts
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // same
    }
  }

  @Override
  public void close() {
    Deque<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    for (Connection c : toClose) {
      discard(c);
    }
  }
}
