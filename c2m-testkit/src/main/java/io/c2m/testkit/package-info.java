/**
 * Test support for c2m and its users: {@link io.c2m.testkit.DomainArbitraries} generates valid
 * values of every public record of the domain for jqwik properties, and {@link
 * io.c2m.testkit.C2mCompatibilityKit} is the one compatibility kit a strategy passes (a nested kit
 * per SPI, each the contract in the SPI's sub-package).
 */
package io.c2m.testkit;
