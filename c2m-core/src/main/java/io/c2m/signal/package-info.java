/**
 * Consumer behaviour: signals, consumer accounts, and the decayed, mergeable preference profiles
 * built from them: {@code ProfileStore} (primitive, fast, mergeable, consent-aware, with the daily
 * interest timeline), fed one signal at a time or by {@code SignalBatch}.
 */
package io.c2m.signal;
