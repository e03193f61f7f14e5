/**
 * Tribuo-backed inference for c2m: clustering of consumer profiles into niches ({@code
 * tribuo-kmeans}, {@code tribuo-hdbscan}), a propensity model that turns a niche's audience into
 * expected orders, and the quality figures (adjusted Rand index, ROC-AUC) that evaluate them.
 */
package io.c2m.ml;
