/** Product designs tailored to niches, and the DesignTailor SPI. */
package io.c2m.design;
