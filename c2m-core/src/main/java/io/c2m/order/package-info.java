/** Orders consumers commit before production, and the idempotent order book. */
package io.c2m.order;
