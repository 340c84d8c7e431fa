package dev.partials.numeric.internal;

/**
 * Step selection from the error model of a finite-difference stencil.
 *
 * <p>A stencil of truncation order p for a derivative of total order K, evaluated with step
 * {@code t·L} (L the scale of the variable, {@code max(|x|, 1)}), errs by
 * <pre>
 *   E(t) ≈ |C| t^p  +  ε R / t^K        (in units of |f| / L^K, derivatives of f of unit size on scale L)
 * </pre>
 * where C is the leading truncation coefficient of the stencil and {@code R = Σ|w|} its rounding
 * amplification (for a tensor product, C sums and R multiplies over the factors). {@code E'(t) = 0}
 * gives
 * <pre>
 *   t* = (K ε R / (p |C|))^(1/(p+K))   ~  ε^(1/(p+K)),      E(t*) ~ ε^(p/(p+K))
 * </pre>
 * the classical {@code (3ε)^(1/3)} for the central first derivative of order 2 (C = 1/6, R = 1).
 *
 * <p>Ridders' extrapolation over T steps {@code t0, t0/c, …, t0/c^(T-1)} ({@code c =} {@link #RATIO})
 * behaves like a stencil of
 * order {@code P = p + (T-1) q} whose rounding is governed by the smallest step and whose truncation
 * by the largest. Its first step is therefore chosen so that the smallest step is the optimal step of
 * an order-P method with unit constants, {@code ε^(1/(P+K))}, scaled by {@link #RIDDERS_SCALE}
 * (calibrated so that the truncation constants, which grow with P like a Taylor coefficient, stay
 * below rounding on the benchmark functions): {@code t0 = RIDDERS_SCALE·c^(T-1)·ε^(1/(P+K))}, 0.25
 * for a first derivative with the defaults. A first step is rounded to a power of two (so the one-step
 * stencils' {@code s·h} is exact); the points {@code x + s·h} themselves carry one rounding, a relative
 * perturbation of the offset below {@code ε|x|/h}. Where f vanishes to high order at x that moves the
 * quotients far more than the rounding of f there (issue 8); the error estimate therefore includes
 * each point's actual rounding, computed exactly, propagated through the formula
 * ({@link Tape#errorBounds}).
 */
final class Steps {

    static final double EPS = Math.ulp(1.0);          // 2^-52
    static final double SQRT_EPS = Math.sqrt(EPS);

    /**
     * The ratio of successive Ridders steps: √5 ≈ 2.236. Not an integer: with ratio 2 the points
     * {@code x ± h/2^i} sample a periodic component of f (high-frequency noise) at phases that double
     * from row to row, which can look exactly like a converging sequence (aliasing); an irrational
     * ratio near 2 keeps the extrapolation's strength and breaks that coherence.
     */
    static final double RATIO = Math.sqrt(5);

    /** Calibration of the Ridders first step; see the class documentation. */
    static final double RIDDERS_SCALE = 0.25;

    private Steps() {
    }

    /** The optimal relative step {@code (K ε R / (p |C|))^(1/(p+K))} of a single stencil. */
    static double optimal(int totalOrder, int accuracy, double absSum, double truncation) {
        double c = Math.max(Math.abs(truncation), Double.MIN_NORMAL);
        return Math.pow(totalOrder * EPS * absSum / (accuracy * c), 1.0 / (accuracy + totalOrder));
    }

    /** The first (largest) relative step of a Ridders sequence of {@code terms} steps. */
    static double riddersFirst(int totalOrder, int accuracy, int errorStep, int terms) {
        int effective = accuracy + (terms - 1) * errorStep;
        return RIDDERS_SCALE * Math.pow(RATIO, terms - 1) * Math.pow(EPS, 1.0 / (effective + totalOrder));
    }

    /** {@code max(relative·|x|, absolute)} rounded to the nearest power of two. */
    static double step(double x, double relative, double absolute) {
        return powerOfTwo(Math.max(relative * Math.abs(x), absolute));
    }

    /** The power of two nearest to {@code h > 0} in ratio. */
    static double powerOfTwo(double h) {
        int e = Math.getExponent(h);
        double low = Math.scalb(1.0, e);
        return h / low >= Math.sqrt(2) ? 2 * low : low;
    }
}
