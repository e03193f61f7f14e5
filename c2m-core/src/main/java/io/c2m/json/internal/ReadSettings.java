package io.c2m.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.c2m.ConsumerId;
import io.c2m.json.EventReader;
import io.c2m.privacy.ConsentMapping;
import java.util.function.Function;

/**
 * What every read of one {@link EventReader} shares: the Jackson factory with c2m's read limits,
 * the {@link EventMapping} (event tables, id mapping, time window, consent), the line and problem
 * limits, and whether byte lines try the fast path. Made once per reader; immutable, so that
 * concurrent reads share it. Public only so that {@link EventReader} can build it and hand it to
 * {@link ReadRun} and {@link ParallelRead}; not API.
 */
public final class ReadSettings {
  /**
   * Jackson's read limits, set explicitly rather than inherited from a Jackson version: nesting
   * 64 deep, numbers of 100 characters, strings and names of at most 1 MiB (a line is at most
   * {@link EventReader#MAX_LINE_LENGTH_LIMIT} anyway). Shared by the event reader and
   * {@link io.c2m.json.C2mJson}.
   */
  public static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(64)
      .maxNumberLength(100)
      .maxStringLength(1 << 20)
      .maxNameLength(1 << 16)
      .maxDocumentLength(EventReader.MAX_LINE_LENGTH_LIMIT + 2L)
      .build();

  final JsonFactory factory;
  final EventMapping mapping;
  final int maxLineLength;
  final int maxProblemsKept;
  final boolean fastPath;

  /**
   * Settings for a reader; the arguments are checked by the reader's builder.
   *
   * @param ids maps a raw user id to a consumer id
   * @param idCacheSize how many raw ids a read remembers with their consumer ids
   * @param minSecond the earliest epoch second accepted
   * @param maxSecond the latest epoch second accepted
   * @param window the window described for messages ({@code ""} without a window)
   * @param consent how stated consent maps to profiling
   * @param maxLineLength the longest line parsed
   * @param maxProblemsKept how many problems a report keeps
   * @param fastPath whether byte lines try {@link FastLineParser} before Jackson
   */
  public ReadSettings(Function<String, ConsumerId> ids, int idCacheSize, long minSecond,
      long maxSecond, String window, ConsentMapping consent, int maxLineLength,
      int maxProblemsKept, boolean fastPath) {
    this.factory = JsonFactory.builder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .streamReadConstraints(READ_CONSTRAINTS)
        .build();
    this.mapping = new EventMapping(ids, idCacheSize, minSecond, maxSecond, window, consent);
    this.maxLineLength = maxLineLength;
    this.maxProblemsKept = maxProblemsKept;
    this.fastPath = fastPath;
  }
}
