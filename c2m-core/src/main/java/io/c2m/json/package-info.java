/**
 * JSON in and out: {@link io.c2m.json.C2mJacksonModule} and {@link io.c2m.json.C2mJson} map every
 * public record of c2m to JSON and back; {@link io.c2m.json.EventReader} turns the behavioural
 * events marketplaces already emit (Segment e-commerce spec v2, GA4), as JSON lines, into
 * {@link io.c2m.signal.Signal}s, reporting every bad line with its number and keeping the good
 * ones.
 */
package io.c2m.json;
