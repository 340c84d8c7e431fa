package dev.partials.symbolic.internal;

import dev.partials.Op;

/**
 * The functions of the canonical form: every function {@link Op} of the language, plus one internal
 * function that only differentiation creates.
 *
 * <p>The declaration order is the canonical order of functions among the factors of a product.
 */
enum Fun {
    EXP(Op.EXP), LOG(Op.LOG), SQRT(Op.SQRT),
    SIN(Op.SIN), COS(Op.COS), TAN(Op.TAN), ASIN(Op.ASIN), ACOS(Op.ACOS), ATAN(Op.ATAN),
    SINH(Op.SINH), COSH(Op.COSH), TANH(Op.TANH),
    ABS(Op.ABS), SIGMOID(Op.SIGMOID), RELU(Op.RELU), SOFTPLUS(Op.SOFTPLUS),
    ATAN2(Op.ATAN2), MIN(Op.MIN), MAX(Op.MAX),
    /**
     * {@code glog(u, v)}: the factor {@code log(u)} of ∂(u^v)/∂v = u^v·log(u), with the convention
     * that the product is 0 where u = 0 and v &gt; 0 (never 0·log 0). Printed as {@code log(u)};
     * compiled for evaluation to {@code log(u + [u = 0]·[v > 0])}, which is log(u) wherever u ≠ 0.
     */
    GUARDED_LOG(null);

    private static final Fun[] BY_OP = new Fun[Op.values().length];

    static {
        for (Fun f : values()) {
            if (f.op != null) {
                BY_OP[f.op.ordinal()] = f;
            }
        }
    }

    private final Op op;

    Fun(Op op) {
        this.op = op;
    }

    /** The operation of the language, or null for {@link #GUARDED_LOG}. */
    Op op() {
        return op;
    }

    /** The function for a function operation of the language, or null for arithmetic. */
    static Fun of(Op op) {
        return BY_OP[op.ordinal()];
    }
}
