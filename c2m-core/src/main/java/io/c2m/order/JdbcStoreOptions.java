package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.order.internal.JdbcSchema;
import java.util.regex.Pattern;

/**
 * How {@link OrderStore#jdbc(javax.sql.DataSource, JdbcStoreOptions)} uses its database.
 *
 * <p>The store keeps its rows in six tables whose names start with {@code tablePrefix}:
 * {@code <prefix>schema_version}, {@code <prefix>orders}, {@code <prefix>events},
 * {@code <prefix>batches}, {@code <prefix>batch_orders} and {@code <prefix>offers}. With
 * {@code createSchema} the store creates the missing tables when it opens (and applies the
 * migrations of a newer c2m in order, one row of {@code <prefix>schema_version} per migration);
 * without it, a database administrator runs {@link #schemaScript()} once beforehand and the store
 * only checks the schema version. The script is portable SQL that runs on PostgreSQL and H2.
 *
 * @param tablePrefix the start of every table and index name: a letter or underscore, then
 *     letters, digits or underscores, at most 40 characters; unquoted, so the database folds its
 *     case
 * @param createSchema whether the store creates or migrates its tables when it opens
 * @param idleConnections how many idle connections the store keeps open for reuse (0 to take a
 *     new one from the data source for every operation, when the data source pools them itself)
 */
public record JdbcStoreOptions(String tablePrefix, boolean createSchema, int idleConnections) {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

  /** The default table prefix, {@code c2m_}. */
  public static final String DEFAULT_PREFIX = "c2m_";

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the prefix is not a plain SQL identifier start or the
   *     number of idle connections is negative or above 64
   */
  public JdbcStoreOptions {
    requireNonNull(tablePrefix, "tablePrefix");
    if (!PREFIX.matcher(tablePrefix).matches()) {
      throw new IllegalArgumentException("The table prefix (" + tablePrefix + ") must be a "
          + "letter or underscore followed by letters, digits or underscores, at most 40 "
          + "characters.\nMaybe use the default, " + DEFAULT_PREFIX + ".");
    }
    if (idleConnections < 0 || idleConnections > 64) {
      throw new IllegalArgumentException("The number of idle connections (" + idleConnections
          + ") must be from 0 to 64.");
    }
  }

  /**
   * The defaults: prefix {@code c2m_}, the schema created when missing, up to 8 idle connections
   * kept.
   *
   * @return the options
   */
  public static JdbcStoreOptions defaults() {
    return new JdbcStoreOptions(DEFAULT_PREFIX, true, 8);
  }

  /**
   * Returns a copy with another table prefix.
   *
   * @param prefix the prefix
   * @return the options
   */
  public JdbcStoreOptions withTablePrefix(String prefix) {
    return new JdbcStoreOptions(prefix, createSchema, idleConnections);
  }

  /**
   * Returns a copy that creates (or does not create) the schema.
   *
   * @param create whether the store creates or migrates its tables
   * @return the options
   */
  public JdbcStoreOptions withCreateSchema(boolean create) {
    return new JdbcStoreOptions(tablePrefix, create, idleConnections);
  }

  /**
   * Returns a copy keeping another number of idle connections.
   *
   * @param idle from 0 to 64
   * @return the options
   */
  public JdbcStoreOptions withIdleConnections(int idle) {
    return new JdbcStoreOptions(tablePrefix, createSchema, idle);
  }

  /**
   * Returns the SQL that creates the current schema with this prefix, statements separated by
   * {@code ;} and new lines, for a database administrator to run when the store may not create
   * tables itself ({@code createSchema == false}). Running it twice is harmless.
   *
   * @return the script
   */
  public String schemaScript() {
    return JdbcSchema.script(tablePrefix);
  }
}
