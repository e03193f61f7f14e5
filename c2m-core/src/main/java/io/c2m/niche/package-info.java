/** Niches: narrow attribute combinations that enough consumers prefer, and the NicheInference SPI that finds them. */
package io.c2m.niche;
