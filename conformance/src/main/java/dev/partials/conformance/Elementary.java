package dev.partials.conformance;

import static dev.partials.conformance.Runner.call;

import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.Unary;
import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The property {@code elementaryFunctionsMatchDerivativeTable}: {@code f(p(x))} for an elementary
 * function f and a random quadratic polynomial p, against the chain rule {@code f'(p(x))·∂p/∂x_j}
 * with f' and f'' from a table written here, independently of {@link Op}.
 */
final class Elementary {

    /** The largest first partial of the inner polynomial at the point. */
    static final double MAX_SLOPE = 8;

    private Elementary() {
    }

    /** A smooth elementary function, its first two derivatives and the arguments where they are well conditioned. */
    enum Function {
        SIN(Op.SIN, v -> Math.abs(v) <= 10, Math::sin, Math::cos, v -> -Math.sin(v)),
        COS(Op.COS, v -> Math.abs(v) <= 10, Math::cos, v -> -Math.sin(v), v -> -Math.cos(v)),
        TAN(Op.TAN, v -> Math.abs(v) <= 10 && Math.abs(Math.cos(v)) >= 0.5, Math::tan,
                v -> 1 / (Math.cos(v) * Math.cos(v)), v -> 2 * Math.tan(v) / (Math.cos(v) * Math.cos(v))),
        ASIN(Op.ASIN, v -> Math.abs(v) <= 0.75, Math::asin, v -> 1 / Math.sqrt(1 - v * v),
                v -> v / Math.pow(1 - v * v, 1.5)),
        ACOS(Op.ACOS, v -> Math.abs(v) <= 0.75, Math::acos, v -> -1 / Math.sqrt(1 - v * v),
                v -> -v / Math.pow(1 - v * v, 1.5)),
        ATAN(Op.ATAN, v -> Math.abs(v) <= 10, Math::atan, v -> 1 / (1 + v * v), v -> -2 * v / ((1 + v * v) * (1 + v * v))),
        SINH(Op.SINH, v -> Math.abs(v) <= 10, Math::sinh, Math::cosh, Math::sinh),
        COSH(Op.COSH, v -> Math.abs(v) <= 10, Math::cosh, Math::sinh, Math::cosh),
        TANH(Op.TANH, v -> Math.abs(v) <= 10, Math::tanh, v -> 1 / (Math.cosh(v) * Math.cosh(v)),
                v -> -2 * Math.tanh(v) / (Math.cosh(v) * Math.cosh(v))),
        EXP(Op.EXP, v -> Math.abs(v) <= 10, Math::exp, Math::exp, Math::exp),
        LOG(Op.LOG, v -> v >= 0.1 && v <= 100, Math::log, v -> 1 / v, v -> -1 / (v * v)),
        SQRT(Op.SQRT, v -> v >= 0.1 && v <= 100, Math::sqrt, v -> 0.5 / Math.sqrt(v), v -> -0.25 / (v * Math.sqrt(v))),
        SIGMOID(Op.SIGMOID, v -> Math.abs(v) <= 10, v -> 1 / (1 + Math.exp(-v)),
                v -> Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))),
                v -> {
                    double s = 1 / (1 + Math.exp(-v));
                    return s * (1 - s) * (1 - 2 * s);
                }),
        SOFTPLUS(Op.SOFTPLUS, v -> Math.abs(v) <= 10, v -> Math.log1p(Math.exp(v)), v -> 1 / (1 + Math.exp(-v)),
                v -> {
                    double s = 1 / (1 + Math.exp(-v));
                    return s * (1 - s);
                });

        final Op op;
        final DoublePredicate domain;
        final DoubleUnaryOperator value;
        final DoubleUnaryOperator first;
        final DoubleUnaryOperator second;
        /**
         * The scale of the absolute error allowed in f' beyond its relative error: the standard
         * formulas through the value, {@code tanh' = 1 - tanh²} and {@code sigmoid' = s·(1 - s)}, are
         * accurate to a few u absolutely but lose relative accuracy where tanh → ±1 and s → 1.
         */
        final DoubleUnaryOperator absoluteError;

        Function(Op op, DoublePredicate domain, DoubleUnaryOperator value, DoubleUnaryOperator first,
                 DoubleUnaryOperator second) {
            this.op = op;
            this.domain = domain;
            this.value = value;
            this.first = first;
            this.second = second;
            this.absoluteError = switch (op) {
                case TANH -> v -> 1;
                case SIGMOID -> v -> 1 / (1 + Math.exp(-v));
                default -> v -> 0;
            };
        }
    }

    /** {@code function(inner formula)}, differentiated by the inner case's (first-order) index. */
    record Case(Function function, PolynomialCase inner) {
        Expression expression() {
            return new Unary(function.op, inner.formula().expression(0));
        }

        /**
         * Whether the case is well conditioned: a first-order index, p(x) where f is gentle, and
         * every first partial of p at most {@value #MAX_SLOPE} in magnitude (a steep inner function
         * tests a difference quotient's step choice, not the derivative table).
         */
        boolean valid() {
            if (inner.index().order() != 1) {
                return false;
            }
            ExactOracle o = ExactOracle.of(inner.formula());
            double v = o.value(0, inner.point()).doubleValue();
            if (!function.domain.test(v)) {
                return false;
            }
            int n = inner.formula().dimension();
            for (int j = 0; j < n; j++) {
                if (Math.abs(o.partial(0, MultiIndex.unit(n, j), inner.point()).doubleValue()) > MAX_SLOPE) {
                    return false;
                }
            }
            return true;
        }
    }

    static Generator<Case> cases() {
        Generator<PolynomialCase> inner = Generators.polynomialCases(new PolynomialSpec(1, 3, 2, 1, 1), 1, 1, false);
        Generator<Function> functions = Generator.oneOf(List.of(Function.values()));
        Generator<Case> any = random -> new Case(functions.next(random), inner.next(random));
        return any.filter(Case::valid, 10_000);
    }

    static Stream<DynamicTest> elementaryFunctionsMatchDerivativeTable(ProviderContract contract) {
        Runner r = Runner.of(contract);
        Shrinker<Case> shrinker = Shrinker.polynomialCases().on(Case::inner, (c, inner) -> new Case(c.function(), inner));
        return r.random("elementaryFunctionsMatchDerivativeTable", r.settings.tries(), cases(), shrinker,
                c -> new Runner.View(Text.of(c.expression()), c.inner().formula().variables(), c.inner().point().doubles()),
                c -> check(r, c));
    }

    private static Optional<Failure> check(Runner r, Case c) {
        if (!c.valid()) {
            return Optional.empty(); // a shrink step left the function's well-conditioned domain
        }
        PolynomialFormula p = c.inner().formula();
        Function fn = c.function();
        double[] x = c.inner().point().doubles();
        int n = x.length;
        MultiIndex zero = MultiIndex.zero(n);
        MultiIndex index = c.inner().index();
        ExactOracle o = ExactOracle.of(p);
        ExactOracle.Answer a0 = o.value(0, c.inner().point());
        ExactOracle.Answer a1 = o.partial(0, index, c.inner().point());
        double v = a0.doubleValue();
        double g = a1.doubleValue();
        double f0 = fn.value.applyAsDouble(v);
        double f1 = fn.first.applyAsDouble(v);
        double f2 = fn.second.applyAsDouble(v);
        // Errors of the provider's p(x) and ∂p/∂x_j (and of rounding them once more), propagated through f.
        double tolP = Tolerances.exact(Tolerances.depth(p.expression(0), zero), a0.conditioning().doubleValue())
                + Tolerances.U * Math.abs(v);
        double tolG = Tolerances.exact(Tolerances.depth(p.expression(0), index), a1.conditioning().doubleValue())
                + Tolerances.U * Math.abs(g);
        double tolValue = 2 * Math.abs(f1) * tolP + 8 * Tolerances.U * Math.abs(f0);
        double tolPartial = 2 * Math.abs(f2) * tolP * Math.abs(g) + Math.abs(f1) * tolG + 32 * Tolerances.U * Math.abs(f1 * g)
                + 8 * Tolerances.U * fn.absoluteError.applyAsDouble(v) * Math.abs(g);
        if (!r.exact()) {
            tolValue += r.contract.approximateTolerance(0) * (Math.abs(f1) * o.scale(0, zero, x) + Math.abs(f0));
            tolPartial += r.contract.approximateTolerance(1)
                    * (Math.abs(f1) * o.scale(0, index, x) + Math.abs(f2) * Math.abs(g) * o.scale(0, zero, x) + Math.abs(f1 * g)
                    + Math.abs(f0));
        }
        Derivatives d = r.prepare(Formula.of(p.variables(), c.expression()));
        String vc = "d.values(" + Text.javaArray(x) + ")[0]";
        double value = call(vc, () -> d.values(x))[0];
        Optional<Failure> f = Tolerances.compareDoubles("the value " + fn.op.symbol() + "(p) with p = " + v, f0, value,
                tolValue, vc);
        if (f.isPresent()) {
            return f;
        }
        String pc = Runner.partialCall(0, index, x);
        double partial = call(pc, () -> d.partial(0, index, x));
        return Tolerances.compareDoubles(Text.partialName(index, p.variables()) + " = " + fn.op.symbol()
                + "'(p)·∂p with p = " + v + ", ∂p = " + g, f1 * g, partial, tolPartial, pc);
    }
}
