/**
 * The implementation of the {@code dual} provider (not exported): the compiled tape with per-chunk
 * sub-tapes, the Hessian plans, the Taylor table and the multivariate jets, and the bytecode
 * generators that replace the first-order passes and the Hessian plans for repeated use.
 *
 * <h2>Two engines, one set of numbers</h2>
 * Gradients, Jacobians and Hessians are computed either by interpreters ({@link
 * dev.partials.dual.internal.Tape}, {@link dev.partials.dual.internal.HessianPlan}) or by straight-line
 * JVM bytecode generated from the same program ({@link dev.partials.dual.internal.GradientCompiler},
 * {@link dev.partials.dual.internal.HessianCompiler}, defined as hidden classes of this package with
 * the standard {@code java.lang.classfile} API). The generated code performs the interpreters'
 * floating-point operations in the same order, so both give the same bits (every derivative leaves
 * either engine as {@code x + 0.0}, so that a computed zero is +0 whichever structural zeros were added
 * on the way); the tests compare them bit for bit on random programs. Switching engines after the
 * first calls therefore never changes a result.
 *
 * <p>The system property {@code partials.dual.compile}, read when a formula is prepared, chooses:
 * <ul>
 * <li>{@code auto} (default): the interpreters serve the first
 *     {@value dev.partials.dual.internal.DualDerivatives#COMPILE_AFTER} calls, so one-shot use (the
 *     CLI) never pays for class generation; then the code is generated, when its size estimate is
 *     within the budget ({@value dev.partials.dual.internal.DualDerivatives#COMPILE_BUDGET} tangent
 *     operations for first order, {@value dev.partials.dual.internal.DualDerivatives#HESSIAN_BUDGET}
 *     statements for a Hessian). Beyond the budget (dense programs such as a logistic loss over 100
 *     weights) the chunked interpreter is as fast and the generated code would only be large.</li>
 * <li>{@code always}: first-order code generated at prepare, Hessian code on first use, whatever the
 *     size (for tests).</li>
 * <li>{@code never}: the interpreters only.</li>
 * </ul>
 *
 * <p>Null policy: no method of this package accepts or returns {@code null} unless its
 * documentation says so.
 */
package dev.partials.dual.internal;
