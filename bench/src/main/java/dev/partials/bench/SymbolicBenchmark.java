package dev.partials.bench;

import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.bench.functions.RandomExpressions;
import dev.partials.bench.functions.Suite;
import java.util.List;
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

/**
 * How long does the {@code symbolic} provider take to differentiate and simplify a random elementary
 * expression of 1,000 distinct nodes in 4 variables: one partial ({@code partial}, target &lt; 50 ms)
 * and the full gradient ({@code gradient}, target &lt; 100 ms)? For scale, SymPy 1.14 takes 0.51 s
 * for {@code diff} of a 1,134-node expression on this machine (issue 4).
 *
 * <p>Each operation prepares the formula afresh ({@code prepare} and {@code derivativeExpression}), so
 * nothing is reused from an earlier operation through the prepared object. There is no plain-Java
 * baseline: nothing else in the suite produces a derivative as an expression.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar SymbolicBenchmark -rf json}
 * (see {@code bench/README.md}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SymbolicBenchmark {

    private static final List<String> VARIABLES = List.of("a", "b", "c", "d");

    private PartialDerivative symbolic;
    private Expression expression;

    /** Generates the expression (seeded) and finds the provider. */
    @Setup
    public void setUp() {
        symbolic = PartialDerivative.of("symbolic");
        expression = RandomExpressions.withNodes(VARIABLES, 1_000, Suite.SEED);
        System.out.printf("%n# partials-bench: random expression with %d distinct nodes%n", expression.nodeCount());
    }

    /** ∂f/∂a as a simplified expression, from scratch. */
    @Benchmark
    public Expression partial() {
        Derivatives d = symbolic.prepare(Formula.of(VARIABLES, expression));
        return d.derivativeExpression(0, MultiIndex.unit(VARIABLES.size(), 0)).orElseThrow();
    }

    /** All four partials as simplified expressions, from scratch. */
    @Benchmark
    public Expression[] gradient() {
        Derivatives d = symbolic.prepare(Formula.of(VARIABLES, expression));
        Expression[] out = new Expression[VARIABLES.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = d.derivativeExpression(0, MultiIndex.unit(VARIABLES.size(), j)).orElseThrow();
        }
        return out;
    }
}
