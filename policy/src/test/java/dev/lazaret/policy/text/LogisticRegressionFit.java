package dev.lazaret.policy.text;

import java.util.List;

/**
 * Fits a {@link LogisticModel} by full-batch gradient descent on standardized features, each
 * class weighted to half the total, with a small L2 penalty. Deterministic: fixed iteration
 * count, fixed order, StrictMath, so the shipped model reproduces bit for bit.
 */
final class LogisticRegressionFit {

  static final int ITERATIONS = 4000;
  static final double LEARNING_RATE = 0.5;
  static final double L2 = 1e-3;

  private LogisticRegressionFit() {
  }

  /** The model that best tells {@code positives} (label 1) from {@code negatives} (label 0). */
  static LogisticModel fit(List<double[]> negatives, List<double[]> positives) {
    int n = negatives.size() + positives.size();
    int d = negatives.get(0).length;
    double[][] x = new double[n][];
    double[] y = new double[n];
    double[] sampleWeight = new double[n];
    int i = 0;
    for (double[] row : negatives) {
      x[i] = row;
      y[i] = 0;
      sampleWeight[i++] = n / (2.0 * negatives.size());
    }
    for (double[] row : positives) {
      x[i] = row;
      y[i] = 1;
      sampleWeight[i++] = n / (2.0 * positives.size());
    }
    double[] means = new double[d];
    double[] scales = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (double[] row : x) {
        sum += row[j];
      }
      means[j] = sum / n;
      double squares = 0;
      for (double[] row : x) {
        squares += (row[j] - means[j]) * (row[j] - means[j]);
      }
      double sd = StrictMath.sqrt(squares / n);
      scales[j] = sd > 1e-12 ? sd : 1;
    }
    double[][] z = new double[n][d];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < d; j++) {
        z[k][j] = (x[k][j] - means[j]) / scales[j];
      }
    }
    double[] w = new double[d];
    double b = 0;
    double[] gradient = new double[d];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      java.util.Arrays.fill(gradient, 0);
      double biasGradient = 0;
      for (int k = 0; k < n; k++) {
        double logit = b;
        for (int j = 0; j < d; j++) {
          logit += w[j] * z[k][j];
        }
        double error = (1 / (1 + StrictMath.exp(-logit)) - y[k]) * sampleWeight[k];
        for (int j = 0; j < d; j++) {
          gradient[j] += error * z[k][j];
        }
        biasGradient += error;
      }
      for (int j = 0; j < d; j++) {
        w[j] -= LEARNING_RATE * (gradient[j] / n + L2 * w[j]);
      }
      b -= LEARNING_RATE * biasGradient / n;
    }
    return new LogisticModel(means, scales, w, b);
  }
}
