/**
 * The benchmark suite's functions and points ({@code BENCH-FUNCTIONS.md}), each as a formula, as plain
 * Java, with hand-derived analytic derivatives, and as generic Hipparchus field code.
 */
package dev.partials.bench.functions;
