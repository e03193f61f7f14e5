package io.c2m.json.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The interner against a plain map: a sequence found is one stored before, with its value, and
 * never another's; it keeps what it stores until it empties itself at its size limit.
 */
class InternerProperties {
  @Provide
  Arbitrary<List<String>> keys() {
    // Short and long keys (over the 16 bytes compared inline), sharing prefixes and hashes.
    return Arbitraries.strings().withChars("ab\"c0").ofMaxLength(40).list().ofMaxSize(300);
  }

  @Property(tries = 200)
  void findsExactlyWhatWasPut(@ForAll("keys") List<String> keys) {
    Interner interner = new Interner();
    Map<String, Object> expected = new HashMap<>();
    for (String k : keys) {
      byte[] line = ("[" + k + "]").getBytes(StandardCharsets.ISO_8859_1);
      Object found = interner.find(line, 1, line.length - 1);
      if (expected.containsKey(k)) {
        assertSame(expected.get(k), found, k);
      } else {
        assertNull(found, k);
        Object value = new Object();
        interner.put(line, 1, line.length - 1, value);
        if (k.length() <= Interner.MAX_KEY_LENGTH) {
          expected.put(k, value);
        }
      }
    }
  }

  /** Through every doubling to the limit and one emptying: nothing found is wrong. */
  @Example
  void growsAndEmptiesWithoutWrongAnswers() {
    Interner interner = new Interner();
    Map<String, Object> stored = new HashMap<>();
    int found = 0;
    for (int round = 0; round < 2; round++) {
      for (int j = 0; j < 40_000; j++) {
        int i = round == 0 ? j : 39_999 - j; // the second round starts with the newest keys
        byte[] key = ("c" + (1_000_000 + i)).getBytes(StandardCharsets.ISO_8859_1);
        String k = new String(key, StandardCharsets.ISO_8859_1);
        Object v = interner.find(key, 0, key.length);
        if (v != null) {
          assertSame(stored.get(k), v, k);
          found++;
        } else {
          Object value = new Object();
          interner.put(key, 0, key.length, value);
          stored.put(k, value);
        }
      }
    }
    // The table holds at most half of its 65,536 slots: it empties itself when the 32,769th key
    // comes, so after the first round it holds the last 40,000 - 32,768 keys, which the second
    // round (newest first) finds before it stores the others.
    assertEquals(40_000 - 32_768, found);
    assertEquals(40_000, stored.size());
  }
}
