package dev.partials.examples;

import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The seed's neuron, {@code output = sigmoid(w1*x1 + w2*x2 + b)}, trained by plain gradient descent.
 *
 * <p>The dataset is generated from known weights, so training has a known answer. The loss, the mean
 * squared error over the whole dataset, is <em>traced</em>: ordinary Java code runs once on symbolic
 * weights, its loop over the samples unrolled into one formula in {@code w1, w2, b}. The {@code dual}
 * provider prepares that formula once; each step of gradient descent is then one allocation-free
 * gradient call.
 *
 * {@snippet :
 * List<Neuron.Sample> data = Neuron.dataset(64, 7, 1.5, -2.0, 0.5);
 * Formula loss = Neuron.loss(data);
 * Neuron.Training t = Neuron.train(loss, new double[] {0, 0, 0}, 2.0, 1000, (step, l) -> { });
 * double[] w = t.weights();                          // close to {1.5, -2.0, 0.5}
 * }
 *
 * <p>Run it: {@code java --module-path examples/target/classes:cli/target/lib -m dev.partials.examples/dev.partials.examples.Neuron}.
 *
 * @since 0.1
 */
public final class Neuron {

    /** The weights the dataset is generated from. */
    public static final double W1 = 1.5;
    /** The weights the dataset is generated from. */
    public static final double W2 = -2.0;
    /** The weights the dataset is generated from. */
    public static final double B = 0.5;

    /** One training sample: inputs and the target output. */
    public record Sample(double x1, double x2, double y) {
    }

    /** Called after each step of training with the loss before that step. */
    @FunctionalInterface
    public interface Listener {
        /** Step {@code step} (0-based) started from a loss of {@code loss}. */
        void step(int step, double loss);
    }

    /**
     * The result of training.
     *
     * @param weights the learned {@code (w1, w2, b)}
     * @param losses  the loss before each step, and after the last one ({@code steps + 1} values)
     */
    public record Training(double[] weights, double[] losses) {
        /** The loss after the last step. */
        public double finalLoss() {
            return losses[losses.length - 1];
        }
    }

    private Neuron() {
    }

    /**
     * {@code n} samples with inputs uniform in [-2, 2] (rounded to two decimals, so the traced formula's
     * constants stay short) and targets {@code sigmoid(w1*x1 + w2*x2 + b)}, from a seeded generator.
     */
    public static List<Sample> dataset(int n, long seed, double w1, double w2, double b) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x1 = Math.round(random.nextDouble(-2, 2) * 100) / 100.0;
            double x2 = Math.round(random.nextDouble(-2, 2) * 100) / 100.0;
            data.add(new Sample(x1, x2, sigmoid(w1 * x1 + w2 * x2 + b)));
        }
        return data;
    }

    /** The mean squared error of the neuron over {@code data}, as a formula in {@code w1, w2, b}. */
    public static Formula loss(List<Sample> data) {
        return Formula.trace(List.of("w1", "w2", "b"), v -> {
            Expression w1 = v.get("w1");
            Expression w2 = v.get("w2");
            Expression b = v.get("b");
            Expression sum = Expression.constant(0);
            for (Sample s : data) {
                Expression out = w1.times(s.x1()).plus(w2.times(s.x2())).plus(b).sigmoid();
                sum = sum.plus(out.minus(s.y()).pow(2));
            }
            return sum.div(data.size());
        });
    }

    /**
     * Plain gradient descent from {@code start}: {@code w ← w - rate·∇loss(w)}, {@code steps} times,
     * with the gradient from the {@code dual} provider.
     */
    public static Training train(Formula loss, double[] start, double rate, int steps, Listener listener) {
        Derivatives d = PartialDerivative.of("dual").prepare(loss);
        double[] w = start.clone();
        double[] gradient = new double[w.length];
        double[] value = new double[1];
        double[] losses = new double[steps + 1];
        for (int step = 0; step < steps; step++) {
            d.values(w, value);
            losses[step] = value[0];
            listener.step(step, value[0]);
            d.gradient(w, gradient);
            for (int j = 0; j < w.length; j++) {
                w[j] -= rate * gradient[j];
            }
        }
        d.values(w, value);
        losses[steps] = value[0];
        return new Training(w, losses);
    }

    /** Trains on 64 generated samples and prints the loss falling. */
    public static void main(String[] args) {
        List<Sample> data = dataset(64, 7, W1, W2, B);
        Formula loss = loss(data);
        System.out.printf(Locale.ROOT, "neuron sigmoid(w1*x1 + w2*x2 + b), %d samples from w1 = %s, w2 = %s, b = %s%n",
                data.size(), W1, W2, B);
        System.out.printf(Locale.ROOT, "loss: a traced formula of %d nodes in %s%n",
                loss.output(0).nodeCount(), loss.variables());
        Training t = train(loss, new double[] {0, 0, 0}, 2.0, 1000, (step, l) -> {
            if (step % 100 == 0) {
                System.out.printf(Locale.ROOT, "step %5d  loss %.3e%n", step, l);
            }
        });
        double[] w = t.weights();
        System.out.printf(Locale.ROOT, "final       loss %.3e%n", t.finalLoss());
        System.out.printf(Locale.ROOT, "learned w1 = %.4f, w2 = %.4f, b = %.4f%n", w[0], w[1], w[2]);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
