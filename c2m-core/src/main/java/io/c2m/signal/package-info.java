/**
 * Consumer behaviour: signals, consumer accounts, and the decayed, mergeable preference profiles
 * built from them: {@code ProfileStore} (primitive, fast, mergeable, consent-aware, with the daily
 * interest timeline) and its record-at-a-time face {@code ProfileAggregator}.
 */
package io.c2m.signal;
