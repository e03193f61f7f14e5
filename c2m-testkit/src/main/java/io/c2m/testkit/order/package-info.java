/**
 * Test support for order stores: the contract every {@code OrderStore} must pass (idempotency,
 * atomic changes, lifecycle rules, insertion order, concurrency and, for durable stores, survival
 * of a reopen) and fixtures to build orders, events and batches.
 */
package io.c2m.testkit.order;
