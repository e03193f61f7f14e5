/** Consent, pseudonymous ids and the minimum-audience guard on what leaves for a manufacturer. */
package io.c2m.privacy;
