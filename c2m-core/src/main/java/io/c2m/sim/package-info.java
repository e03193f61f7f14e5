/**
 * Synthetic marketplaces with planted niches, for demos, tests and the evaluation of strategies.
 */
package io.c2m.sim;
