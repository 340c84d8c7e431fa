/** Turns JMH's JSON results into {@code docs/benchmarks.md}. */
package dev.partials.bench.report;
