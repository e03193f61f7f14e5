package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.internal.InMemoryOrderStore;
import io.c2m.order.internal.JdbcOrderStore;
import io.c2m.order.internal.JournalOrderStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Where acknowledged orders live: the SPI behind {@link OrderBook}. An order is acknowledged only
 * once {@link #insert} has returned, and from then on it is never lost nor duplicated: a durable
 * store has it on disk (or committed in its database) before {@code insert} returns.
 *
 * <p>The contract every implementation keeps (checked by the order-store kit in c2m-testkit):
 * <ul>
 *   <li><b>Idempotency by order id on business content.</b> {@link #insert} of an id not stored
 *       stores the order; of an id stored with the same consumer, design, quantity and unit price
 *       ({@link Order#sameBusinessContent(Order)}) returns {@link Insertion.Outcome#DUPLICATE} and
 *       the stored order (its timestamps stand); of an id stored with other content returns
 *       {@link Insertion.Outcome#CONFLICT} and the stored order, unchanged. Atomic under
 *       concurrent calls: of many concurrent inserts of one id, exactly one is {@code INSERTED}.
 *   <li><b>Atomic changes.</b> {@link #commit} applies all its events and batches or none: an event
 *       whose {@code from} is not the order's stored state (or an unknown order) fails the whole
 *       change with an {@link IllegalStateException} naming the order, its state and the rule.
 *   <li><b>Every stored order is in exactly one state</b>, the {@code to} of its last event; its
 *       history ({@link #history(OrderId)}) is its acceptance followed by its transitions.
 *   <li>{@link #orders()} lists orders in the order they were inserted.
 * </ul>
 *
 * <p>Thread-safe. Built-ins: {@link #inMemory()} (the default; not durable), {@link
 * #journal(Path)} (an append-only journal in a directory) and JDBC ({@link #jdbc(DataSource)},
 * {@link #jdbc(String)}).
 */
public interface OrderStore extends AutoCloseable {

  /**
   * The result of {@link #insert}.
   *
   * @param outcome what happened
   * @param stored the order as stored: the new one, or the one stored earlier under the same id
   */
  record Insertion(Outcome outcome, BookedOrder stored) {
    /** What an insert did. */
    public enum Outcome {
      /** The order was new and is now stored. */
      INSERTED,
      /** The same order (same business content) was stored before; nothing changed. */
      DUPLICATE,
      /** Another order is stored under the id; nothing changed. */
      CONFLICT
    }

    /**
     * Validates.
     */
    public Insertion {
      requireNonNull(outcome, "outcome");
      requireNonNull(stored, "stored");
    }
  }

  /**
   * Stores a new order with its acceptance event, durably, unless its id is taken.
   *
   * @param order the order
   * @param accepted its acceptance ({@link OrderEvent#isAcceptance()}), of the same order id
   * @return the outcome and the stored order
   * @throws IllegalArgumentException if the event is not the order's acceptance
   * @throws java.io.UncheckedIOException or another {@link RuntimeException} if the store cannot
   *     write; then the order is not acknowledged
   */
  Insertion insert(Order order, OrderEvent accepted);

  /**
   * Stores many new orders; the same as calling {@link #insert} for each in order, but a store may
   * make them durable together (one fsync, one database transaction).
   *
   * @param orders the orders with their acceptance events, pairwise
   * @param accepted the acceptance events, one per order
   * @return one insertion per order, in order
   */
  default List<Insertion> insertAll(List<Order> orders, List<OrderEvent> accepted) {
    if (orders.size() != accepted.size()) {
      throw new IllegalArgumentException("There are " + orders.size() + " orders but "
          + accepted.size() + " acceptance events.");
    }
    List<Insertion> out = new ArrayList<>(orders.size());
    for (int i = 0; i < orders.size(); i++) {
      out.add(insert(orders.get(i), accepted.get(i)));
    }
    return out;
  }

  /**
   * Applies a change atomically and durably.
   *
   * @param change the transitions and batches
   * @throws IllegalStateException if an event does not start from its order's state or names an
   *     unknown order; nothing of the change is applied
   */
  void commit(OrderChange change);

  /**
   * Returns a stored order.
   *
   * @param id the order's id
   * @return the order, or empty
   */
  Optional<BookedOrder> find(OrderId id);

  /**
   * Returns every stored order, in insertion order.
   *
   * @return a snapshot
   */
  List<BookedOrder> orders();

  /**
   * Returns the stored orders in some states, in insertion order.
   *
   * @param states the states
   * @return a snapshot
   */
  default List<BookedOrder> orders(Set<OrderState> states) {
    List<BookedOrder> out = new ArrayList<>();
    for (BookedOrder o : orders()) {
      if (states.contains(o.state())) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * Returns the number of stored orders.
   *
   * @return the count
   */
  default long size() {
    return orders().size();
  }

  /**
   * Returns an order's events: its acceptance, then its transitions, in order.
   *
   * @param id the order
   * @return the events; empty for an unknown order
   */
  List<OrderEvent> history(OrderId id);

  /**
   * Returns a stored batch.
   *
   * @param id the batch's id
   * @return the batch, or empty
   */
  Optional<BookedBatch> batch(BatchId id);

  /**
   * Returns every stored (released) batch, in the order they were first stored.
   *
   * @return a snapshot
   */
  List<BookedBatch> batches();

  /**
   * Stores an offer, replacing the offer of the same design, durably.
   *
   * @param offer the offer
   */
  void putOffer(Offer offer);

  /**
   * Returns the stored offers, by design id.
   *
   * @return a snapshot
   */
  List<Offer> offers();

  /**
   * Returns the stored offer of a design.
   *
   * @param design the design
   * @return the offer, or empty
   */
  default Optional<Offer> offer(DesignId design) {
    for (Offer o : offers()) {
      if (o.design().equals(design)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /**
   * Releases the store's resources (files, connections). Idempotent. Acknowledged orders stay
   * durable.
   */
  @Override
  void close();

  /**
   * Returns a new store that keeps everything in memory: fast, thread-safe, not durable.
   *
   * @return the store
   */
  static OrderStore inMemory() {
    return new InMemoryOrderStore();
  }

  /**
   * Opens (or creates) a durable store in a directory with the default options: an append-only
   * journal of checksummed records, each acknowledged only once forced to the disk, concurrent
   * submitters sharing one fsync (group commit), snapshots so recovery does not grow with history.
   * A torn last record (a crash mid-write) is cut on opening; a corrupt record before the end
   * refuses the opening with an error naming the file and the byte offset.
   *
   * @param dir the directory; created if missing; one store at a time (a file lock)
   * @return the store, with everything acknowledged before recovered
   * @throws IllegalStateException if the journal is corrupt or open elsewhere
   * @throws java.io.UncheckedIOException if it cannot be read or written
   */
  static OrderStore journal(Path dir) {
    return journal(dir, JournalOptions.defaults());
  }

  /**
   * Opens (or creates) a durable journal store in a directory.
   *
   * @param dir the directory; created if missing; one store at a time (a file lock)
   * @param options group commit, fsync, snapshot threshold, what to do with a corrupt record
   * @return the store, with everything acknowledged before recovered
   * @throws IllegalStateException if the journal is corrupt or open elsewhere
   * @throws java.io.UncheckedIOException if it cannot be read or written
   */
  static OrderStore journal(Path dir, JournalOptions options) {
    return JournalOrderStore.open(dir, options);
  }

  /**
   * Opens a store in a relational database (PostgreSQL, H2, ...) through plain JDBC, with the
   * default options ({@link JdbcStoreOptions#defaults()}: tables {@code c2m_*}, created when
   * missing). Durable once the database's commit is: an order is acknowledged only after the
   * transaction holding it and its acceptance event has committed. The driver is the caller's: c2m
   * ships none. Thread-safe; several stores, in several processes, may share one database.
   *
   * <p>A commit is only as durable as the database makes it: PostgreSQL's is (with its default
   * {@code fsync} and {@code synchronous_commit}); an H2 file database writes a commit up to its
   * {@code WRITE_DELAY} (500 ms) later, so a process killed meanwhile loses acknowledged orders:
   * open it with {@code ;WRITE_DELAY=0} in the URL (the JDBC crash test of c2m-testkit shows
   * both).
   *
   * @param dataSource the database
   * @return the store; close it to release its idle connections
   * @throws io.c2m.C2mException if the database cannot be reached or the tables created
   * @throws IllegalStateException if the tables are of a newer schema version
   */
  static OrderStore jdbc(DataSource dataSource) {
    return jdbc(dataSource, JdbcStoreOptions.defaults());
  }

  /**
   * Opens a store in a relational database through plain JDBC.
   *
   * @param dataSource the database
   * @param options the table prefix, whether to create the tables, the idle connections kept
   * @return the store
   * @throws io.c2m.C2mException if the database cannot be reached or the tables created
   * @throws IllegalStateException if the tables are missing or of another schema version and may
   *     not be created
   */
  static OrderStore jdbc(DataSource dataSource, JdbcStoreOptions options) {
    return JdbcOrderStore.open(dataSource, options);
  }

  /**
   * Opens a store in a relational database from a JDBC URL, through {@link
   * java.sql.DriverManager} (the driver must be on the class or module path), with the default
   * options. User and password go in the URL when the driver reads them there (PostgreSQL: {@code
   * jdbc:postgresql://host:5432/db?user=u&password=p}).
   *
   * @param url the JDBC URL
   * @return the store
   * @throws IllegalArgumentException if the URL does not start with {@code jdbc:}
   * @throws io.c2m.C2mException if no driver takes the URL or the database cannot be reached
   */
  static OrderStore jdbc(String url) {
    return jdbc(url, new Properties(), JdbcStoreOptions.defaults());
  }

  /**
   * Opens a store in a relational database from a JDBC URL and driver properties.
   *
   * @param url the JDBC URL
   * @param properties the driver's properties (user, password, ...); copied
   * @param options the table prefix, whether to create the tables, the idle connections kept
   * @return the store
   * @throws IllegalArgumentException if the URL does not start with {@code jdbc:}
   * @throws io.c2m.C2mException if no driver takes the URL or the database cannot be reached
   */
  static OrderStore jdbc(String url, Properties properties, JdbcStoreOptions options) {
    return JdbcOrderStore.open(url, properties, options);
  }
}
