package io.c2m.ml;

import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import java.util.List;

/**
 * A niche inference that clusters consumers first and explains each cluster as a niche, so the
 * clusters themselves can be inspected and compared with a ground truth.
 */
public interface ClusteringNicheInference extends NicheInference {
  /**
   * Clusters the request's profiles and explains each cluster. {@link #infer(NicheRequest)} returns
   * the niches of the explained clusters.
   *
   * @param request the profiles and the seed
   * @return the clustering
   */
  Clustering cluster(NicheRequest request);

  /**
   * Turns a clustering of the request's profiles into niches.
   *
   * @param request the request that was clustered
   * @param clustering its clustering, from {@link #cluster(NicheRequest)}
   * @return the niches, best first
   */
  List<Niche> niches(NicheRequest request, Clustering clustering);

  @Override
  default List<Niche> infer(NicheRequest request) {
    return niches(request, cluster(request));
  }
}
