package dev.partials.bench;

import dev.partials.Derivatives;
import dev.partials.bench.functions.BatchFunction;
import dev.partials.bench.functions.Suite;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How long, per point, do value and gradient take over a batch of 1,000,003 points with the
 * {@code simd} provider (points in vector lanes), compared with the {@code dual} provider looping over
 * the same points and with a hand-written plain-Java loop over the columns ({@code handWrittenLoop},
 * struct of arrays, cache-blocked for Rosenbrock; {@code plainJavaLoop} is f alone)? Single thread.
 *
 * <p>Points are drawn from {@code SplittableRandom(20261126)} within ±0.5 of the suite point
 * ({@code BENCH-FUNCTIONS.md}, "Batches"); the odd count exercises loop tails. Scores are per point
 * ({@code @OperationsPerInvocation}). Both providers are called through {@code gradientBatch(points,
 * values, gradients)} with the {@code Derivatives} batch layout, columns {@code [j][p]}. One thread:
 * {@code simd} would split a batch this large across the cores ({@code partials.simd.parallel=auto}),
 * so the fork sets {@code partials.simd.parallel=false}. Three forks: whole forks of one batch method
 * differ by 30-50% on the shared development machine (the arrays' placement, the JIT's timing).
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar BatchBenchmark -prof gc -rf json}
 * (see {@code bench/README.md}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dpartials.simd.parallel=false"})
@OperationsPerInvocation(Suite.BATCH)
public class BatchBenchmark {

    /** The suite function. */
    @Param({"seed", "neuron", "rosenbrock-10"})
    public String function;

    private BatchFunction f;
    private double[][] points;
    private double[] values;
    private double[][] gradients;
    private Derivatives derivatives;

    /** Generates the batch, and prepares only what this fork's method measures. */
    @Setup
    public void setUp(BenchmarkParams params) {
        f = Suite.batched(function);
        int n = f.dimension();
        points = Suite.batch(f.point(), Suite.BATCH);
        values = new double[Suite.BATCH];
        gradients = new double[n][Suite.BATCH];
        String id = Methods.providerId(Methods.name(params));
        if (id != null) {
            derivatives = Methods.prepare(id, f.formula());
            // check on a prefix with an odd size, so the provider's tail handling is covered too
            int count = 1_003;
            double[][] head = new double[n][];
            double[][] expected = new double[n][count];
            double[][] actual = new double[n][count];
            for (int j = 0; j < n; j++) {
                head[j] = Arrays.copyOf(points[j], count);
            }
            double[] ev = new double[count];
            double[] av = new double[count];
            f.valueAndGradientLoop(head, count, ev, expected);
            derivatives.gradientBatch(head, av, actual);
            Methods.compare(derivatives, function, "batch values", ev, av);
            Methods.compare(derivatives, function, "batch gradients", flatten(expected), flatten(actual));
        }
    }

    private static double[] flatten(double[][] columns) {
        int count = columns[0].length;
        double[] flat = new double[columns.length * count];
        for (int j = 0; j < columns.length; j++) {
            System.arraycopy(columns[j], 0, flat, j * count, count);
        }
        return flat;
    }

    /** f alone over the batch, plain Java. */
    @Benchmark
    public double[] plainJavaLoop() {
        f.valueLoop(points, Suite.BATCH, values);
        return values;
    }

    /** Values and hand-derived gradients over the batch, plain Java. */
    @Benchmark
    public double[][] handWrittenLoop() {
        f.valueAndGradientLoop(points, Suite.BATCH, values, gradients);
        return gradients;
    }

    /**
     * No arithmetic: the n input columns copied to the n gradient columns, and the first to the values
     * ({@code System.arraycopy}, column after column). The memory traffic every method above does at
     * least, at the best streaming speed: a floor for this batch on this machine.
     */
    @Benchmark
    public double[][] copyLoop() {
        for (int j = 0; j < points.length; j++) {
            System.arraycopy(points[j], 0, gradients[j], 0, Suite.BATCH);
        }
        System.arraycopy(points[0], 0, values, 0, Suite.BATCH);
        return gradients;
    }

    /** Provider {@code simd}: the batch in vector lanes. */
    @Benchmark
    public double[][] simd() {
        derivatives.gradientBatch(points, values, gradients);
        return gradients;
    }

    /** Provider {@code dual}: a loop over the points. */
    @Benchmark
    public double[][] dual() {
        derivatives.gradientBatch(points, values, gradients);
        return gradients;
    }
}
