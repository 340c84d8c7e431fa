package dev.partials.symbolic;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.MathConstant;
import dev.partials.Op;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded random expressions for the property tests, with two independent oracles: exact rational
 * evaluation of an expression as written, and {@code double} evaluation with a first-order running
 * error bound.
 *
 * <p>Seed and number of tries come from {@code -Dpartials.seed} and {@code -Dpartials.tries}.
 */
final class RandomExpressions {

    /** What an expression may contain. */
    enum Kind {
        /** +, −, ×, ÷, negation and integer powers of rational constants and variables. */
        RATIONAL,
        /** Also the smooth functions, π, and powers with variable exponents. */
        ELEMENTARY,
        /** Also abs, relu, min and max. */
        WITH_KINKS
    }

    private static final Op[] SMOOTH = {Op.SIN, Op.COS, Op.EXP, Op.LOG, Op.SQRT, Op.TANH, Op.ATAN, Op.SIGMOID,
        Op.SOFTPLUS, Op.SINH, Op.ASIN};
    private static final Op[] KINKS = {Op.ABS, Op.RELU, Op.MIN, Op.MAX};

    private RandomExpressions() {
    }

    static long seed() {
        return Long.getLong("partials.seed", 20261126L);
    }

    static int tries() {
        return Integer.getInteger("partials.tries", 100);
    }

    /** The random source of try {@code i}: reproducible from the seed alone. */
    static RandomGenerator random(int i) {
        return new SplittableRandom(seed() * 0x9E3779B97F4A7C15L + i);
    }

    /**
     * An expression of about {@code operations} operations over {@code variables}, built bottom-up
     * from a pool, so operands are often shared (a DAG, as traced code builds).
     */
    static Expression next(RandomGenerator r, List<String> variables, int operations, Kind kind) {
        List<Expression> pool = new ArrayList<>();
        for (String v : variables) {
            pool.add(new Variable(v));
        }
        pool.add(constant(r));
        Expression last = pool.get(0);
        java.util.Set<Expression> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < operations; i++) {
            Expression a = pick(r, pool);
            Expression b = pick(r, pool);
            used.add(a);
            used.add(b);
            int choice = r.nextInt(kind == Kind.RATIONAL ? 7 : kind == Kind.ELEMENTARY ? 10 : 11);
            last = switch (choice) {
                case 0, 1 -> new Binary(Op.ADD, a, b);
                case 2 -> new Binary(Op.SUBTRACT, a, b);
                case 3, 4 -> new Binary(Op.MULTIPLY, a, r.nextInt(3) == 0 ? constant(r) : b);
                case 5 -> r.nextInt(3) == 0 ? new Binary(Op.DIVIDE, a, b) : new Unary(Op.NEGATE, a);
                case 6 -> new Binary(Op.POWER, a, new Constant(Rational.of(r.nextInt(-2, 4))));
                case 7, 8 -> new Unary(SMOOTH[r.nextInt(SMOOTH.length)], a);
                case 9 -> r.nextBoolean() ? new Binary(Op.MULTIPLY, a, MathConstant.PI)
                        : new Binary(Op.POWER, new Unary(Op.EXP, a), new Variable(variables.get(0)));
                default -> {
                    Op k = KINKS[r.nextInt(KINKS.length)];
                    yield k.arity() == 1 ? new Unary(k, a) : new Binary(k, a, b);
                }
            };
            pool.add(last);
        }
        // every operation takes part: add the results no later operation used
        Expression result = last;
        for (Expression e : pool) {
            if (e != last && !used.contains(e) && (e instanceof Unary || e instanceof Binary)) {
                result = new Binary(Op.ADD, result, e);
            }
        }
        return result;
    }

    private static Expression pick(RandomGenerator r, List<Expression> pool) {
        // favour recent nodes, so expressions grow deep as well as wide
        int n = pool.size();
        return pool.get(r.nextBoolean() ? n - 1 - r.nextInt(Math.min(n, 3)) : r.nextInt(n));
    }

    private static Expression constant(RandomGenerator r) {
        return new Constant(Rational.of(r.nextInt(-5, 6), r.nextInt(1, 4)));
    }

    /** A rational point: coordinates k/d with |k| ≤ 9 and d ≤ 4. */
    static Rational[] rationalPoint(RandomGenerator r, int n) {
        Rational[] p = new Rational[n];
        for (int j = 0; j < n; j++) {
            p[j] = Rational.of(r.nextInt(-9, 10), r.nextInt(1, 5));
        }
        return p;
    }

    /** A point in [-2, 2]^n. */
    static double[] point(RandomGenerator r, int n) {
        double[] p = new double[n];
        for (int j = 0; j < n; j++) {
            p[j] = r.nextDouble(-2, 2);
        }
        return p;
    }

    /**
     * The exact value of a rational expression as written (no simplification), or null where it is
     * undefined (a division by zero).
     */
    static Rational exact(Expression e, List<String> variables, Rational[] point) {
        Map<Expression, Rational> value = new IdentityHashMap<>();
        for (Expression x : dev.partials.spi.Traversal.postOrder(List.of(e))) {
            Rational v = switch (x) {
                case Constant c -> c.value();
                case Variable w -> point[variables.indexOf(w.name())];
                case Unary u when u.op() == Op.NEGATE -> neg(value.get(u.operand()));
                case Binary b -> binary(b.op(), value.get(b.left()), value.get(b.right()));
                default -> throw new IllegalArgumentException("not rational: " + x);
            };
            if (v == null) {
                return null;
            }
            value.put(x, v);
        }
        return value.get(e);
    }

    private static Rational neg(Rational a) {
        return a == null ? null : a.negate();
    }

    private static Rational binary(Op op, Rational a, Rational b) {
        if (a == null || b == null) {
            return null;
        }
        return switch (op) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case DIVIDE -> b.signum() == 0 ? null : a.divide(b);
            case POWER -> a.signum() == 0 && b.signum() < 0 ? null : a.pow(b.numerator().intValueExact());
            default -> throw new IllegalArgumentException("not rational: " + op);
        };
    }

    /** A value in {@code double} and a bound on its rounding error. */
    record Bounded(double value, double error) {
    }

    /**
     * The {@code double} value of {@code e} as the reference interpreter computes it, with a
     * first-order running error bound (Wilkinson): each operation adds one ulp of its result (library
     * functions are within one ulp) to the propagated errors of its operands, weighted by the
     * absolute partials of the operation (from {@link Op}). Constants carry half an ulp.
     */
    static Bounded bounded(Expression e, List<String> variables, double[] point) {
        Map<Expression, Bounded> value = new IdentityHashMap<>();
        for (Expression x : dev.partials.spi.Traversal.postOrder(List.of(e))) {
            Bounded v = switch (x) {
                case Constant c -> new Bounded(c.value().doubleValue(), Math.ulp(c.value().doubleValue()) / 2);
                case MathConstant m -> new Bounded(m.doubleValue(), Math.ulp(m.doubleValue()) / 2);
                case Variable w -> new Bounded(point[variables.indexOf(w.name())], 0);
                case Unary u -> {
                    Bounded a = value.get(u.operand());
                    double r = u.op().apply(a.value());
                    yield new Bounded(r, propagate(u.op().derivative(a.value(), r), a.error()) + Math.ulp(r));
                }
                case Binary b -> {
                    Bounded a = value.get(b.left());
                    Bounded c = value.get(b.right());
                    double r = b.op().apply(a.value(), c.value());
                    yield new Bounded(r, propagate(b.op().partialLeft(a.value(), c.value(), r), a.error())
                            + propagate(b.op().partialRight(a.value(), c.value(), r), c.error()) + Math.ulp(r));
                }
            };
            value.put(x, v);
        }
        return value.get(e);
    }

    private static double propagate(double partial, double error) {
        return error == 0 ? 0 : Math.abs(partial) * error;
    }
}
