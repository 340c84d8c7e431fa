package dev.partials.bench.functions;

import java.util.List;
import java.util.SplittableRandom;

/** The suite's functions by name, and its seeded batches ({@code BENCH-FUNCTIONS.md}). */
public final class Suite {

    /** The seed of every generator in the suite (the project's default property-test seed). */
    public static final long SEED = 20261126L;

    /** Points in a batch: odd, so loop tails are exercised. */
    public static final int BATCH = 1_000_003;

    /** Every scalar function, in report order. */
    public static final List<String> SCALAR = List.of("seed", "neuron", "rat43", "rosenbrock-10", "rosenbrock-100",
            "rosenbrock-1000", "logistic-10", "logistic-100", "polynomial");

    private Suite() {
    }

    /**
     * The scalar function named {@code name}: {@code seed}, {@code neuron}, {@code rat43},
     * {@code rosenbrock-N}, {@code logistic-N}, {@code polynomial}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ScalarFunction scalar(String name) {
        if (name.startsWith("rosenbrock-")) {
            return new Rosenbrock(Integer.parseInt(name.substring("rosenbrock-".length())));
        }
        if (name.startsWith("logistic-")) {
            return new LogisticRegression(Integer.parseInt(name.substring("logistic-".length())));
        }
        return switch (name) {
            case "seed" -> new Seed();
            case "neuron" -> new Neuron();
            case "rat43" -> new Rat43();
            case "polynomial" -> new DensePolynomial();
            default -> throw new IllegalArgumentException("no suite function \"" + name + "\"; known: " + SCALAR);
        };
    }

    /**
     * The batched function named {@code name} ({@code seed}, {@code neuron}, {@code rosenbrock-N}).
     *
     * @throws IllegalArgumentException if it has no hand-written batch loop
     */
    public static BatchFunction batched(String name) {
        if (scalar(name) instanceof BatchFunction b) {
            return b;
        }
        throw new IllegalArgumentException("suite function \"" + name + "\" has no batch loop");
    }

    /**
     * {@code count} points drawn from {@code SplittableRandom(SEED)} uniformly within ±0.5 of
     * {@code center} in every coordinate, point by point, as columns: {@code [j][p]}.
     */
    public static double[][] batch(double[] center, int count) {
        SplittableRandom rng = new SplittableRandom(SEED);
        double[][] columns = new double[center.length][count];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < center.length; j++) {
                columns[j][p] = center[j] + rng.nextDouble(-0.5, 0.5);
            }
        }
        return columns;
    }
}
