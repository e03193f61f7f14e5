/**
 * c2m ml: Tribuo-backed niche inference (k-means and HDBSCAN over profile vectors, each cluster
 * explained as a niche definition) and a logistic-regression propensity model.
 */
module io.c2m.ml {
  requires transitive io.c2m.core;
  requires org.tribuo.core;
  requires org.tribuo.math;
  requires org.tribuo.clustering.core;
  requires org.tribuo.clustering.kmeans;
  requires org.tribuo.clustering.hdbscan;
  requires org.tribuo.classification.core;
  requires org.tribuo.classification.sgd;

  exports io.c2m.ml;

  provides io.c2m.niche.NicheInferenceProvider with
      io.c2m.ml.internal.KMeansNichesProvider,
      io.c2m.ml.internal.HdbscanNichesProvider;
}
