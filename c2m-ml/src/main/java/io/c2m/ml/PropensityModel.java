package io.c2m.ml;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.signal.ConsumerProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Each consumer's probability to order, from their signals: a logistic regression (Tribuo's
 * {@code LinearSGDTrainer} with the log loss, AdaGrad, seeded) over standardised features of the
 * profile: log engagement, log signal count, log price-carrying (cart and purchase) evidence, the
 * focus of their taste (the mean over keys of the top value's share of the key's positive
 * affinity), log evidence against (returns), and log distinct values. It turns a niche's audience
 * into expected orders: the sum of its members' probabilities.
 *
 * <p>Immutable and thread-safe once trained; deterministic for a seed.
 */
public final class PropensityModel {
  private static final String ORDER = "order";
  private static final String NONE = "none";
  private static final String[] FEATURES = {
    "engagement", "signals", "priceEvidence", "focus", "against", "distinct"
  };

  private final Model<Label> model;
  private final double[] mean;
  private final double[] sd;

  /**
   * A consumer's profile and whether they then ordered: one training example.
   *
   * @param profile the profile before the outcome
   * @param ordered whether the consumer ordered
   */
  public record Outcome(ConsumerProfile profile, boolean ordered) {
    /** Validates. */
    public Outcome {
      requireNonNull(profile, "profile");
    }
  }

  private PropensityModel(Model<Label> model, double[] mean, double[] sd) {
    this.model = model;
    this.mean = mean;
    this.sd = sd;
  }

  /**
   * Trains a model.
   *
   * @param outcomes the examples; both classes must occur
   * @param epochs passes over the data, at least 1
   * @param seed the seed of the example order
   * @return the model
   * @throws IllegalArgumentException if a class is missing
   */
  public static PropensityModel train(List<Outcome> outcomes, int epochs, long seed) {
    requireNonNull(outcomes, "outcomes");
    long positives = outcomes.stream().filter(Outcome::ordered).count();
    if (positives == 0 || positives == outcomes.size()) {
      throw new IllegalArgumentException("A propensity model needs consumers who ordered and "
          + "consumers who did not; got " + positives + " of " + outcomes.size() + " ordering.");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("The epochs (" + epochs + ") must be at least 1.");
    }
    int f = FEATURES.length;
    double[][] raw = new double[outcomes.size()][];
    double[] mean = new double[f];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = features(outcomes.get(i).profile());
      for (int j = 0; j < f; j++) {
        mean[j] += raw[i][j] / raw.length;
      }
    }
    double[] sd = new double[f];
    for (double[] r : raw) {
      for (int j = 0; j < f; j++) {
        sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / raw.length;
      }
    }
    for (int j = 0; j < f; j++) {
      sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1.0;
    }
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("c2m outcomes", factory), factory);
    for (int i = 0; i < raw.length; i++) {
      Label label = new Label(outcomes.get(i).ordered() ? ORDER : NONE);
      data.add(example(label, raw[i], mean, sd));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1),
        epochs, Integer.MAX_VALUE, seed);
    return new PropensityModel(trainer.train(data), mean, sd);
  }

  private static Example<Label> example(Label label, double[] raw, double[] mean, double[] sd) {
    double[] v = new double[raw.length];
    for (int j = 0; j < raw.length; j++) {
      v[j] = (raw[j] - mean[j]) / sd[j];
    }
    return new ArrayExample<>(label, FEATURES.clone(), v);
  }

  private static double[] features(ConsumerProfile p) {
    Map<String, Double> keyTotal = new HashMap<>();
    Map<String, Double> keyMax = new HashMap<>();
    double against = 0;
    for (Map.Entry<AttributeValue, Double> e : p.affinities().entrySet()) {
      double a = e.getValue();
      if (a > 0) {
        keyTotal.merge(e.getKey().key(), a, Double::sum);
        keyMax.merge(e.getKey().key(), a, Math::max);
      } else {
        against -= a;
      }
    }
    double focus = 0;
    for (Map.Entry<String, Double> e : keyTotal.entrySet()) {
      focus += keyMax.get(e.getKey()) / e.getValue() / keyTotal.size();
    }
    return new double[] {
      Math.log1p(p.engagement()),
      Math.log1p(p.signalCount()),
      Math.log1p(p.priceWeight()),
      focus,
      Math.log1p(against),
      Math.log1p(p.affinities().size())
    };
  }

  /**
   * Returns a consumer's probability to order.
   *
   * @param profile the consumer's profile
   * @return the probability, in [0, 1]
   */
  public double probability(ConsumerProfile profile) {
    requireNonNull(profile, "profile");
    Example<Label> e = example(LabelFactory.UNKNOWN_LABEL, features(profile), mean, sd);
    Label score = model.predict(e).getOutputScores().get(ORDER);
    return score == null ? 0.0 : Math.min(1.0, Math.max(0.0, score.getScore()));
  }

  /**
   * Returns the expected orders of a group: the sum of its members' probabilities.
   *
   * @param members the members' profiles
   * @return the expected orders, at most the number of members
   */
  public double expectedOrders(List<ConsumerProfile> members) {
    double sum = 0;
    for (ConsumerProfile p : requireNonNull(members, "members")) {
      sum += probability(p);
    }
    return sum;
  }

  /**
   * Wraps an inference so that each niche's demand score is its members' expected orders under
   * this model (members: the consumers whose preferences match the definition).
   *
   * @param inference the inference to wrap
   * @return an inference with the same name, niches and order, and model-based demand scores
   */
  public NicheInference withDemand(NicheInference inference) {
    requireNonNull(inference, "inference");
    PropensityModel self = this;
    return new NicheInference() {
      @Override
      public List<Niche> infer(io.c2m.niche.NicheRequest request) {
        List<Niche> niches = inference.infer(request);
        List<io.c2m.Attributes> prefs = new ArrayList<>();
        double[] p = new double[request.profiles().size()];
        for (int i = 0; i < p.length; i++) {
          prefs.add(request.profiles().get(i).preferences());
          p[i] = self.probability(request.profiles().get(i));
        }
        List<Niche> out = new ArrayList<>(niches.size());
        for (Niche n : niches) {
          double demand = 0;
          for (int i = 0; i < p.length; i++) {
            if (prefs.get(i).matches(n.definition())) {
              demand += p[i];
            }
          }
          out.add(new Niche(n.id(), n.definition(), n.audience(), demand, n.lift(), n.trend()));
        }
        return List.copyOf(out);
      }

      @Override
      public String name() {
        return inference.name();
      }
    };
  }
}
