package io.c2m.order;

/**
 * How a journal {@link OrderStore} ({@link OrderStore#journal(java.nio.file.Path,
 * JournalOptions)}) writes and recovers.
 *
 * @param groupCommit true (the default) to let concurrent submitters share one fsync: one thread
 *     writes and forces everything appended so far while the others wait for it; false for one
 *     write and one fsync per record, under the store's lock
 * @param fsync true (the default) to force every write to the disk before acknowledging it; false
 *     only for tests and benchmarks of the rest: an acknowledged order may then be lost by a power
 *     failure (not by a crash of the process: the page cache survives that)
 * @param snapshotBytes a snapshot of the whole state is written (and older segments deleted) once
 *     the log written since the last snapshot reaches this many bytes and the last snapshot's
 *     size, so recovery reads at most about twice the state whatever the history; at least 4096
 * @param truncateCorruption false (the default) to refuse to open a journal with a corrupt record
 *     before its end (naming the file and offset); true to cut the log there, dropping that record
 *     and everything after it. A torn last record (a write cut short by a crash) is always cut:
 *     it was never acknowledged
 * @param recoveryThreads the threads that check a snapshot's records (checksums, fields) in
 *     parallel when the store opens, besides the opening thread that reads the file and indexes
 *     the orders; 1 to check on the opening thread alone; at least 1 (default: the available
 *     processors, at most 4)
 */
public record JournalOptions(boolean groupCommit, boolean fsync, long snapshotBytes,
    boolean truncateCorruption, int recoveryThreads) {
  /** The default snapshot threshold: 64 MiB of log. */
  public static final long DEFAULT_SNAPSHOT_BYTES = 64L << 20;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the snapshot threshold is below 4096 bytes or the
   *     recovery threads below 1
   */
  public JournalOptions {
    if (snapshotBytes < 4096) {
      throw new IllegalArgumentException("The snapshot threshold (" + snapshotBytes
          + " bytes) of a journal must be at least 4096 bytes.");
    }
    if (recoveryThreads < 1) {
      throw new IllegalArgumentException("The recovery threads (" + recoveryThreads
          + ") of a journal must be at least 1.\nMaybe use 1 to recover on the opening thread "
          + "alone.");
    }
  }

  /**
   * Creates options with the default recovery threads ({@link #defaultRecoveryThreads()}).
   *
   * @param groupCommit see the record
   * @param fsync see the record
   * @param snapshotBytes see the record
   * @param truncateCorruption see the record
   */
  public JournalOptions(boolean groupCommit, boolean fsync, long snapshotBytes,
      boolean truncateCorruption) {
    this(groupCommit, fsync, snapshotBytes, truncateCorruption, defaultRecoveryThreads());
  }

  /**
   * Returns the default number of recovery threads: the available processors, at most 4.
   *
   * @return the count
   */
  public static int defaultRecoveryThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Returns the defaults: group commit, fsync, 64 MiB snapshot threshold, refuse corruption.
   *
   * @return the options
   */
  public static JournalOptions defaults() {
    return new JournalOptions(true, true, DEFAULT_SNAPSHOT_BYTES, false);
  }

  /**
   * Returns a copy with group commit on or off.
   *
   * @param on true to share fsyncs between concurrent submitters
   * @return the options
   */
  public JournalOptions withGroupCommit(boolean on) {
    return new JournalOptions(on, fsync, snapshotBytes, truncateCorruption, recoveryThreads);
  }

  /**
   * Returns a copy with fsync on or off (off only for tests).
   *
   * @param on true to force writes to the disk
   * @return the options
   */
  public JournalOptions withFsync(boolean on) {
    return new JournalOptions(groupCommit, on, snapshotBytes, truncateCorruption,
        recoveryThreads);
  }

  /**
   * Returns a copy with another snapshot threshold.
   *
   * @param bytes the threshold, at least 4096
   * @return the options
   */
  public JournalOptions withSnapshotBytes(long bytes) {
    return new JournalOptions(groupCommit, fsync, bytes, truncateCorruption, recoveryThreads);
  }

  /**
   * Returns a copy that cuts the log at a corrupt record instead of refusing to open.
   *
   * @param on true to cut
   * @return the options
   */
  public JournalOptions withTruncateCorruption(boolean on) {
    return new JournalOptions(groupCommit, fsync, snapshotBytes, on, recoveryThreads);
  }

  /**
   * Returns a copy with another number of recovery threads.
   *
   * @param threads the threads checking a snapshot in parallel on opening; 1 for none besides
   *     the opening thread
   * @return the options
   */
  public JournalOptions withRecoveryThreads(int threads) {
    return new JournalOptions(groupCommit, fsync, snapshotBytes, truncateCorruption, threads);
  }
}
