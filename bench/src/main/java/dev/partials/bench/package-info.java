/**
 * JMH benchmarks of every provider against hand-written Java and Hipparchus (arrive with their issue).
 * Not a JPMS module and not published.
 */
package dev.partials.bench;
