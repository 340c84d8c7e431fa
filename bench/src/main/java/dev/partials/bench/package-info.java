/**
 * JMH benchmarks of every provider against hand-written Java and Hipparchus: one question per class
 * ({@link dev.partials.bench.GradientBenchmark}, {@link dev.partials.bench.JacobianBenchmark},
 * {@link dev.partials.bench.HessianBenchmark}, {@link dev.partials.bench.BatchBenchmark},
 * {@link dev.partials.bench.SymbolicBenchmark}), each with its plain-Java baselines in the same class.
 * Providers are reached only through {@code PartialDerivative.of("…")}.
 *
 * <p>Not a JPMS module and not published. How to run: {@code bench/README.md}.
 */
package dev.partials.bench;
