/**
 * Niches: narrow attribute combinations that enough consumers prefer, the {@code NicheInference}
 * SPI that finds them (built in: {@code attribute-miner}), their trends read from the daily
 * interest of the items that match them ({@code Trend}, {@code TrendSettings}), and the shared
 * demand heuristic ({@code DemandScore}).
 */
package io.c2m.niche;
