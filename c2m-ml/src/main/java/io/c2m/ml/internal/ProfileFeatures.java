package io.c2m.ml.internal;

import io.c2m.AttributeValue;
import io.c2m.signal.ConsumerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Turns profiles into Tribuo examples: feature {@code "key=value"} is the value's share of the
 * consumer's positive affinity within its key, so each key present sums to 1 and a key with many
 * signals does not drown the others. Internal: the vector layout is a detail of the clustering.
 */
final class ProfileFeatures {
  private ProfileFeatures() {}

  /**
   * Builds the example of a profile.
   *
   * @param profile the profile
   * @return the example, or null when the profile has no positive affinity at all
   */
  static Example<ClusterID> example(ConsumerProfile profile) {
    Map<String, Double> keyTotals = new TreeMap<>();
    for (Map.Entry<AttributeValue, Double> e : profile.affinities().entrySet()) {
      if (e.getValue() > 0) {
        keyTotals.merge(e.getKey().key(), e.getValue(), Double::sum);
      }
    }
    if (keyTotals.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    // affinities is sorted by key then value, so names come out sorted.
    for (Map.Entry<AttributeValue, Double> e : profile.affinities().entrySet()) {
      if (e.getValue() > 0) {
        names.add(e.getKey().toString());
        values.add(e.getValue() / keyTotals.get(e.getKey().key()));
      }
    }
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    return new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names.toArray(new String[0]),
        v);
  }
}
