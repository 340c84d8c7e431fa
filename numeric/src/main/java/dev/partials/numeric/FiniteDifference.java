package dev.partials.numeric;

import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.numeric.internal.FiniteDifferenceProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configures the {@code finite-difference} provider: the stencil, its accuracy order, the step, the
 * number of Richardson (Ridders) terms and per-variable bounds. The provider registered with
 * {@link java.util.ServiceLoader} ({@code PartialDerivative.of("finite-difference")}) uses the
 * defaults below; {@link #builder()} makes a configured instance with the same id.
 *
 * {@snippet :
 * PartialDerivative fd = FiniteDifference.builder()
 *         .bounds("x", 0, Double.POSITIVE_INFINITY)  // never evaluate at x < 0
 *         .build();                                  // otherwise the defaults
 * Estimate dfdx = fd.prepare(Formula.parse("sqrt(x)*y"))
 *         .partialEstimate(0, MultiIndex.of(1, 0), new double[] {1e-6, 2.0});   // 1000, error ~1e-5
 *
 * PartialDerivative single = FiniteDifference.builder()
 *         .method(FiniteDifference.Method.CENTRAL)
 *         .accuracy(4)                               // O(h^4) stencils
 *         .richardsonTerms(1)                        // no extrapolation: one stencil, step from the error model
 *         .build();
 * }
 *
 * <h2>The method</h2>
 * A partial {@code ∂^|α| f / ∂x^α} is approximated by the tensor product of one-dimensional stencils,
 * one per differentiated variable (central, forward or backward, with weights computed exactly by
 * Fornberg's algorithm); {@code ∂²f/∂x∂y} with central order-2 stencils is the standard four-point
 * formula {@code [f(x+h,y+k) - f(x+h,y-k) - f(x-h,y+k) + f(x-h,y-k)] / 4hk}, and the Hessian is
 * symmetric by construction. Only the differentiated variables are perturbed, and a partial with
 * respect to a variable the output does not structurally depend on is exactly 0 (error 0).
 *
 * <h2>The step</h2>
 * The first step of variable i is {@code h_i = max(relstep·|x_i|, absstep)}, rounded to a power of
 * two. With one Richardson term the step balances the stencil's truncation error
 * {@code |C| h^p |f^(k+p)|} against the rounding error {@code ε Σ|w| |f| / h^k} of a derivative of
 * total order k: minimising {@code E(h) = |C| h^p + ε Σ|w| / h^k} (f and its derivatives of unit size
 * on the scale {@code max(|x|, 1)}) gives {@code relstep = absstep = (k ε Σ|w| / (p |C|))^(1/(p+k))},
 * i.e. {@code ~ ε^(1/(p+k))}, and an error {@code ~ ε^(p/(p+k))}: a step of {@code 8.7e-6} and an
 * error near {@code 4e-11} for the central first derivative of order 2.
 *
 * <h2>Richardson extrapolation and the error estimate</h2>
 * With {@code T > 1} terms, the stencil is evaluated at the steps {@code h, h/c, h/c², …} with
 * {@code c = √5} and the quotients are extrapolated in Ridders' tableau (C. J. F. Ridders, "Accurate
 * computation of F'(x) and F'(x)F''(x)", Adv. Eng. Software 4 (1982) 75–76; Numerical Recipes'
 * {@code dfridr}; Ceres' and numdifftools' Ridders methods), eliminating the error terms
 * {@code h^p, h^(p+q), …} (q = 2 for central stencils). The sequence behaves like a stencil of order
 * {@code P = p + (T-1)q}, so its first step is {@code 0.25·c^(T-1)·ε^(1/(P+k))}, rounded to a power of
 * two: the smallest step is then near the optimal step of an order-P method. The ratio is irrational
 * on purpose: with ratio 2 the points {@code x ± h/2^i} sample a periodic component of f at phases
 * that double from step to step, and high-frequency noise can then look exactly like a converging
 * sequence.
 *
 * <p>The error of a tableau entry is estimated as the largest of its differences from its two
 * parents and from the entry of the same level one step earlier, and at least the rounding error of
 * the stencil sums, amplified by the extrapolation: the rounding of each value of f is estimated
 * through the formula's operations (half an ulp each, propagated with their local derivatives and
 * combined in quadrature), together with the rounding of the stencil points {@code x + s·h} and of
 * the sum itself. The value returned
 * is, among the best entries of each step, the one with the smallest estimate relative to its value
 * (Ridders' smallest absolute error would prefer the small, wrong quotients of steps that straddle a
 * singularity); {@link dev.partials.Derivatives#partialEstimate} and
 * {@link dev.partials.Derivatives#gradientEstimate} report its estimate. The sequence continues past
 * {@code T} steps, up to {@link #MAX_TERMS}, until the estimate reaches half the digits, lies within
 * 100 times the rounding error and the raw quotients behave as the error model says (their changes
 * shrink), or until the extrapolation stops improving (Ridders' stopping rule); when they never do (noise, a
 * step scale unsuited to f), the estimate is raised to at least the latest change of the raw
 * quotients. If that sequence does not converge, a second one with steps
 * {@code t·min(|x_i|, 1)} is tried — it resolves singularities at 0 ({@code 1/x}, {@code log x} near 0)
 * and functions that vary on a unit scale at large |x| ({@code sin} at {@code 1e8}) — and the better
 * result kept. With one term, the estimate is Richardson's {@code |D(ch) - D(h)| / (c^p - 1)}.
 *
 * <h2>Edges, kinks and noise</h2>
 * A stencil point where f is NaN or infinite (outside a domain) restarts the tableau at the next
 * smaller step; when no central step works, one-sided stencils are tried (forward, then backward).
 * Where the value itself is NaN or infinite, the partials are NaN (error NaN). At a kink of
 * {@code abs}, {@code relu}, {@code min} or {@code max} that the point sits on exactly, a central
 * stencil returns the average of the one-sided slopes — the convention for {@code abs} (0) and for
 * ties of {@code min}/{@code max} (½), but ½ instead of 0 for {@code relu} — and the error estimate is
 * raised to at least |value|. Noise of amplitude σ in f shows as an estimate near
 * {@code σ/h} ({@code x² + 1e-10·sin(1e8·x)}: about {@code 1e-9}, against {@code 1e-15} without the
 * noise); the value is then the derivative of f as sampled at the steps' scale.
 *
 * <h2>Defaults</h2>
 * Central stencils of accuracy order 2, five Ridders terms: ten evaluations of f per first or second
 * partial (plus the value at the point, shared by a gradient), twenty per third or fourth partial or
 * mixed second partial; median relative errors of 2e-15 to 5e-15 on the benchmark functions (see the
 * accuracy table in the module's tests). This is the most accurate method measured at about ten
 * evaluations: a single central stencil of order 8 (eight evaluations) reaches only
 * {@code ~ε^(8/9)} (about 1e-12 measured), and central order-4 stencils afford two extrapolation
 * steps in the same budget. Further steps are taken only when the first five have not converged.
 *
 * <h2>Bounds</h2>
 * {@link Builder#bounds} declares that variable's domain: no stencil point leaves it. Near a bound the
 * central step first shrinks to the distance to the bound (f often varies on that scale, as
 * {@code sqrt x} near 0 does); within {@code √ε} steps of it, the stencil turns one-sided toward the
 * interior. At a point outside its bounds the partials are NaN.
 *
 * @since 0.1
 */
public final class FiniteDifference {

    /** The most steps one Ridders sequence takes when it has not converged (the first is {@code 5^5.5} times the last). */
    public static final int MAX_TERMS = 12;

    private FiniteDifference() {
    }

    /** The direction of a one-dimensional stencil. */
    public enum Method {
        /** Points on both sides, {@code -r … r}: truncation errors in even powers of h. */
        CENTRAL,
        /** Points {@code 0, 1, …}: for functions defined only to the right of the point. */
        FORWARD,
        /** Points {@code …, -1, 0}: for functions defined only to the left of the point. */
        BACKWARD
    }

    /** A builder with the defaults of the registered provider. */
    public static Builder builder() {
        return new Builder();
    }

    /** A variable's declared domain {@code [lower, upper]}. */
    public record Bound(double lower, double upper) {
        /** Checks {@code lower <= upper} and that neither is NaN. */
        public Bound {
            if (!(lower <= upper)) {
                throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                        "a bound needs lower <= upper, got [" + lower + ", " + upper + "]").build();
            }
        }
    }

    /**
     * The options of a {@code finite-difference} provider, as built by {@link Builder}.
     *
     * @param method          the stencil direction
     * @param accuracy        the truncation order p of each one-dimensional stencil
     * @param richardsonTerms T, the number of steps extrapolated (1: none)
     * @param relativeStep    relstep, or NaN to derive it from the error model
     * @param absoluteStep    absstep, or NaN to derive it from the error model
     * @param bounds          declared domains by variable name
     */
    public record Options(Method method, int accuracy, int richardsonTerms, double relativeStep,
                          double absoluteStep, Map<String, Bound> bounds) {

        /** The defaults: central, order 2, five terms, steps from the error model, no bounds. */
        public static final Options DEFAULTS = new Options(Method.CENTRAL, 2, 5, Double.NaN, Double.NaN, Map.of());

        /** Checks the options and copies the bounds. */
        public Options {
            if (method == null) {
                throw invalid("method must not be null");
            }
            if (accuracy < 1 || accuracy > 8 || (method == Method.CENTRAL && accuracy % 2 != 0)) {
                throw invalid("accuracy order " + accuracy + " is not offered for " + method
                        + ": use 2, 4, 6 or 8 for CENTRAL, 1 to 8 for FORWARD and BACKWARD");
            }
            if (richardsonTerms < 1 || richardsonTerms > MAX_TERMS) {
                throw invalid("Richardson terms must be in 1.." + MAX_TERMS + ", got " + richardsonTerms);
            }
            if (!Double.isNaN(relativeStep) && !(relativeStep >= 0 && relativeStep < Double.POSITIVE_INFINITY)) {
                throw invalid("the relative step must be finite and >= 0, got " + relativeStep);
            }
            if (!Double.isNaN(absoluteStep) && !(absoluteStep > 0 && absoluteStep < Double.POSITIVE_INFINITY)) {
                throw invalid("the absolute step must be finite and > 0, got " + absoluteStep);
            }
            bounds = Map.copyOf(bounds);
        }

        /** The bound of {@code variable}, or the whole real line. */
        public Bound bound(String variable) {
            return bounds.getOrDefault(variable, new Bound(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        }
    }

    /** Builds a configured {@code finite-difference} provider; not thread-safe, the provider is. */
    public static final class Builder {
        private Method method = Options.DEFAULTS.method();
        private int accuracy = Options.DEFAULTS.accuracy();
        private int terms = Options.DEFAULTS.richardsonTerms();
        private double relativeStep = Double.NaN;
        private double absoluteStep = Double.NaN;
        private final Map<String, Bound> bounds = new LinkedHashMap<>();

        private Builder() {
        }

        /** The stencil direction (default {@link Method#CENTRAL}). */
        public Builder method(Method method) {
            this.method = method;
            return this;
        }

        /** The truncation order p: 2, 4, 6 or 8 for central stencils, 1 to 8 for one-sided (default 2). */
        public Builder accuracy(int order) {
            this.accuracy = order;
            return this;
        }

        /**
         * The number of steps of the Ridders sequence (at least: more, up to {@link #MAX_TERMS}, when
         * they have not converged); 1 for a single stencil with the error model's step (default 5).
         */
        public Builder richardsonTerms(int terms) {
            this.terms = terms;
            return this;
        }

        /**
         * A fixed step {@code h_i = max(relative·|x_i|, absolute)} (the first step with Richardson
         * terms) instead of the one from the error model; a fixed step also turns off the second,
         * rescaled sequence.
         */
        public Builder step(double relative, double absolute) {
            this.relativeStep = relative;
            this.absoluteStep = absolute;
            return this;
        }

        /** Declares variable {@code variable}'s domain: no stencil point leaves {@code [lower, upper]}. */
        public Builder bounds(String variable, double lower, double upper) {
            bounds.put(variable, new Bound(lower, upper));
            return this;
        }

        /** The options as configured. */
        public Options options() {
            boolean fixed = !Double.isNaN(relativeStep) || !Double.isNaN(absoluteStep);
            if (fixed && (Double.isNaN(relativeStep) || Double.isNaN(absoluteStep))) {
                throw invalid("a fixed step needs both the relative and the absolute step");
            }
            return new Options(method, accuracy, terms, relativeStep, absoluteStep, bounds);
        }

        /**
         * The provider.
         *
         * @throws PartialsException of kind {@link PartialsException.Kind#INVALID_ARGUMENT} for an
         *         option out of range
         */
        public PartialDerivative build() {
            return new FiniteDifferenceProvider(options());
        }
    }

    private static PartialsException invalid(String detail) {
        return PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT, detail).build();
    }
}
