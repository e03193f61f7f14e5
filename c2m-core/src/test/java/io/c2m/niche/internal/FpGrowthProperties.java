package io.c2m.niche.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.niche.internal.FpGrowth.ItemSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** FP-growth finds exactly the itemsets that brute-force counting finds. */
class FpGrowthProperties {
  @Property(tries = 200)
  void sameItemsetsAndSupportsAsBruteForce(
      @ForAll @Size(min = 1, max = 40) List<@Size(max = 6) List<@IntRange(max = 7) Integer>> raw,
      @ForAll @IntRange(min = 1, max = 5) int minSupport,
      @ForAll @IntRange(min = 1, max = 4) int maxLength,
      @ForAll boolean parallel) {
    int items = 8;
    List<int[]> transactions = new ArrayList<>();
    for (List<Integer> t : raw) {
      transactions.add(new TreeSet<>(t).stream().mapToInt(Integer::intValue).toArray());
    }
    Map<ItemSet, Integer> brute = new HashMap<>();
    for (int mask = 1; mask < (1 << items); mask++) {
      if (Integer.bitCount(mask) > maxLength) {
        continue;
      }
      int[] set = new int[Integer.bitCount(mask)];
      for (int i = 0, j = 0; i < items; i++) {
        if ((mask & (1 << i)) != 0) {
          set[j++] = i;
        }
      }
      ItemSet s = new ItemSet(set);
      int support = 0;
      for (int[] t : transactions) {
        if (s.containedIn(t)) {
          support++;
        }
      }
      if (support >= minSupport) {
        brute.put(s, support);
      }
    }
    int[] multiplicity = new int[transactions.size()];
    java.util.Arrays.fill(multiplicity, 1);
    Map<ItemSet, Integer> mined = FpGrowth.mine(transactions.toArray(new int[0][]), multiplicity,
        items, minSupport, maxLength, parallel);
    assertEquals(brute, mined);
  }
}
