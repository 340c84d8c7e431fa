package dev.partials.numeric;

import static dev.partials.numeric.FiniteDifferenceProviderTests.honest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.partials.Derivatives;
import dev.partials.Estimate;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.numeric.FiniteDifference.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options of {@link FiniteDifference}: methods, accuracy orders, steps, Richardson terms and bounds. */
class FiniteDifferenceOptionsTests {

    private static final Expression X = Expression.variable("x");
    private static final Expression Y = Expression.variable("y");
    private static final double EPS = Math.ulp(1.0);

    @Test
    void configuredProvidersKeepTheIdAndCapabilities() {
        PartialDerivative p = FiniteDifference.builder().accuracy(4).richardsonTerms(1).build();
        assertThat(p.id()).isEqualTo("finite-difference");
        assertThat(p.capabilities()).isEqualTo(PartialDerivative.of("finite-difference").capabilities());
        assertThat(p.description()).contains("order 4");
    }

    @Test
    void theClassDocumentationExampleGivesAnAccurateDerivativeAtTheEdgeOfTheDomain() {
        PartialDerivative fd = FiniteDifference.builder()
                .bounds("x", 0, Double.POSITIVE_INFINITY)
                .build();
        Estimate dfdx = fd.prepare(Formula.parse("sqrt(x)*y"))
                .partialEstimate(0, MultiIndex.of(1, 0), new double[] {1e-6, 2.0});
        honest(dfdx, 1000, 1e-7, 1000);
        // One order-4 stencil there: its step shrinks to the distance to the bound, where sqrt varies.
        PartialDerivative single = FiniteDifference.builder().method(Method.CENTRAL).accuracy(4).richardsonTerms(1)
                .bounds("x", 0, Double.POSITIVE_INFINITY).build();
        honest(single.prepare(Formula.parse("sqrt(x)*y")).partialEstimate(0, MultiIndex.of(1, 0), new double[] {1e-6, 2.0}),
                1000, 1e-3, 1000);
    }

    @Test
    void rejectsOptionsOutOfRangeWithInvalidArgument() {
        for (Runnable bad : List.<Runnable>of(
                () -> FiniteDifference.builder().accuracy(3).build(),                 // odd central order
                () -> FiniteDifference.builder().accuracy(10).build(),
                () -> FiniteDifference.builder().method(Method.FORWARD).accuracy(0).build(),
                () -> FiniteDifference.builder().richardsonTerms(0).build(),
                () -> FiniteDifference.builder().richardsonTerms(FiniteDifference.MAX_TERMS + 1).build(),
                () -> FiniteDifference.builder().step(1e-3, 0).build(),
                () -> FiniteDifference.builder().step(Double.NaN, 1e-3).build(),
                () -> FiniteDifference.builder().bounds("x", 1, 0).build())) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(PartialsException.class,
                    e -> assertThat(e.kind()).isEqualTo(PartialsException.Kind.INVALID_ARGUMENT));
        }
    }

    @Test
    void singleStencilsReachTheAccuracyOfTheirErrorModel() {
        // One stencil with the error model's step errs by ~ε^(p/(p+1)) for a first derivative: 4e-11 for
        // p = 2, 3e-13 for p = 4, 4e-14 for p = 6. Allow 100 times that, at points where the model's
        // scale max(|x|, 1) is the scale on which sin varies (beyond, the steps grow with |x|).
        Derivatives[] byOrder = new Derivatives[9];
        for (int p = 2; p <= 8; p += 2) {
            byOrder[p] = FiniteDifference.builder().accuracy(p).richardsonTerms(1).build()
                    .prepare(Formula.of(List.of("x"), X.sin()));
        }
        for (double x : new double[] {-0.9, -0.3, 0.4, 0.8}) {
            for (int p = 2; p <= 6; p += 2) {
                Estimate e = byOrder[p].partialEstimate(0, MultiIndex.of(1), new double[] {x});
                double promised = 100 * Math.pow(EPS, p / (p + 1.0));
                assertThat(Math.abs(e.value() - Math.cos(x))).as("order %d at %s", p, x).isLessThanOrEqualTo(promised);
                assertThat(Math.abs(e.value() - Math.cos(x))).isLessThanOrEqualTo(10 * e.error());
            }
        }
    }

    @Test
    void forwardAndBackwardStencilsAgreeWithTheClosedForm() {
        for (Method m : new Method[] {Method.FORWARD, Method.BACKWARD}) {
            Derivatives d = FiniteDifference.builder().method(m).build()
                    .prepare(Formula.of(List.of("x", "y"), X.exp().times(Y.cos())));
            double x = 0.4;
            double y = 1.3;
            // One-sided extrapolation eliminates h, h², …: fewer orders per step than central stencils.
            honest(d.partialEstimate(0, MultiIndex.of(1, 0), new double[] {x, y}), Math.exp(x) * Math.cos(y), 1e-8, 1);
            honest(d.partialEstimate(0, MultiIndex.of(1, 1), new double[] {x, y}), -Math.exp(x) * Math.sin(y), 1e-6, 1);
        }
    }

    @Test
    void aFixedStepIsUsedAsTheFirstStep() {
        // A step far too small for a first derivative: rounding dominates, and the estimate says so.
        Derivatives d = FiniteDifference.builder().richardsonTerms(1).step(0, 1e-13).build()
                .prepare(Formula.of(List.of("x"), X.exp()));
        Estimate e = d.partialEstimate(0, MultiIndex.of(1), new double[] {0.5});
        assertThat(Math.abs(e.value() - Math.exp(0.5))).isGreaterThan(1e-6);
        assertThat(e.error()).isGreaterThan(1e-6);
    }

    @Test
    void boundsKeepEveryStencilPointInsideTheDeclaredDomain() {
        // max(x, 0)^3 is x³ on [0, ∞) and 0 left of it: a stencil that crossed 0 would see the kink.
        Formula f = Formula.of(List.of("x"), X.max(Expression.constant(0)).pow(3));
        Derivatives bounded = FiniteDifference.builder().bounds("x", 0, Double.POSITIVE_INFINITY).build().prepare(f);
        for (double x : new double[] {0, 1e-3, 0.05, 0.2}) {
            Estimate first = bounded.partialEstimate(0, MultiIndex.of(1), new double[] {x});
            honest(first, 3 * x * x, 1e-12, Math.max(1, 3 * x * x));
            Estimate second = bounded.partialEstimate(0, MultiIndex.of(2), new double[] {x});
            honest(second, 6 * x, 1e-9, Math.max(1, 6 * x));
        }
    }

    @Test
    void boundsOnBothSidesShrinkTheStep() {
        Formula f = Formula.of(List.of("x", "y"), X.asin().times(Y));
        Derivatives d = FiniteDifference.builder().bounds("x", -1, 1).build().prepare(f);
        double x = 0.999;
        honest(d.partialEstimate(0, MultiIndex.of(1, 0), new double[] {x, 2}), 2 / Math.sqrt(1 - x * x), 1e-8, 50);
    }

    @Test
    void aPointOutsideItsBoundsHasNaNPartials() {
        Derivatives d = FiniteDifference.builder().bounds("x", 0, 1).build()
                .prepare(Formula.of(List.of("x", "y"), X.times(Y)));
        assertThat(d.value(2, 3)).isEqualTo(6);
        assertThat(d.partial(MultiIndex.of(1, 0), 2, 3)).isNaN();
        assertThat(d.partial(MultiIndex.of(0, 1), 2, 3)).isCloseTo(2, within(4 * Math.ulp(2.0))); // y is not bounded
    }

    @Test
    void moreRichardsonTermsAreNoLessAccurate() {
        Formula f = Formula.of(List.of("x"), X.atan());
        double x = 0.6;
        double exact = 1 / (1 + x * x);
        double previous = Double.POSITIVE_INFINITY;
        for (int terms : new int[] {2, 3, 5}) {
            Estimate e = FiniteDifference.builder().richardsonTerms(terms).build().prepare(f)
                    .partialEstimate(0, MultiIndex.of(1), new double[] {x});
            assertThat(Math.abs(e.value() - exact)).isLessThanOrEqualTo(10 * e.error());
            assertThat(e.error()).isLessThanOrEqualTo(Math.max(previous, 1e-14));
            previous = e.error();
        }
    }
}
