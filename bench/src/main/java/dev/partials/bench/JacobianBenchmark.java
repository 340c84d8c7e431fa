package dev.partials.bench;

import dev.partials.Derivatives;
import dev.partials.bench.functions.BundleAdjustment;
import dev.partials.bench.functions.Hipparchus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How long does the 2 × 15 Jacobian of the bundle-adjustment reprojection residual ({@code ba},
 * ADBench's BA objective for one observation) take with each provider, compared with the residual as
 * plain Java ({@code plainJava}: the ADBench ratio), with the hand-derived Jacobian
 * ({@code handWritten}), and with Hipparchus 4 {@code Gradient} and {@code DerivativeStructure}?
 *
 * <p>Providers are measured through the allocation-free twin {@code jacobian(point, out)}.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar JacobianBenchmark -prof gc -rf json}
 * (see {@code bench/README.md}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class JacobianBenchmark {

    private BundleAdjustment ba;
    private double[] point;
    private double[] values;
    private double[] jacobian;
    private Hipparchus.Structures structures;
    private Derivatives derivatives;

    /** Builds the function, and only what this fork's method measures. */
    @Setup
    public void setUp(BenchmarkParams params) {
        ba = new BundleAdjustment();
        point = ba.point();
        values = new double[BundleAdjustment.M];
        jacobian = new double[BundleAdjustment.M * BundleAdjustment.N];
        String method = Methods.name(params);
        if (method.equals("hipparchusDerivativeStructure")) {
            structures = new Hipparchus.Structures(BundleAdjustment.N, 1);
        }
        String id = Methods.providerId(method);
        if (id != null) {
            derivatives = Methods.prepare(id, ba.formula());
            double[] expected = new double[jacobian.length];
            ba.valuesAndJacobian(point, values, expected);
            derivatives.jacobian(point, jacobian);
            Methods.compare(derivatives, "ba", "Jacobian", expected, jacobian);
        }
    }

    /** The two residuals alone, plain Java: the ADBench denominator. */
    @Benchmark
    public double[] plainJava() {
        ba.values(point, values);
        return values;
    }

    /** Residuals and hand-derived Jacobian, plain Java. */
    @Benchmark
    public double[] handWritten() {
        ba.valuesAndJacobian(point, values, jacobian);
        return jacobian;
    }

    /** Hipparchus {@code Gradient}. */
    @Benchmark
    public double[] hipparchusGradient() {
        Hipparchus.jacobian(ba, point, values, jacobian);
        return jacobian;
    }

    /** Hipparchus {@code DerivativeStructure}, order 1. */
    @Benchmark
    public double[] hipparchusDerivativeStructure() {
        structures.jacobian(ba, point, values, jacobian);
        return jacobian;
    }

    /** Provider {@code dual}. */
    @Benchmark
    public double[] dual() {
        derivatives.jacobian(point, jacobian);
        return jacobian;
    }

    /** Provider {@code symbolic}. */
    @Benchmark
    public double[] symbolic() {
        derivatives.jacobian(point, jacobian);
        return jacobian;
    }

    /** Provider {@code finite-difference}. */
    @Benchmark
    public double[] finiteDifference() {
        derivatives.jacobian(point, jacobian);
        return jacobian;
    }

    /** Provider {@code complex-step}. */
    @Benchmark
    public double[] complexStep() {
        derivatives.jacobian(point, jacobian);
        return jacobian;
    }

    /** Provider {@code simd}, one point. */
    @Benchmark
    public double[] simd() {
        derivatives.jacobian(point, jacobian);
        return jacobian;
    }
}
