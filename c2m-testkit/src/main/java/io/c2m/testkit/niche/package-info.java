/**
 * Test support for niche inference and design tailoring: arbitraries of profiles with planted
 * preferences, and the contracts every {@code NicheInference} and {@code DesignTailor} must pass.
 */
package io.c2m.testkit.niche;
