package io.c2m.order.internal;

import static io.c2m.order.internal.JdbcRows.BATCH_COLUMNS;
import static io.c2m.order.internal.JdbcRows.EVENT_COLUMNS;
import static io.c2m.order.internal.JdbcRows.EVENT_PARAMS;
import static io.c2m.order.internal.JdbcRows.OFFER_COLUMNS;
import static io.c2m.order.internal.JdbcRows.ORDER_COLUMNS;
import static io.c2m.order.internal.JdbcRows.ORDER_PARAMS;
import static io.c2m.order.internal.JdbcRows.bindBatch;
import static io.c2m.order.internal.JdbcRows.bindEvent;
import static io.c2m.order.internal.JdbcRows.bindInstant;
import static io.c2m.order.internal.JdbcRows.bindOffer;
import static io.c2m.order.internal.JdbcRows.bindOrder;
import static io.c2m.order.internal.JdbcRows.duration;
import static io.c2m.order.internal.JdbcRows.forChunks;
import static io.c2m.order.internal.JdbcRows.instant;
import static io.c2m.order.internal.JdbcRows.isTransient;
import static io.c2m.order.internal.JdbcRows.isUniqueViolation;
import static io.c2m.order.internal.JdbcRows.readOrder;
import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.C2mException;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.JdbcStoreOptions;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import io.c2m.order.internal.JdbcRows.Row;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@link OrderStore} in a relational database through plain JDBC (the driver is the user's).
 * Tables and their migration: {@link JdbcSchema}.
 *
 * <p>How the contract is kept:
 * <ul>
 *   <li><b>Unique ids by the database:</b> the order id is the primary key. {@link #insert} inserts
 *       the order row and its acceptance event in one transaction; a unique-key violation (SQLSTATE
 *       23505, also when another process inserted the id a moment before) rolls it back, reads the
 *       stored row and answers {@code DUPLICATE} or {@code CONFLICT} by business content.
 *   <li><b>A state change and its event together:</b> {@link #commit} checks every event against
 *       the rows it reads, then in one transaction updates each order with an optimistic check
 *       ({@code UPDATE ... WHERE id = ? AND state = ? AND event_count = ?}; an update count of 0
 *       means another writer moved the order since: everything is rolled back and an {@link
 *       IllegalStateException} names the order, its state and the rule), inserts the events (whose
 *       key is the order and its event number) and stores the batches.
 *   <li><b>Batches:</b> {@link #insertAll} looks the ids up first, then inserts the new orders and
 *       events in one transaction, 64 rows per multi-row {@code INSERT} and those statements as a
 *       JDBC batch; if another writer inserts one of the ids in between (a unique violation or a
 *       deadlock), it rolls back and inserts order by order.
 *   <li><b>Lossless values:</b> instants and durations as seconds plus nanoseconds, prices as
 *       {@code DOUBLE PRECISION} (a binary64 on PostgreSQL and H2: round-trips exactly).
 * </ul>
 *
 * <p>Every operation is one short transaction at READ COMMITTED on a connection taken from {@link
 * JdbcConnections}. An insert or a commit that the database aborts to break a lock wait (deadlock,
 * serialization failure, H2's lock timeout) is run again from the start, up to five times; any
 * other database failure is a {@link C2mException} naming the operation and the SQLSTATE, and the
 * operation did not happen (an insert is not acknowledged). Thread-safe; many store objects (in
 * many processes) may share one database.
 */
public final class JdbcOrderStore implements OrderStore {
  /** Rows per multi-row insert of {@link #insertAll}: 64 x 16 parameters, far below the limits. */
  private static final int ROWS_PER_INSERT = 64;
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(JdbcOrderStore.class);
  /** Signals, inside {@link #insertAll}, that the batch met a concurrent writer. */
  private static final class Fallback extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fallback(SQLException cause) {
      super(cause);
    }
  }

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final JdbcConnections connections;
  private final String orders;
  private final String events;
  private final String batches;
  private final String batchOrders;
  private final String offers;

  private JdbcOrderStore(JdbcConnections.Opener opener, JdbcStoreOptions options) {
    requireNonNull(options, "options");
    String p = options.tablePrefix();
    this.orders = p + "orders";
    this.events = p + "events";
    this.batches = p + "batches";
    this.batchOrders = p + "batch_orders";
    this.offers = p + "offers";
    this.connections = new JdbcConnections(opener, options.idleConnections());
    Connection c;
    try {
      c = connections.take();
    } catch (SQLException e) {
      connections.close();
      throw failure("open a connection", e);
    }
    try {
      JdbcSchema.migrateWithRetries(c, p, options.createSchema());
      connections.give(c);
    } catch (RuntimeException e) {
      connections.discard(c);
      connections.close();
      throw e;
    }
  }

  /**
   * Opens a store on a data source, creating or checking its tables.
   *
   * @param dataSource the database
   * @param options the table prefix, schema creation and idle connections
   * @return the store
   * @throws C2mException if the database cannot be reached or the schema created
   * @throws IllegalStateException if the schema is missing or of another version and may not be
   *     created
   */
  public static JdbcOrderStore open(DataSource dataSource, JdbcStoreOptions options) {
    requireNonNull(dataSource, "dataSource");
    return new JdbcOrderStore(dataSource::getConnection, options);
  }

  /**
   * Opens a store on a JDBC URL through {@link DriverManager}.
   *
   * @param url the URL, e.g. {@code jdbc:postgresql://host/db}
   * @param properties the driver's properties (user, password, ...)
   * @param options the table prefix, schema creation and idle connections
   * @return the store
   */
  public static JdbcOrderStore open(String url, Properties properties, JdbcStoreOptions options) {
    requireNonNull(url, "url");
    Properties copy = new Properties();
    copy.putAll(requireNonNull(properties, "properties"));
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("The JDBC URL (" + url + ") must start with jdbc:.");
    }
    return new JdbcOrderStore(() -> DriverManager.getConnection(url, copy), options);
  }

  // ---------------------------------------------------------------- transactions

  private <T> T inTransaction(String what, Work<T> work) {
    Connection c;
    try {
      c = connections.take();
    } catch (SQLException e) {
      throw failure(what, e);
    }
    try {
      T t = work.run(c);
      c.commit();
      connections.give(c);
      return t;
    } catch (SQLException e) {
      release(c, e);
      throw failure(what, e);
    } catch (RuntimeException | Error e) {
      release(c, e);
      throw e;
    }
  }

  /** Rolls back and keeps the connection, unless it looks broken. */
  private void release(Connection c, Throwable failure) {
    boolean broken = failure instanceof SQLException s && s.getSQLState() != null
        && s.getSQLState().startsWith("08");
    if (broken || failure instanceof Error) {
      connections.discard(c);
      return;
    }
    try {
      c.rollback();
      connections.give(c);
    } catch (SQLException r) {
      failure.addSuppressed(r);
      connections.discard(c);
    }
  }

  private static C2mException failure(String what, SQLException e) {
    return new C2mException("The JDBC order store could not " + what + " (SQLSTATE "
        + e.getSQLState() + "): " + e.getMessage(), e);
  }

  /** Runs a whole transaction again (up to 5 tries) while it fails transiently. */
  private <T> T retrying(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction(what, work);
      } catch (C2mException e) {
        if (attempt >= 5 || !(e.getCause() instanceof SQLException s) || !isTransient(s)) {
          throw e;
        }
        try {
          Thread.sleep(attempt * 5L);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  // ---------------------------------------------------------------- checks

  private static void checkLength(String value, int max, String what) {
    if (value.length() > max) {
      throw new IllegalArgumentException("The " + what + " is " + value.length()
          + " characters long; the JDBC order store holds at most " + max + ".");
    }
  }

  private static void checkOrder(Order order, OrderEvent accepted) {
    InMemoryOrderStore.checkAcceptance(order, accepted);
    checkLength(order.id().value(), JdbcSchema.MAX_ID, "id of order (" + order.id() + ")");
    checkLength(order.consumer().value(), JdbcSchema.MAX_ID,
        "consumer id of order (" + order.id() + ")");
    checkLength(order.design().value(), JdbcSchema.MAX_ID, "design of order (" + order.id() + ")");
    checkLength(accepted.reason(), JdbcSchema.MAX_REASON,
        "reason of the acceptance of order (" + order.id() + ")");
  }

  // ---------------------------------------------------------------- intake

  @Override
  public Insertion insert(Order order, OrderEvent accepted) {
    checkOrder(order, accepted);
    return retrying("insert order (" + order.id() + ")", c -> insertOne(c, order, accepted));
  }

  private Insertion insertOne(Connection c, Order order, OrderEvent accepted)
      throws SQLException {
    try (PreparedStatement o = c.prepareStatement(insertOrderSql());
        PreparedStatement e = c.prepareStatement(insertEventSql())) {
      bindOrder(o, order, accepted);
      o.executeUpdate();
      bindEvent(e, accepted, 0);
      e.executeUpdate();
      return new Insertion(Insertion.Outcome.INSERTED, booked(order, accepted));
    } catch (SQLException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      c.rollback();
      Optional<Row> stored = selectOrders(c, List.of(order.id())).values().stream().findFirst();
      if (stored.isEmpty()) {
        throw e; // not the order's key after all
      }
      return against(stored.get().booked(), order);
    }
  }

  private static Insertion against(BookedOrder stored, Order order) {
    return new Insertion(stored.order().sameBusinessContent(order)
        ? Insertion.Outcome.DUPLICATE : Insertion.Outcome.CONFLICT, stored);
  }

  private static BookedOrder booked(Order order, OrderEvent accepted) {
    return new BookedOrder(order, accepted.to(), "", accepted.at(), accepted.at());
  }

  @Override
  public List<Insertion> insertAll(List<Order> orderList, List<OrderEvent> accepted) {
    if (orderList.size() != accepted.size()) {
      throw new IllegalArgumentException("There are " + orderList.size() + " orders but "
          + accepted.size() + " acceptance events.");
    }
    for (int i = 0; i < orderList.size(); i++) {
      checkOrder(orderList.get(i), accepted.get(i));
    }
    if (orderList.isEmpty()) {
      return List.of();
    }
    try {
      return inTransaction("insert " + orderList.size() + " orders",
          c -> insertBatch(c, orderList, accepted));
    } catch (Fallback f) {
      LOG.info("JDBC order store: a batch insert of {} orders met a concurrent writer or a "
          + "transient error (SQLState {}); inserting them one by one", orderList.size(),
          ((SQLException) f.getCause()).getSQLState());
      List<Insertion> out = new ArrayList<>(orderList.size());
      for (int i = 0; i < orderList.size(); i++) {
        out.add(insert(orderList.get(i), accepted.get(i)));
      }
      return out;
    }
  }

  private List<Insertion> insertBatch(Connection c, List<Order> list, List<OrderEvent> accepted)
      throws SQLException {
    Set<OrderId> ids = new LinkedHashSet<>();
    for (Order o : list) {
      ids.add(o.id());
    }
    Map<OrderId, Row> stored = selectOrders(c, ids);
    Map<OrderId, BookedOrder> fresh = new HashMap<>();
    Insertion[] out = new Insertion[list.size()];
    List<Integer> toInsert = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Order o = list.get(i);
      Row old = stored.get(o.id());
      BookedOrder earlier = old != null ? old.booked() : fresh.get(o.id());
      if (earlier != null) {
        out[i] = against(earlier, o);
      } else {
        BookedOrder b = booked(o, accepted.get(i));
        fresh.put(o.id(), b);
        out[i] = new Insertion(Insertion.Outcome.INSERTED, b);
        toInsert.add(i);
      }
    }
    try {
      // the order rows first (the events refer to them), then the events
      insertChunks(c, toInsert, orders, ORDER_COLUMNS, ORDER_PARAMS,
          (ps, base, i) -> bindOrder(ps, base, list.get(i), accepted.get(i)));
      insertChunks(c, toInsert, events, EVENT_COLUMNS, EVENT_PARAMS,
          (ps, base, i) -> bindEvent(ps, base, accepted.get(i), 0));
    } catch (SQLException e) {
      if (isUniqueViolation(e) || isTransient(e)) {
        throw new Fallback(e);
      }
      throw e;
    }
    return List.of(out);
  }

  /** Binds row {@code i} of a batch to parameters from {@code base + 1}. */
  @FunctionalInterface
  private interface RowBinder {
    void bind(PreparedStatement ps, int base, int i) throws SQLException;
  }

  /**
   * Inserts rows {@value #ROWS_PER_INSERT} per statement (a multi-row {@code VALUES}), the full
   * statements as one JDBC batch: one round trip and one statement to parse per 64 rows instead of
   * one per row, whatever the driver's own batch rewriting.
   */
  private static void insertChunks(Connection c, List<Integer> rows, String table,
      String columns, int params, RowBinder binder) throws SQLException {
    int full = rows.size() / ROWS_PER_INSERT;
    int tail = rows.size() % ROWS_PER_INSERT;
    if (full > 0) {
      try (PreparedStatement ps = c.prepareStatement(
          JdbcRows.insertRows(table, columns, params, ROWS_PER_INSERT))) {
        for (int k = 0; k < full; k++) {
          for (int r = 0; r < ROWS_PER_INSERT; r++) {
            binder.bind(ps, r * params, rows.get(k * ROWS_PER_INSERT + r));
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (tail > 0) {
      try (PreparedStatement ps = c.prepareStatement(
          JdbcRows.insertRows(table, columns, params, tail))) {
        for (int r = 0; r < tail; r++) {
          binder.bind(ps, r * params, rows.get(full * ROWS_PER_INSERT + r));
        }
        ps.executeUpdate();
      }
    }
  }

  private String insertOrderSql() {
    return JdbcRows.insertRows(orders, ORDER_COLUMNS, ORDER_PARAMS, 1);
  }

  private String insertEventSql() {
    return JdbcRows.insertRows(events, EVENT_COLUMNS, EVENT_PARAMS, 1);
  }

  // ---------------------------------------------------------------- changes

  @Override
  public void commit(OrderChange change) {
    requireNonNull(change, "change");
    if (change.isEmpty()) {
      return;
    }
    for (OrderEvent ev : change.events()) {
      checkLength(ev.reason(), JdbcSchema.MAX_REASON, "reason of an event of order ("
          + ev.order() + ")");
    }
    for (BookedBatch b : change.batches()) {
      checkLength(b.id().value(), JdbcSchema.MAX_ID, "id of batch " + b.id());
      checkLength(b.design().value(), JdbcSchema.MAX_ID, "design of batch " + b.id());
    }
    retrying("commit a change of " + change.events().size() + " events and "
        + change.batches().size() + " batches", c -> {
          commitIn(c, change);
          return null;
        });
  }

  private void commitIn(Connection c, OrderChange change) throws SQLException {
    Set<OrderId> ids = new LinkedHashSet<>();
    for (OrderEvent ev : change.events()) {
      ids.add(ev.order());
    }
    Map<OrderId, Row> current = selectOrders(c, ids);
    Map<OrderId, String> batchOf = InMemoryOrderStore.batchOfOrders(change.batches());
    Map<OrderId, BookedOrder> next = new LinkedHashMap<>();
    Map<OrderId, Integer> added = new HashMap<>();
    List<Integer> seqs = new ArrayList<>(change.events().size());
    for (OrderEvent ev : change.events()) {
      BookedOrder cur = next.get(ev.order());
      Row row = current.get(ev.order());
      if (row == null) {
        throw new IllegalStateException("Order (" + ev.order() + ") is not in the store; "
            + "cannot move it from " + ev.from() + " to " + ev.to() + ".");
      }
      if (cur == null) {
        cur = row.booked();
      }
      next.put(ev.order(), cur.after(ev, InMemoryOrderStore.batchFor(ev, batchOf)));
      int k = added.merge(ev.order(), 1, Integer::sum);
      seqs.add(row.events() + k - 1);
    }
    checkBatchDesigns(c, change.batches());
    updateOrders(c, current, next, added);
    try (PreparedStatement pe = c.prepareStatement(insertEventSql())) {
      for (int i = 0; i < change.events().size(); i++) {
        bindEvent(pe, change.events().get(i), seqs.get(i));
        pe.addBatch();
      }
      if (!change.events().isEmpty()) {
        pe.executeBatch();
      }
    }
    for (BookedBatch b : change.batches()) {
      storeBatch(c, b);
    }
  }

  private void updateOrders(Connection c, Map<OrderId, Row> current,
      Map<OrderId, BookedOrder> next, Map<OrderId, Integer> added) throws SQLException {
    if (next.isEmpty()) {
      return;
    }
    List<OrderId> order = new ArrayList<>(next.keySet());
    int[] counts;
    try (PreparedStatement pu = c.prepareStatement("UPDATE " + orders + " SET state = ?, "
        + "batch_id = ?, updated_at_s = ?, updated_at_n = ?, event_count = ? "
        + "WHERE id = ? AND state = ? AND event_count = ?")) {
      for (OrderId id : order) {
        BookedOrder b = next.get(id);
        Row was = current.get(id);
        pu.setString(1, b.state().name());
        pu.setString(2, b.batch());
        bindInstant(pu, 3, b.updatedAt());
        pu.setInt(5, was.events() + added.get(id));
        pu.setString(6, id.value());
        pu.setString(7, was.booked().state().name());
        pu.setInt(8, was.events());
        pu.addBatch();
      }
      counts = pu.executeBatch();
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        OrderId id = order.get(i);
        Row now = selectOrders(c, List.of(id)).get(id);
        OrderState was = current.get(id).booked().state();
        throw new IllegalStateException("Order (" + id + ") was " + was + " when read but is "
            + (now == null ? "gone" : now.booked().state()) + " now: another writer changed it, "
            + "so this change (moving it to " + next.get(id).state() + ") is rolled back; an "
            + "event must start from the order's stored state.\nMaybe re-read the order and "
            + "retry.");
      }
    }
  }

  private void checkBatchDesigns(Connection c, List<BookedBatch> list) throws SQLException {
    if (list.isEmpty()) {
      return;
    }
    Map<String, BookedBatch> byId = new LinkedHashMap<>();
    for (BookedBatch b : list) {
      byId.put(b.id().value(), b);
    }
    forChunks(c, "SELECT id, design FROM " + batches + " WHERE id IN ", byId.keySet(), rs -> {
      BookedBatch b = byId.get(rs.getString(1));
      if (b != null && !b.design().value().equals(rs.getString(2))) {
        throw new IllegalStateException("Batch " + b.id() + " is stored for design "
            + rs.getString(2) + ", not " + b.design() + ".");
      }
    });
  }

  private void storeBatch(Connection c, BookedBatch b) throws SQLException {
    int n;
    try (PreparedStatement pu = c.prepareStatement("UPDATE " + batches + " SET design = ?, "
        + "state = ?, start_at_s = ?, start_at_n = ?, ready_at_s = ?, ready_at_n = ?, "
        + "quantity = ?, updated_at_s = ?, updated_at_n = ? WHERE id = ?")) {
      bindBatch(pu, b, 1);
      pu.setString(10, b.id().value());
      n = pu.executeUpdate();
    }
    if (n == 0) {
      try (PreparedStatement pi = c.prepareStatement("INSERT INTO " + batches + " (design, state, "
          + "start_at_s, start_at_n, ready_at_s, ready_at_n, quantity, updated_at_s, "
          + "updated_at_n, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bindBatch(pi, b, 1);
        pi.setString(10, b.id().value());
        pi.executeUpdate();
      }
    } else {
      try (PreparedStatement pd = c.prepareStatement(
          "DELETE FROM " + batchOrders + " WHERE batch_id = ?")) {
        pd.setString(1, b.id().value());
        pd.executeUpdate();
      }
    }
    try (PreparedStatement po = c.prepareStatement("INSERT INTO " + batchOrders
        + " (batch_id, pos, order_id) VALUES (?, ?, ?)")) {
      for (int i = 0; i < b.orders().size(); i++) {
        po.setString(1, b.id().value());
        po.setInt(2, i);
        po.setString(3, b.orders().get(i).value());
        po.addBatch();
      }
      if (!b.orders().isEmpty()) {
        po.executeBatch();
      }
    }
  }

  // ---------------------------------------------------------------- reads

  private Map<OrderId, Row> selectOrders(Connection c, Collection<OrderId> ids)
      throws SQLException {
    Map<OrderId, Row> out = new HashMap<>();
    List<String> keys = new ArrayList<>(ids.size());
    for (OrderId id : ids) {
      keys.add(id.value());
    }
    forChunks(c, "SELECT " + ORDER_COLUMNS + " FROM " + orders + " WHERE id IN ", keys, rs -> {
      Row r = readOrder(rs);
      out.put(r.booked().order().id(), r);
    });
    return out;
  }

  @Override
  public Optional<BookedOrder> find(OrderId id) {
    requireNonNull(id, "id");
    return inTransaction("find order (" + id + ")", c -> Optional.ofNullable(
        selectOrders(c, List.of(id)).get(id)).map(Row::booked));
  }

  @Override
  public List<BookedOrder> orders() {
    return inTransaction("list orders", c -> listOrders(c,
        "SELECT " + ORDER_COLUMNS + " FROM " + orders + " ORDER BY seq", List.of()));
  }

  @Override
  public List<BookedOrder> orders(Set<OrderState> states) {
    requireNonNull(states, "states");
    if (states.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    StringBuilder in = new StringBuilder();
    for (OrderState s : states) {
      names.add(s.name());
      in.append(in.length() == 0 ? "?" : ", ?");
    }
    return inTransaction("list orders by state", c -> listOrders(c, "SELECT " + ORDER_COLUMNS
        + " FROM " + orders + " WHERE state IN (" + in + ") ORDER BY seq", names));
  }

  private static List<BookedOrder> listOrders(Connection c, String sql, List<String> params)
      throws SQLException {
    List<BookedOrder> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(1000);
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readOrder(rs).booked());
        }
      }
    }
    return out;
  }

  @Override
  public long size() {
    return inTransaction("count orders", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + orders);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public List<OrderEvent> history(OrderId id) {
    requireNonNull(id, "id");
    return inTransaction("read the history of order (" + id + ")", c -> {
      List<OrderEvent> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM "
          + events + " WHERE order_id = ? ORDER BY seq")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new OrderEvent(OrderId.of(rs.getString(1)),
                OrderState.valueOf(rs.getString(3)), OrderState.valueOf(rs.getString(4)),
                instant(rs, 5), rs.getString(7)));
          }
        }
      }
      return List.copyOf(out);
    });
  }

  @Override
  public Optional<BookedBatch> batch(BatchId id) {
    requireNonNull(id, "id");
    return inTransaction("read batch " + id, c -> {
      List<BookedBatch> found = readBatches(c, " WHERE id = ?", id.value());
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public List<BookedBatch> batches() {
    return inTransaction("list batches", c -> readBatches(c, "", null));
  }

  private List<BookedBatch> readBatches(Connection c, String where, String id)
      throws SQLException {
    Map<String, List<OrderId>> members = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT batch_id, order_id FROM "
        + batchOrders + (id == null ? "" : " WHERE batch_id = ?") + " ORDER BY batch_id, pos")) {
      if (id != null) {
        ps.setString(1, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(OrderId.of(rs.getString(2)));
        }
      }
    }
    List<BookedBatch> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS + " FROM "
        + batches + where + " ORDER BY seq")) {
      if (id != null) {
        ps.setString(1, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String bid = rs.getString(1);
          out.add(new BookedBatch(BatchId.of(bid), DesignId.of(rs.getString(2)),
              BatchState.valueOf(rs.getString(3)), instant(rs, 4), instant(rs, 6), rs.getInt(8),
              members.getOrDefault(bid, List.of()), instant(rs, 9)));
        }
      }
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- offers

  @Override
  public void putOffer(Offer offer) {
    requireNonNull(offer, "offer");
    checkLength(offer.design().value(), JdbcSchema.MAX_ID, "design of the offer");
    inTransaction("store the offer of design " + offer.design(), c -> {
      if (updateOffer(c, offer) == 0) {
        try (PreparedStatement pi = c.prepareStatement("INSERT INTO " + offers + " ("
            + OFFER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          bindOffer(pi, offer);
          pi.executeUpdate();
        } catch (SQLException e) {
          if (!isUniqueViolation(e)) {
            throw e;
          }
          c.rollback(); // another writer inserted it a moment ago: replace theirs
          updateOffer(c, offer);
        }
      }
      return null;
    });
  }

  private int updateOffer(Connection c, Offer offer) throws SQLException {
    try (PreparedStatement pu = c.prepareStatement("UPDATE " + offers + " SET design = ?, "
        + "unit_price = ?, moq = ?, order_multiple = ?, campaign_s = ?, campaign_n = ?, "
        + "lead_time_s = ?, lead_time_n = ?, sales_from_s = ?, sales_from_n = ?, "
        + "sales_until_s = ?, sales_until_n = ?, max_per_order = ? WHERE design = ?")) {
      bindOffer(pu, offer);
      pu.setString(14, offer.design().value());
      return pu.executeUpdate();
    }
  }

  @Override
  public List<Offer> offers() {
    return inTransaction("list offers", c -> readOffers(c, null));
  }

  @Override
  public Optional<Offer> offer(DesignId design) {
    requireNonNull(design, "design");
    return inTransaction("read the offer of design " + design, c -> {
      List<Offer> found = readOffers(c, design.value());
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  private List<Offer> readOffers(Connection c, String design) throws SQLException {
    List<Offer> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + OFFER_COLUMNS + " FROM " + offers
        + (design == null ? "" : " WHERE design = ?"))) {
      if (design != null) {
        ps.setString(1, design);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Offer(DesignId.of(rs.getString(1)), rs.getDouble(2), rs.getInt(3),
              rs.getInt(4), duration(rs, 5), duration(rs, 7), instant(rs, 9), instant(rs, 11),
              rs.getInt(13)));
        }
      }
    }
    // By design id as the in-memory store, whatever the database's collation.
    out.sort(Comparator.comparing(Offer::design));
    return List.copyOf(out);
  }

  @Override
  public void close() {
    connections.close();
  }
}
