/**
 * Product designs tailored to niches, the {@code DesignTailor} SPI (built in: {@code modal}), and
 * the minimum-evidence rule of a concept test ({@code ConceptTestRule}) that picks which candidate
 * designs go to production from early orders.
 */
package io.c2m.design;
