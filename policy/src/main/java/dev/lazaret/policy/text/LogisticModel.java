package dev.lazaret.policy.text;

import java.util.Arrays;

/**
 * A fitted logistic regression over standardized features: {@code 1 / (1 + e^-(bias + sum
 * weights[i] * (x[i] - means[i]) / scales[i]))}. Immutable; the arrays are copied in.
 */
final class LogisticModel {

  private final double[] means;
  private final double[] scales;
  private final double[] weights;
  private final double bias;

  LogisticModel(double[] means, double[] scales, double[] weights, double bias) {
    if (means.length != scales.length || means.length != weights.length) {
      throw new IllegalArgumentException("means, scales and weights differ in length");
    }
    for (double scale : scales) {
      if (!(scale > 0)) {
        throw new IllegalArgumentException("feature scale must be > 0, got " + scale);
      }
    }
    this.means = means.clone();
    this.scales = scales.clone();
    this.weights = weights.clone();
    this.bias = bias;
  }

  /** The probability of the positive class for {@code features}. */
  double probability(double[] features) {
    return 1 / (1 + StrictMath.exp(-logit(features)));
  }

  /** The linear score before the logistic function. */
  double logit(double[] features) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * (features[i] - means[i]) / scales[i];
    }
    return z;
  }

  /** The same model with {@code bias} replaced. */
  LogisticModel withBias(double newBias) {
    return new LogisticModel(means, scales, weights, newBias);
  }

  int size() {
    return weights.length;
  }

  double[] means() {
    return means.clone();
  }

  double[] scales() {
    return scales.clone();
  }

  double[] weights() {
    return weights.clone();
  }

  double bias() {
    return bias;
  }

  @Override
  public String toString() {
    return "LogisticModel[weights=" + Arrays.toString(weights) + ", bias=" + bias + "]";
  }
}
