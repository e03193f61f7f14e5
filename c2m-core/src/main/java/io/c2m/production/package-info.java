/** Production constraints, batches and plans, and the BatchingStrategy SPI. */
package io.c2m.production;
