package io.c2m;

/**
 * Hears the progress of long work: a task name and how much of it is done. The engine reports
 * ingestion ({@code "ingest"}, signals), niche search ({@code "niches"}, 0 then 1 of 1) and
 * tailoring ({@code "tailor"}, niches); the command line draws a bar from it on a terminal and
 * plain lines elsewhere. Called on the thread doing the work, often (up to every few thousand
 * items): implementations must be quick and must not call back into the engine.
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * Some of a task is done.
   *
   * @param task the task's name, stable and without consumer data ({@code "ingest"})
   * @param done the units done so far, from 0 to {@code total}
   * @param total the units of the whole task, at least 1
   */
  void progress(String task, long done, long total);

  /**
   * Returns a listener that ignores everything.
   *
   * @return the listener
   */
  static ProgressListener none() {
    return (task, done, total) -> {};
  }
}
