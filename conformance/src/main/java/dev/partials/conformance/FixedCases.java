package dev.partials.conformance;

import static dev.partials.conformance.Runner.call;
import static dev.partials.conformance.Runner.partialCall;

import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.Limits;
import dev.partials.MultiIndex;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import dev.partials.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/** The properties made of fixed cases: conventions, structural zeros, bad input and capability limits. */
final class FixedCases {

    private FixedCases() {
    }

    /** One fixed case: a formula, a point, and a check on the prepared derivatives. */
    private record Entry(String name, List<String> variables, List<Expression> outputs, double[] point,
                         Optional<String> skip, Function<Derivatives, Optional<Failure>> check) {
    }

    /** What a fixed case expects of a number. */
    private sealed interface Expect {
        /** The same number (NaN is NaN, 0 is ±0). */
        record Exactly(double value) implements Expect {
        }

        /** Within 4 ulps for an exact provider; within the approximate tolerance (relative to max(1, |value|)) otherwise. */
        record About(double value, int order) implements Expect {
        }

        /** NaN. */
        record NaN() implements Expect {
        }
    }

    private static Expect exactly(double v) {
        return new Expect.Exactly(v);
    }

    private static Expect about(double v, int order) {
        return new Expect.About(v, order);
    }

    private static Expect nan() {
        return new Expect.NaN();
    }

    private static Optional<Failure> expect(Runner r, String claim, Expect e, double actual, String call) {
        return switch (e) {
            case Expect.Exactly x -> Tolerances.same(claim, x.value(), actual, call);
            case Expect.NaN n -> Double.isNaN(actual) ? Optional.empty()
                    : Failure.of(claim, "NaN", Double.toString(actual), "", call);
            case Expect.About a -> {
                double tol = 4 * Math.ulp(a.value());
                if (!r.exact()) {
                    tol += r.contract.approximateTolerance(a.order()) * Math.max(1, Math.abs(a.value()));
                }
                yield Tolerances.compareDoubles(claim, a.value(), actual, tol, call);
            }
        };
    }

    /** Builds the checks of one fixed case. */
    private static final class Case {
        final Runner r;
        final String name;
        final List<String> variables;
        final List<Expression> outputs;
        final double[] point;
        final int n;
        Optional<String> skip = Optional.empty();
        final List<Function<Derivatives, Optional<Failure>>> checks = new ArrayList<>();

        Case(Runner r, String name, List<String> variables, List<Expression> outputs, double... point) {
            this.r = r;
            this.name = name;
            this.variables = variables;
            this.outputs = outputs;
            this.point = point;
            this.n = variables.size();
        }

        /** The case applies only to exact providers, for {@code reason}. */
        Case exactOnly(String reason) {
            if (!r.exact()) {
                skip = Optional.of("approximate provider: " + reason);
            }
            return this;
        }

        Case value(int k, Expect e) {
            String c = "d.values(" + Text.javaArray(point) + ")[" + k + "]";
            checks.add(d -> expect(r, "the value of output " + k, e, call(c, () -> d.values(point))[k], c));
            return this;
        }

        /** A partial, checked only when the provider serves its order (and mixedness). */
        Case partial(int k, int[] counts, Expect e) {
            MultiIndex index = MultiIndex.of(counts);
            if (!r.capabilities.supports(index)) {
                return this;
            }
            String c = partialCall(k, index, point);
            checks.add(d -> expect(r, Text.partialName(index, variables) + " of output " + k + " by partial", e,
                    call(c, () -> d.partial(k, index, point)), c));
            return this;
        }

        Case gradient(int k, int j, Expect e) {
            String c = "d.gradient(" + k + ", " + Text.javaArray(point) + ", g = new double[" + n + "]); g[" + j + "]";
            checks.add(d -> {
                double[] g = new double[n];
                Runner.run(c, () -> d.gradient(k, point, g));
                return expect(r, "∂/∂" + variables.get(j) + " of output " + k + " by gradient", e, g[j], c);
            });
            return this;
        }

        Case jacobian(int k, int j, Expect e) {
            String c = "d.jacobian(" + Text.javaArray(point) + ")[" + k + "][" + j + "]";
            checks.add(d -> expect(r, "∂f" + k + "/∂" + variables.get(j) + " by jacobian", e,
                    call(c, () -> d.jacobian(point))[k][j], c));
            return this;
        }

        Case hessian(int i, int j, Expect e) {
            if (!r.hessianSupported(n)) {
                return this;
            }
            String c = "d.hessian(" + Text.javaArray(point) + ")[" + i + "][" + j + "]";
            checks.add(d -> expect(r, "Hessian entry (" + i + ", " + j + ")", e, call(c, () -> d.hessian(point))[i][j], c));
            return this;
        }

        Case jvp(int k, double[] direction, Expect e) {
            String c = "d.jvp(" + Text.javaArray(point) + ", " + Text.javaArray(direction) + ")[" + k + "]";
            checks.add(d -> expect(r, "the JVP of output " + k + " along " + Text.tuple(direction), e,
                    call(c, () -> d.jvp(point, direction))[k], c));
            return this;
        }

        Entry entry() {
            List<Function<Derivatives, Optional<Failure>>> all = List.copyOf(checks);
            return new Entry(name, variables, outputs, point, skip, d -> {
                for (Function<Derivatives, Optional<Failure>> check : all) {
                    Optional<Failure> f = check.apply(d);
                    if (f.isPresent()) {
                        return f;
                    }
                }
                return Optional.empty();
            });
        }
    }

    private static Stream<DynamicTest> tests(Runner r, String property, List<Entry> entries) {
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            if (e.skip().isPresent()) {
                Assumptions.abort(e.skip().get());
            }
            Formula f = Formula.of(e.variables(), e.outputs());
            Optional<Failure> failure = Runner.guarded(x -> e.check().apply(r.prepare(x)), f);
            if (failure.isPresent()) {
                Assertions.fail(r.fixedMessage(property, e.name(), view(e), failure.get()));
            }
        }));
    }

    private static Runner.View view(Entry e) {
        String text;
        if (e.outputs().size() == 1) {
            text = Text.of(e.outputs().get(0));
        } else {
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < e.outputs().size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(Text.of(e.outputs().get(k)));
            }
            text = sb.append(']').toString();
        }
        return new Runner.View(text, e.variables(), e.point());
    }

    private static final Expression X = Expression.variable("x");
    private static final Expression Y = Expression.variable("y");
    private static final Expression Z = Expression.variable("z");
    private static final List<String> XS = List.of("x");
    private static final List<String> XY = List.of("x", "y");
    private static final List<String> XYZ = List.of("x", "y", "z");
    private static final String KINK = "a difference quotient across a kink measures a secant, not the convention";
    private static final String EDGE = "a difference quotient at a domain edge steps outside the domain";
    private static final String POISON = "a difference quotient evaluates f, which is NaN at every nearby point";

    static Stream<DynamicTest> conventions(ProviderContract contract) {
        Runner r = Runner.of(contract);
        List<Entry> es = new ArrayList<>();
        es.add(new Case(r, "abs(x) at x = 0: ∂/∂x = 0", XS, List.of(X.abs()), 0.0).exactOnly(KINK)
                .value(0, exactly(0)).partial(0, new int[] {1}, exactly(0)).entry());
        es.add(new Case(r, "relu(x) at x = 0: ∂/∂x = 0", XS, List.of(X.relu()), 0.0).exactOnly(KINK)
                .value(0, exactly(0)).partial(0, new int[] {1}, exactly(0)).entry());
        es.add(new Case(r, "min(x, y) at a tie: ½ to each argument", XY, List.of(X.min(Y)), 1.5, 1.5).exactOnly(KINK)
                .value(0, exactly(1.5)).partial(0, new int[] {1, 0}, exactly(0.5)).partial(0, new int[] {0, 1}, exactly(0.5))
                .gradient(0, 0, exactly(0.5)).gradient(0, 1, exactly(0.5)).entry());
        es.add(new Case(r, "max(x, y) at a tie: ½ to each argument", XY, List.of(X.max(Y)), -2, -2).exactOnly(KINK)
                .value(0, exactly(-2)).partial(0, new int[] {1, 0}, exactly(0.5)).partial(0, new int[] {0, 1}, exactly(0.5))
                .gradient(0, 0, exactly(0.5)).gradient(0, 1, exactly(0.5)).entry());
        es.add(new Case(r, "min(x, y) off a tie: the branch taken", XY, List.of(X.min(Y)), 1, 2)
                .value(0, exactly(1)).partial(0, new int[] {1, 0}, about(1, 1)).partial(0, new int[] {0, 1}, about(0, 1)).entry());
        es.add(new Case(r, "sqrt(x) at x = 0: ∂/∂x = +∞", XS, List.of(X.sqrt()), 0.0).exactOnly(EDGE)
                .value(0, exactly(0)).partial(0, new int[] {1}, exactly(Double.POSITIVE_INFINITY)).entry());
        es.add(new Case(r, "x^3 at x = -2 (integer exponent, negative base): value -8, ∂/∂x = 12", XS,
                List.of(X.pow(3)), -2).value(0, exactly(-8)).partial(0, new int[] {1}, about(12, 1))
                .partial(0, new int[] {2}, about(-12, 2)).partial(0, new int[] {3}, about(6, 3)).entry());
        es.add(new Case(r, "x^0 at x = 0: value 1, ∂/∂x = 0", XS, List.of(X.pow(0)), 0.0)
                .value(0, exactly(1)).partial(0, new int[] {1}, about(0, 1)).partial(0, new int[] {2}, about(0, 2)).entry());
        es.add(new Case(r, "x^y at (0, 2): ∂/∂y = 0 (never 0·log 0), ∂/∂x = 0", XY, List.of(X.pow(Y)), 0, 2)
                .value(0, exactly(0)).partial(0, new int[] {0, 1}, about(0, 1)).partial(0, new int[] {1, 0}, about(0, 1)).entry());
        es.add(new Case(r, "x^0.5 at x = -1 (negative base, non-integer exponent): NaN value and partial", XS,
                List.of(X.pow(Expression.constant(Rational.of(1, 2)))), -1)
                .value(0, nan()).partial(0, new int[] {1}, nan()).entry());
        es.add(new Case(r, "log(x) at x = -1: NaN value and partial", XS, List.of(X.log()), -1)
                .value(0, nan()).partial(0, new int[] {1}, nan()).entry());
        es.add(new Case(r, "asin(x) at x = 2: NaN value and partial, no exception", XS, List.of(X.asin()), 2)
                .value(0, nan()).partial(0, new int[] {1}, nan()).gradient(0, 0, nan()).entry());
        es.add(new Case(r, "sqrt(x) at x = -1: NaN value and partial", XS, List.of(X.sqrt()), -1)
                .value(0, nan()).partial(0, new int[] {1}, nan()).entry());
        return tests(r, "conventions", es);
    }

    static Stream<DynamicTest> structuralZeros(ProviderContract contract) {
        Runner r = Runner.of(contract);
        List<Entry> es = new ArrayList<>();
        es.add(new Case(r, "∂/∂y of log(x) over (x, y) at x = -1 is exactly 0 (f does not depend on y)", XY,
                List.of(X.log()), -1, 0.5)
                .partial(0, new int[] {0, 1}, exactly(0)).gradient(0, 1, exactly(0)).partial(0, new int[] {1, 0}, nan())
                .partial(0, new int[] {0, 2}, exactly(0)).partial(0, new int[] {1, 1}, exactly(0))
                .hessian(1, 1, exactly(0)).hessian(0, 1, exactly(0)).hessian(1, 0, exactly(0))
                .jvp(0, new double[] {0, 1}, exactly(0)).entry());
        es.add(new Case(r, "[log(x), y*sqrt(z)] at (-1, 2, -1): partials by unused variables are exactly 0", XYZ,
                List.of(X.log(), Y.times(Z.sqrt())), -1, 2, -1)
                .partial(0, new int[] {0, 1, 0}, exactly(0)).partial(0, new int[] {0, 0, 1}, exactly(0))
                .partial(1, new int[] {1, 0, 0}, exactly(0)).partial(1, new int[] {2, 0, 0}, exactly(0))
                .jacobian(0, 1, exactly(0)).jacobian(0, 2, exactly(0)).jacobian(1, 0, exactly(0))
                .gradient(1, 0, exactly(0)).entry());
        es.add(new Case(r, "x + 0*log(y) at (1, 0): ∂/∂x = 1 exactly (a zero tangent does not meet log(0))", XY,
                List.of(X.plus(Expression.constant(0).times(Y.log()))), 1, 0).exactOnly(POISON)
                .partial(0, new int[] {1, 0}, exactly(1)).gradient(0, 0, exactly(1)).partial(0, new int[] {2, 0}, exactly(0))
                .entry());
        es.add(new Case(r, "x*y + 0*sqrt(z) at (2, 3, -1): ∂/∂x = 3 and ∂/∂y = 2 exactly", XYZ,
                List.of(X.times(Y).plus(Expression.constant(0).times(Z.sqrt()))), 2, 3, -1).exactOnly(POISON)
                .partial(0, new int[] {1, 0, 0}, exactly(3)).partial(0, new int[] {0, 1, 0}, exactly(2))
                .gradient(0, 0, exactly(3)).gradient(0, 1, exactly(2))
                .jvp(0, new double[] {1, 0, 0}, exactly(3)).jvp(0, new double[] {0, 2, 0}, exactly(4))
                .partial(0, new int[] {1, 1, 0}, exactly(1)).entry());
        return tests(r, "structuralZeros", es);
    }

    /** A call expected to throw a {@link PartialsException} of one kind. */
    private record Bad(String name, Kind kind, String call, Consumer<Derivatives> run, boolean applies) {
    }

    private static Optional<Failure> expectThrows(Bad b, Derivatives d) {
        try {
            b.run().accept(d);
        } catch (PartialsException e) {
            if (e.kind() == b.kind()) {
                return Optional.empty();
            }
            return Failure.of(b.name() + " throws PartialsException of kind " + b.kind(), "kind " + b.kind(),
                    "kind " + e.kind() + ": " + e.getMessage(), "", b.call());
        } catch (RuntimeException e) {
            return Failure.of(b.name() + " throws PartialsException of kind " + b.kind(), "PartialsException of kind "
                    + b.kind(), "threw " + Failure.describe(e), "", b.call());
        }
        return Failure.of(b.name() + " throws PartialsException of kind " + b.kind(), "PartialsException of kind "
                + b.kind(), "returned normally", "", b.call());
    }

    private static Stream<DynamicTest> badTests(Runner r, String property, List<String> variables,
                                                List<Expression> outputs, double[] point, List<Bad> bads) {
        Formula f = Formula.of(variables, outputs);
        Runner.View v = new Runner.View(view(new Entry("", variables, outputs, point, Optional.empty(), d -> Optional.empty())).formula(),
                variables, point);
        return bads.stream().map(b -> DynamicTest.dynamicTest(b.name() + " → " + b.kind(), () -> {
            if (!b.applies()) {
                Assumptions.abort("not within the provider's capabilities");
            }
            Optional<Failure> failure = Runner.guarded(x -> expectThrows(b, r.prepare(x)), f);
            if (failure.isPresent()) {
                Assertions.fail(r.fixedMessage(property, b.name(), v, failure.get()));
            }
        }));
    }

    static Stream<DynamicTest> rejectsBadInput(ProviderContract contract) {
        Runner r = Runner.of(contract);
        List<String> vars = XY;
        List<Expression> outs = List.of(X.pow(2).plus(X.times(Y).times(3)), X.times(Y));
        double[] ok = {1, 2};
        double[] dir = {1, -1};
        boolean hessian = r.hessianSupported(2);
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        MultiIndex dx = MultiIndex.of(1, 0);
        List<Bad> bads = new ArrayList<>();
        for (double[] wrong : List.of(new double[] {1}, new double[] {1, 2, 3}, new double[0])) {
            String w = Text.javaArray(wrong);
            bads.add(new Bad("values at a point of " + wrong.length + " coordinate(s)", Kind.DIMENSION_MISMATCH,
                    "d.values(" + w + ")", d -> d.values(wrong), true));
            bads.add(new Bad("partial at a point of " + wrong.length + " coordinate(s)", Kind.DIMENSION_MISMATCH,
                    partialCall(0, dx, wrong), d -> d.partial(0, dx, wrong), true));
        }
        double[] shortPoint = {1};
        String sp = Text.javaArray(shortPoint);
        bads.add(new Bad("gradient at a point of 1 coordinate", Kind.DIMENSION_MISMATCH, "d.gradient(" + sp + ")",
                d -> d.gradient(shortPoint), true));
        bads.add(new Bad("jacobian at a point of 1 coordinate", Kind.DIMENSION_MISMATCH, "d.jacobian(" + sp + ")",
                d -> d.jacobian(shortPoint), true));
        bads.add(new Bad("hessian at a point of 1 coordinate", Kind.DIMENSION_MISMATCH, "d.hessian(" + sp + ")",
                d -> d.hessian(shortPoint), hessian));
        bads.add(new Bad("jvp at a point of 1 coordinate", Kind.DIMENSION_MISMATCH, "d.jvp(" + sp + ", {1, -1})",
                d -> d.jvp(shortPoint, dir), true));
        bads.add(new Bad("jvp along a direction of 1 component", Kind.DIMENSION_MISMATCH, "d.jvp({1, 2}, " + sp + ")",
                d -> d.jvp(ok, shortPoint), true));
        for (double bad : new double[] {nan, inf, -inf}) {
            double[] p = {1, bad};
            String pt = Text.javaArray(p);
            bads.add(new Bad("values at " + Text.tuple(p), Kind.NON_FINITE_POINT, "d.values(" + pt + ")", d -> d.values(p), true));
            bads.add(new Bad("partial at " + Text.tuple(p), Kind.NON_FINITE_POINT, partialCall(0, dx, p),
                    d -> d.partial(0, dx, p), true));
            bads.add(new Bad("gradient at " + Text.tuple(p), Kind.NON_FINITE_POINT, "d.gradient(" + pt + ")",
                    d -> d.gradient(p), true));
        }
        double[] nanPoint = {nan, 2};
        String np = Text.javaArray(nanPoint);
        bads.add(new Bad("jacobian at (NaN, 2.0)", Kind.NON_FINITE_POINT, "d.jacobian(" + np + ")", d -> d.jacobian(nanPoint), true));
        bads.add(new Bad("hessian at (NaN, 2.0)", Kind.NON_FINITE_POINT, "d.hessian(" + np + ")", d -> d.hessian(nanPoint), hessian));
        bads.add(new Bad("jvp at (NaN, 2.0)", Kind.NON_FINITE_POINT, "d.jvp(" + np + ", {1, -1})", d -> d.jvp(nanPoint, dir), true));
        bads.add(new Bad("jvp along (1.0, Infinity)", Kind.NON_FINITE_POINT, "d.jvp({1, 2}, {1, Double.POSITIVE_INFINITY})",
                d -> d.jvp(ok, new double[] {1, inf}), true));
        bads.add(new Bad("valuesBatch with a NaN coordinate", Kind.NON_FINITE_POINT,
                "d.valuesBatch(new double[][] {{1, 2, 3}, {1, NaN, 3}}, new double[2][3])",
                d -> d.valuesBatch(new double[][] {{1, 2, 3}, {1, nan, 3}}, new double[2][3]), true));
        bads.add(new Bad("gradientBatch with a NaN coordinate", Kind.NON_FINITE_POINT,
                "d.gradientBatch(new double[][] {{1, 2, 3}, {1, 2, NaN}})",
                d -> d.gradientBatch(new double[][] {{1, 2, 3}, {1, 2, nan}}), true));
        bads.add(new Bad("valuesBatch with one column for two variables", Kind.DIMENSION_MISMATCH,
                "d.valuesBatch(new double[][] {{1, 2, 3}}, new double[2][3])",
                d -> d.valuesBatch(new double[][] {{1, 2, 3}}, new double[2][3]), true));
        bads.add(new Bad("partial with a multi-index of 1 count", Kind.DIMENSION_MISMATCH,
                "d.partial(0, MultiIndex.of(1), {1, 2})", d -> d.partial(0, MultiIndex.of(1), ok), true));
        bads.add(new Bad("partial with a multi-index of 3 counts", Kind.DIMENSION_MISMATCH,
                "d.partial(0, MultiIndex.of(1, 0, 0), {1, 2})", d -> d.partial(0, MultiIndex.of(1, 0, 0), ok), true));
        bads.add(new Bad("partial of output 2 of 2", Kind.NO_SUCH_OUTPUT, partialCall(2, dx, ok), d -> d.partial(2, dx, ok), true));
        bads.add(new Bad("partial of output -1", Kind.NO_SUCH_OUTPUT, partialCall(-1, dx, ok), d -> d.partial(-1, dx, ok), true));
        bads.add(new Bad("gradient of output 2 of 2", Kind.NO_SUCH_OUTPUT, "d.gradient(2, {1, 2}, new double[2])",
                d -> d.gradient(2, ok, new double[2]), true));
        bads.add(new Bad("hessian of output 5 of 2", Kind.NO_SUCH_OUTPUT, "d.hessian(5, {1, 2}, new double[4])",
                d -> d.hessian(5, ok, new double[4]), hessian));
        bads.add(new Bad("values into an array of 1 for 2 outputs", Kind.DIMENSION_MISMATCH, "d.values({1, 2}, new double[1])",
                d -> d.values(ok, new double[1]), true));
        bads.add(new Bad("gradient into an array of 1 for 2 variables", Kind.DIMENSION_MISMATCH,
                "d.gradient({1, 2}, new double[1])", d -> d.gradient(ok, new double[1]), true));
        bads.add(new Bad("jacobian into an array of 3 for 2 × 2", Kind.DIMENSION_MISMATCH, "d.jacobian({1, 2}, new double[3])",
                d -> d.jacobian(ok, new double[3]), true));
        return badTests(r, "rejectsBadInput", vars, outs, ok, bads);
    }

    static Stream<DynamicTest> rejectsRequestsBeyondCapabilities(ProviderContract contract) {
        Runner r = Runner.of(contract);
        var caps = r.capabilities;
        List<String> vars = XY;
        List<Expression> outs = List.of(X.pow(3).times(Y).plus(Y.pow(2)));
        double[] ok = {1, 2};
        int beyond = caps.maxOrder() < Limits.MAX_ORDER ? caps.maxOrder() + 1 : -1;
        List<Bad> bads = new ArrayList<>();
        if (beyond > 0) {
            MultiIndex pure = MultiIndex.of(beyond, 0);
            bads.add(new Bad("partial of order maxOrder + 1 = " + beyond, Kind.ORDER_NOT_SUPPORTED,
                    partialCall(0, pure, ok), d -> d.partial(0, pure, ok), true));
            if (beyond >= 2) {
                MultiIndex mixed = MultiIndex.of(beyond - 1, 1);
                bads.add(new Bad("mixed partial of order maxOrder + 1 = " + beyond, Kind.ORDER_NOT_SUPPORTED,
                        partialCall(0, mixed, ok), d -> d.partial(0, mixed, ok), caps.mixedPartials()));
            }
        }
        bads.add(new Bad("hessian from a first-order provider", Kind.ORDER_NOT_SUPPORTED, "d.hessian({1, 2})",
                d -> d.hessian(ok), caps.maxOrder() < 2));
        MultiIndex dxdy = MultiIndex.of(1, 1);
        bads.add(new Bad("mixed partial ∂²/∂x∂y without mixed partials", Kind.NOT_SUPPORTED, partialCall(0, dxdy, ok),
                d -> d.partial(0, dxdy, ok), !caps.mixedPartials() && caps.maxOrder() >= 2));
        bads.add(new Bad("hessian in 2 variables without mixed partials", Kind.NOT_SUPPORTED, "d.hessian({1, 2})",
                d -> d.hessian(ok), !caps.mixedPartials() && caps.maxOrder() >= 2));
        MultiIndex dx = MultiIndex.of(1, 0);
        bads.add(new Bad("partialEstimate without error estimates", Kind.NOT_SUPPORTED,
                "d.partialEstimate(0, MultiIndex.of(1, 0), {1, 2})", d -> d.partialEstimate(0, dx, ok), !caps.errorEstimates()));
        bads.add(new Bad("gradientEstimate without error estimates", Kind.NOT_SUPPORTED, "d.gradientEstimate(1, 2)",
                d -> d.gradientEstimate(ok), !caps.errorEstimates()));
        Stream<DynamicTest> symbolic = Stream.of(DynamicTest.dynamicTest(
                "derivativeExpression is present iff capabilities().symbolicOutput() (" + caps.symbolicOutput() + ")", () -> {
                    Formula f = Formula.of(vars, outs);
                    Optional<Failure> failure = Runner.guarded(x -> {
                        Derivatives d = r.prepare(x);
                        String c = "d.derivativeExpression(0, MultiIndex.of(1, 0))";
                        boolean present = call(c, () -> d.derivativeExpression(0, dx)).isPresent();
                        if (present != caps.symbolicOutput()) {
                            return Failure.of("derivativeExpression is present iff symbolicOutput() is true",
                                    caps.symbolicOutput() ? "present" : "empty", present ? "present" : "empty", "", c);
                        }
                        return Optional.empty();
                    }, f);
                    if (failure.isPresent()) {
                        Assertions.fail(r.fixedMessage("rejectsRequestsBeyondCapabilities", "symbolic output",
                                new Runner.View(Text.of(outs.get(0)), vars, ok), failure.get()));
                    }
                }));
        Stream<DynamicTest> within = Stream.of(DynamicTest.dynamicTest(
                "serves every request within its capabilities (" + caps.summary() + ")", () -> {
                    Formula f = Formula.of(vars, outs);
                    Optional<Failure> failure = Runner.guarded(x -> {
                        Derivatives d = r.prepare(x);
                        for (MultiIndex index : Properties.allIndices(2, r.maxOrder(4), caps.mixedPartials())) {
                            call(partialCall(0, index, ok), () -> d.partial(0, index, ok));
                        }
                        if (caps.errorEstimates()) {
                            call("d.partialEstimate(0, MultiIndex.of(1, 0), {1, 2})", () -> d.partialEstimate(0, dx, ok));
                        }
                        return Optional.empty();
                    }, f);
                    if (failure.isPresent()) {
                        Assertions.fail(r.fixedMessage("rejectsRequestsBeyondCapabilities", "a request within capabilities",
                                new Runner.View(Text.of(outs.get(0)), vars, ok), failure.get()));
                    }
                }));
        return Stream.concat(Stream.concat(badTests(r, "rejectsRequestsBeyondCapabilities", vars, outs, ok, bads), symbolic),
                within);
    }
}
