/**
 * The c2m engine facade ({@link io.c2m.C2m}) and what every pipeline stage shares: ids,
 * attributes, provenance and the exception types.
 */
package io.c2m;
