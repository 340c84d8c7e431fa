package dev.partials.dual.internal;

/**
 * Derivatives of one {@link dev.partials.spi.Program} as generated JVM bytecode
 * ({@link CodeGenerator}): the Jacobian of {@link GradientCompiler} or the Hessian of
 * {@link HessianCompiler}, straight-line code bit for bit equal to the interpreter it replaces. Implementations are stateless and thread-safe; every mutable array is the caller's.
 */
interface GeneratedCode {

    /**
     * Writes the derivatives at {@code point} into {@code out} (every entry, structural zeros +0) and,
     * when {@code values} is not null, the outputs' values into it.
     *
     * @param point  the point, n finite coordinates (checked by the caller)
     * @param state  scratch of {@link CodeGenerator.Compiled#stateSize()} doubles for the values
     *               passed between generated methods; may be null when that size is 0
     * @param second per-thread scratch for second partials (Hessian code only; else null)
     */
    void run(double[] point, double[] out, double[] values, double[] state, HessianPlan.Second second);
}
