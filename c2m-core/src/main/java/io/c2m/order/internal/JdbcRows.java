package io.c2m.order.internal;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How {@link JdbcOrderStore} maps its records to rows and reads the database's errors: column
 * lists in the order the binders and readers use them, lossless instants (epoch seconds plus
 * nanoseconds) and durations, chunked {@code IN (...)} look-ups, and the SQLSTATEs it acts on.
 * Why a class of its own: these are the store's on-disk format, kept apart from its transaction
 * logic (and the store under the 800-line limit).
 */
final class JdbcRows {
  private JdbcRows() {}

  static final int IN_CHUNK = 500;
  static final String ORDER_COLUMNS = "id, consumer, design, quantity, unit_price, "
      + "placed_at_s, placed_at_n, latest_delivery_s, latest_delivery_n, state, batch_id, "
      + "accepted_at_s, accepted_at_n, updated_at_s, updated_at_n, event_count";
  static final String EVENT_COLUMNS =
      "order_id, seq, from_state, to_state, at_s, at_n, reason";
  static final String BATCH_COLUMNS = "id, design, state, start_at_s, start_at_n, "
      + "ready_at_s, ready_at_n, quantity, updated_at_s, updated_at_n";
  static final String OFFER_COLUMNS = "design, unit_price, moq, order_multiple, "
      + "campaign_s, campaign_n, lead_time_s, lead_time_n, sales_from_s, sales_from_n, "
      + "sales_until_s, sales_until_n, max_per_order";


  /** An order row with its event count (the number of its next event). */
  record Row(BookedOrder booked, int events) {}


  static boolean hasState(SQLException e, String... states) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      for (String s : states) {
        if (s.equals(x.getSQLState())) {
          return true;
        }
      }
      if (x.getNextException() == x) {
        break;
      }
    }
    return e.getCause() instanceof SQLException cause && cause != e && hasState(cause, states);
  }

  static boolean isUniqueViolation(SQLException e) {
    return hasState(e, "23505");
  }

  /**
   * Tells whether an error is the database giving up on a lock to let another transaction go
   * on: a deadlock (PostgreSQL 40P01), a serialization failure (40001) or a lock timeout (H2
   * HYT00). The transaction was rolled back and may be retried as it was.
   */
  static boolean isTransient(SQLException e) {
    return hasState(e, "40P01", "40001", "HYT00");
  }


  /** The number of parameters of one order row ({@link #ORDER_COLUMNS}). */
  static final int ORDER_PARAMS = 16;
  /** The number of parameters of one event row ({@link #EVENT_COLUMNS}). */
  static final int EVENT_PARAMS = 7;

  static void bindOrder(PreparedStatement ps, Order o, OrderEvent accepted)
      throws SQLException {
    bindOrder(ps, 0, o, accepted);
  }

  /** Binds an order row to parameters {@code base + 1} to {@code base + ORDER_PARAMS}. */
  static void bindOrder(PreparedStatement ps, int base, Order o, OrderEvent accepted)
      throws SQLException {
    ps.setString(base + 1, o.id().value());
    ps.setString(base + 2, o.consumer().value());
    ps.setString(base + 3, o.design().value());
    ps.setInt(base + 4, o.quantity());
    ps.setDouble(base + 5, o.unitPrice());
    bindInstant(ps, base + 6, o.placedAt());
    bindInstant(ps, base + 8, o.latestDelivery());
    ps.setString(base + 10, accepted.to().name());
    ps.setString(base + 11, "");
    bindInstant(ps, base + 12, accepted.at());
    bindInstant(ps, base + 14, accepted.at());
    ps.setInt(base + 16, 1);
  }

  static void bindEvent(PreparedStatement ps, OrderEvent e, int seq) throws SQLException {
    bindEvent(ps, 0, e, seq);
  }

  /** Binds an event row to parameters {@code base + 1} to {@code base + EVENT_PARAMS}. */
  static void bindEvent(PreparedStatement ps, int base, OrderEvent e, int seq)
      throws SQLException {
    ps.setString(base + 1, e.order().value());
    ps.setInt(base + 2, seq);
    ps.setString(base + 3, e.from().name());
    ps.setString(base + 4, e.to().name());
    bindInstant(ps, base + 5, e.at());
    ps.setString(base + 7, e.reason());
  }

  /**
   * Returns {@code INSERT INTO table (columns) VALUES (?, ...), (?, ...), ...}: a multi-row insert
   * (SQL-92, PostgreSQL and H2 alike).
   *
   * @param table the table
   * @param columns its columns
   * @param params parameters per row
   * @param rows rows
   * @return the statement
   */
  static String insertRows(String table, String columns, int params, int rows) {
    StringBuilder row = new StringBuilder("(");
    for (int i = 0; i < params; i++) {
      row.append(i == 0 ? "?" : ", ?");
    }
    row.append(')');
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
        .append(columns).append(") VALUES ");
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "" : ", ").append(row);
    }
    return sql.toString();
  }

  static void bindInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
    ps.setLong(i, t.getEpochSecond());
    ps.setInt(i + 1, t.getNano());
  }

  static void bindDuration(PreparedStatement ps, int i, Duration d) throws SQLException {
    ps.setLong(i, d.getSeconds());
    ps.setInt(i + 1, d.getNano());
  }

  static Instant instant(ResultSet rs, int i) throws SQLException {
    return Instant.ofEpochSecond(rs.getLong(i), rs.getInt(i + 1));
  }

  static Duration duration(ResultSet rs, int i) throws SQLException {
    return Duration.ofSeconds(rs.getLong(i), rs.getInt(i + 1));
  }


  static void bindBatch(PreparedStatement ps, BookedBatch b, int i) throws SQLException {
    ps.setString(i, b.design().value());
    ps.setString(i + 1, b.state().name());
    bindInstant(ps, i + 2, b.start());
    bindInstant(ps, i + 4, b.ready());
    ps.setInt(i + 6, b.quantity());
    bindInstant(ps, i + 7, b.updatedAt());
  }


  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code sqlPrefix + "(?, ?, ...)"} over the keys, {@value #IN_CHUNK} at a time. */
  static void forChunks(Connection c, String sqlPrefix, Collection<String> keys,
      RowReader reader) throws SQLException {
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> part = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      StringBuilder sql = new StringBuilder(sqlPrefix).append('(');
      for (int i = 0; i < part.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append(')');
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            reader.read(rs);
          }
        }
      }
    }
  }


  static Row readOrder(ResultSet rs) throws SQLException {
    OrderId id = OrderId.of(rs.getString(1));
    Order o = new Order(id, ConsumerId.of(rs.getString(2)), DesignId.of(rs.getString(3)),
        rs.getInt(4), rs.getDouble(5), instant(rs, 6), instant(rs, 8));
    BookedOrder b = new BookedOrder(o, OrderState.valueOf(rs.getString(10)), rs.getString(11),
        instant(rs, 12), instant(rs, 14));
    return new Row(b, rs.getInt(16));
  }


  static void bindOffer(PreparedStatement ps, Offer o) throws SQLException {
    ps.setString(1, o.design().value());
    ps.setDouble(2, o.unitPrice());
    ps.setInt(3, o.minimumOrderQuantity());
    ps.setInt(4, o.orderMultiple());
    bindDuration(ps, 5, o.campaign());
    bindDuration(ps, 7, o.leadTime());
    bindInstant(ps, 9, o.salesFrom());
    bindInstant(ps, 11, o.salesUntil());
    ps.setInt(13, o.maxPerOrder());
  }
}
