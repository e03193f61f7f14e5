/**
 * The implementation of {@code io.c2m.json}'s event reading, not exported (module-info) and not
 * API: used by {@code io.c2m.json} only (the architecture test checks it). {@link
 * io.c2m.json.internal.ReadSettings} is what all reads of one reader share, {@link
 * io.c2m.json.internal.ReadRun} one read (line splitting, record handling, counts and problems),
 * {@link io.c2m.json.internal.ParallelRead} a read in parts on several threads and {@link
 * io.c2m.json.internal.ProfileFeed} the record-free feed behind {@code ProfileSink}; the rest
 * (the envelope pass, the fast byte parser, the Jackson parser of one event, the event mapping,
 * the interner, the timestamp parser, the line buffers) is package-private here.
 */
package io.c2m.json.internal;
