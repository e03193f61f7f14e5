package io.c2m.niche.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Frequent-itemset mining by pattern growth over an FP-tree (Han, Pei and Yin 2000, "Mining
 * frequent patterns without candidate generation", SIGMOD). Internal to the attribute miner.
 *
 * <p>Items are dense ranks {@code 0..items-1}; every transaction is sorted by rank, and the tree
 * keeps that one global order in every conditional tree too (any fixed order is valid for
 * FP-growth; the most frequent first keeps trees small). Transactions come de-duplicated with a
 * multiplicity. The top level is mined in parallel, one task per item, and the results are merged
 * into one map, so the output does not depend on scheduling.
 */
final class FpGrowth {
  private FpGrowth() {}

  /** An itemset: ranks in ascending order, compared by content. */
  record ItemSet(int[] ranks) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ItemSet s && Arrays.equals(ranks, s.ranks);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ranks);
    }

    @Override
    public String toString() {
      return Arrays.toString(ranks);
    }

    /** Tells whether a sorted transaction holds every rank of this set. */
    boolean containedIn(int[] sortedTransaction) {
      int j = 0;
      for (int r : ranks) {
        while (j < sortedTransaction.length && sortedTransaction[j] < r) {
          j++;
        }
        if (j == sortedTransaction.length || sortedTransaction[j] != r) {
          return false;
        }
        j++;
      }
      return true;
    }
  }

  /** An FP-tree in parallel arrays; node 0 is the root. */
  private static final class Tree {
    int[] item = new int[64];
    int[] count = new int[64];
    int[] parent = new int[64];
    int[] firstChild = new int[64];
    int[] nextSibling = new int[64];
    int[] nextSame = new int[64];
    int size = 1;
    final int[] head;
    final int[] support;

    Tree(int items) {
      head = new int[items];
      support = new int[items];
      item[0] = -1;
      firstChild[0] = -1;
    }

    void insert(int[] ranks, int length, int multiplicity) {
      int node = 0;
      for (int i = 0; i < length; i++) {
        int r = ranks[i];
        support[r] += multiplicity;
        int child = firstChild[node];
        while (child > 0 && item[child] != r) {
          child = nextSibling[child];
        }
        if (child <= 0) {
          child = newNode(r, node);
        }
        count[child] += multiplicity;
        node = child;
      }
    }

    private int newNode(int r, int parentNode) {
      if (size == item.length) {
        int n = size * 2;
        item = Arrays.copyOf(item, n);
        count = Arrays.copyOf(count, n);
        parent = Arrays.copyOf(parent, n);
        firstChild = Arrays.copyOf(firstChild, n);
        nextSibling = Arrays.copyOf(nextSibling, n);
        nextSame = Arrays.copyOf(nextSame, n);
      }
      int node = size++;
      item[node] = r;
      parent[node] = parentNode;
      firstChild[node] = -1;
      nextSibling[node] = firstChild[parentNode];
      firstChild[parentNode] = node;
      nextSame[node] = head[r] == 0 ? -1 : head[r];
      head[r] = node;
      return node;
    }
  }

  /** The itemsets found and whether the search stopped at its budget. */
  record Mined(Map<ItemSet, Integer> sets, boolean capped) {}

  /** Thrown inside a task when the shared budget is spent; no stack trace. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super(null, null, false, false);
    }
  }

  /** Counts itemsets found, across tasks, against a budget. */
  private static final class Budget {
    final long limit;
    final java.util.concurrent.atomic.AtomicLong used = new java.util.concurrent.atomic.AtomicLong();

    Budget(long limit) {
      this.limit = limit;
    }

    void spend() {
      if (used.incrementAndGet() > limit) {
        throw new OverBudget();
      }
    }
  }

  /**
   * Mines as {@link #mine(int[][], int[], int, int, int, boolean)} does, but finds at most
   * {@code maxItemsets} itemsets, so that time and memory stay bounded on any input. When the
   * whole search would find more, it is run again in one thread, top-level ranks in order, and
   * stopped at the budget: the result is then deterministic (the same sets for the same input),
   * flagged {@link Mined#capped()}.
   *
   * @param maxItemsets the most itemsets found; at least 1
   * @return the itemsets and whether the budget cut the search short
   */
  static Mined mine(int[][] transactions, int[] multiplicity, int items, int minSupport,
      int maxLength, boolean parallel, long maxItemsets) {
    Tree tree = new Tree(items);
    for (int t = 0; t < transactions.length; t++) {
      tree.insert(transactions[t], transactions[t].length, multiplicity[t]);
    }
    Budget budget = new Budget(maxItemsets);
    try {
      return new Mined(mineTree(tree, items, minSupport, maxLength, parallel, budget), false);
    } catch (OverBudget e) {
      Map<ItemSet, Integer> out = new HashMap<>();
      Budget sequential = new Budget(maxItemsets);
      try {
        for (int r = 0; r < items; r++) {
          if (tree.support[r] >= minSupport) {
            grow(tree, r, new int[0], minSupport, maxLength, out, sequential);
          }
        }
      } catch (OverBudget stop) {
        // the budget is spent: keep what was found, in the deterministic order above
      }
      return new Mined(out, true);
    }
  }

  /**
   * Mines every itemset with support at least {@code minSupport} and at most {@code maxLength}
   * items.
   *
   * @param transactions distinct transactions, each sorted by rank
   * @param multiplicity how often each transaction occurs
   * @param items the number of ranks
   * @param minSupport the least support
   * @param maxLength the most items in a set
   * @param parallel whether to mine the top level in parallel
   * @return itemset to support
   */
  static Map<ItemSet, Integer> mine(int[][] transactions, int[] multiplicity, int items,
      int minSupport, int maxLength, boolean parallel) {
    Tree tree = new Tree(items);
    for (int t = 0; t < transactions.length; t++) {
      tree.insert(transactions[t], transactions[t].length, multiplicity[t]);
    }
    return mineTree(tree, items, minSupport, maxLength, parallel, new Budget(Long.MAX_VALUE));
  }

  private static Map<ItemSet, Integer> mineTree(Tree tree, int items, int minSupport,
      int maxLength, boolean parallel, Budget budget) {
    IntStream ranks = IntStream.range(0, items);
    if (parallel) {
      ranks = ranks.parallel();
    }
    List<Map<ItemSet, Integer>> parts = ranks.mapToObj(r -> {
      Map<ItemSet, Integer> out = new HashMap<>();
      if (tree.support[r] >= minSupport) {
        grow(tree, r, new int[0], minSupport, maxLength, out, budget);
      }
      return out;
    }).toList();
    Map<ItemSet, Integer> all = new HashMap<>();
    for (Map<ItemSet, Integer> p : parts) {
      all.putAll(p);
    }
    return all;
  }

  private static void grow(Tree tree, int r, int[] suffix, int minSupport, int maxLength,
      Map<ItemSet, Integer> out, Budget budget) {
    budget.spend();
    int[] set = new int[suffix.length + 1];
    set[0] = r;
    System.arraycopy(suffix, 0, set, 1, suffix.length);
    out.put(new ItemSet(set), tree.support[r]);
    if (set.length >= maxLength || r == 0) {
      return;
    }
    // Conditional pattern base of r: the prefix paths of its nodes, with the node counts.
    List<int[]> paths = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    int[] conditionalSupport = new int[r];
    int[] buffer = new int[64];
    for (int node = tree.head[r]; node > 0; node = tree.nextSame[node]) {
      int len = 0;
      for (int p = tree.parent[node]; p > 0; p = tree.parent[p]) {
        if (len == buffer.length) {
          buffer = Arrays.copyOf(buffer, len * 2);
        }
        buffer[len++] = tree.item[p];
      }
      if (len == 0) {
        continue;
      }
      int[] path = new int[len];
      for (int i = 0; i < len; i++) {
        path[i] = buffer[len - 1 - i];
        conditionalSupport[path[i]] += tree.count[node];
      }
      paths.add(path);
      counts.add(tree.count[node]);
    }
    Tree conditional = new Tree(r);
    int[] kept = new int[64];
    for (int i = 0; i < paths.size(); i++) {
      int[] path = paths.get(i);
      if (kept.length < path.length) {
        kept = new int[path.length];
      }
      int len = 0;
      for (int x : path) {
        if (conditionalSupport[x] >= minSupport) {
          kept[len++] = x;
        }
      }
      if (len > 0) {
        conditional.insert(kept, len, counts.get(i));
      }
    }
    for (int x = r - 1; x >= 0; x--) {
      if (conditional.support[x] >= minSupport) {
        grow(conditional, x, set, minSupport, maxLength, out, budget);
      }
    }
  }
}
