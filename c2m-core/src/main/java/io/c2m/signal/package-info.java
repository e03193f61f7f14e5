/** Consumer behaviour: signals, consumer accounts, and the decayed, mergeable preference profiles built from them. */
package io.c2m.signal;
