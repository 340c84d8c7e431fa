package dev.partials.dual.internal;

import dev.partials.Op;

/**
 * The first derivative of a unary operation as the tape, the Taylor table and {@link dev.partials.dual.Dual}
 * all apply it: {@link Op#derivative}, with the convention of DESIGN.md "outside a domain: NaN value
 * and NaN partials" enforced where the table does not (as of this writing
 * {@code Op.LOG.derivative(-1, NaN)} is −1; when {@link Op} returns NaN there itself, this is a no-op).
 * Public for the {@code Dual} type of this module; the package is not exported.
 */
public final class Rules {

    private Rules() {
    }

    /** {@code op.derivative(a, value)}, or NaN when the value is NaN and the argument is not. */
    public static double derivative(Op op, double a, double value) {
        double d = op.derivative(a, value);
        return value != value && a == a ? Double.NaN : d;
    }
}
