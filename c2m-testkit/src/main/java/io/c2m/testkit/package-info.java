/**
 * Test support for c2m and its users: {@link io.c2m.testkit.DomainArbitraries} generates valid
 * values of every public record of the domain for jqwik properties.
 */
package io.c2m.testkit;
