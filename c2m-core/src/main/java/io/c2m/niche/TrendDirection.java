package io.c2m.niche;

/** Whether interest in a niche is growing, holding or fading. */
public enum TrendDirection {
  /** Recent signal mass clearly above its baseline. */
  EMERGING,
  /** Recent signal mass close to its baseline, or too little data to tell. */
  STEADY,
  /** Recent signal mass clearly below its baseline: demand may be fleeting. */
  FADING
}
