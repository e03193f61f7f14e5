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
 * clean (after a commit or rollback) or is closed. A connection idle for more than a second is
 * checked ({@link Connection#isValid}) before reuse, so that a database restart or a server-side
 * idle timeout costs no failed operation.
 */
final class JdbcConnections implements AutoCloseable {
  /** Opens a connection. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  /** An idle connection and when it was given back. */
  private record Idle(Connection connection, long since) {}

  private static final long CHECK_AFTER_NANOS = 1_000_000_000L;

  private final Opener opener;
  private final int maxIdle;
  private final Deque<Idle> idle = new ArrayDeque<>();
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
    Connection c = null;
    while (c == null) {
      Idle i;
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("The JDBC order store is closed.");
        }
        i = idle.pollFirst();
      }
      if (i == null) {
        break;
      }
      if (System.nanoTime() - i.since() < CHECK_AFTER_NANOS || i.connection().isValid(2)) {
        c = i.connection();
      } else {
        discard(i.connection());
      }
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
        idle.addFirst(new Idle(c, System.nanoTime()));
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
    Deque<Idle> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    for (Idle i : toClose) {
      discard(i.connection());
    }
  }
}
