package dev.partials.conformance;

import dev.partials.Binary;
import dev.partials.Capabilities;
import dev.partials.Constant;
import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.PartialDerivative;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.Variable;
import dev.partials.spi.Checks;
import dev.partials.spi.Program;
import dev.partials.spi.Traversal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test-only provider, correct by construction and slow: first order by forward mode over the
 * {@link Program} with {@link Op}'s derivative functions (operands that do not depend on the variable
 * are skipped: structural zeros), higher orders by naive symbolic differentiation of the expression
 * DAG, evaluated by the Program interpreter. A {@link Mutation} plants one deliberate bug, so the
 * kit's own tests can check that the contract catches it.
 */
final class ReferenceProvider implements PartialDerivative {

    /** One deliberate bug, or none. */
    enum Mutation {
        NONE,
        /** d(a*b) = da*b - a*db. */
        PRODUCT_RULE_MINUS,
        /** d sin = -cos. */
        SIN_DERIVATIVE_NEGATED,
        /** ∂/∂x_j returns ∂/∂x_{j+1} (cyclically). */
        OFF_BY_ONE_VARIABLE,
        /** d(a*b) = da*b: the a*db term is missing. */
        MISSING_PRODUCT_TERM,
        /** Mixed partials such as ∂²/∂x∂y are 0. */
        MIXED_PARTIALS_ZERO,
        /** Forward mode multiplies zero tangents by partials that may be NaN or infinite. */
        NO_STRUCTURAL_SKIP,
        /** abs'(0) = 1. */
        ABS_KINK_ONE,
        /** Points are not checked: a NaN coordinate gives NaN, not NON_FINITE_POINT. */
        NO_POINT_CHECKS,
        /** valuesBatch handles chunks of 8 points and forgets the tail. */
        BATCH_DROPS_TAIL,
        /** jvp(point, direction, out) adds to out instead of overwriting it. */
        JVP_TWIN_ACCUMULATES,
        /** A workspace shared by all threads: not thread-safe. */
        SHARED_WORKSPACE,
        /** d(a/b) = (da*b + a*db)/b²: the quotient rule with a plus (only nested expressions divide). */
        QUOTIENT_RULE_PLUS
    }

    /** Exact, order <= 6, mixed, symbolic output. */
    static final Capabilities FULL = new Capabilities(true, 6, true, false, true, false);

    private final String id;
    private final Capabilities capabilities;
    private final Mutation mutation;

    ReferenceProvider(String id, Capabilities capabilities, Mutation mutation) {
        this.id = id;
        this.capabilities = capabilities;
        this.mutation = mutation;
    }

    /** The correct reference provider. */
    static ReferenceProvider correct() {
        return new ReferenceProvider("reference", FULL, Mutation.NONE);
    }

    /** The reference provider with {@code mutation}. */
    static ReferenceProvider wrong(Mutation mutation) {
        return new ReferenceProvider("reference-" + mutation.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                FULL, mutation);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Derivatives prepare(Formula formula) {
        return new Prepared(formula);
    }

    private record Key(int output, MultiIndex index) {
    }

    private final class Prepared implements Derivatives {
        private final Formula formula;
        private final Program program;
        private final Map<Key, Expression> symbolic = new ConcurrentHashMap<>();
        private final Map<Key, Program> compiled = new ConcurrentHashMap<>();
        private final double[] shared;

        Prepared(Formula formula) {
            this.formula = formula;
            this.program = formula.program();
            this.shared = new double[program.size()];
        }

        @Override
        public Formula formula() {
            return formula;
        }

        @Override
        public PartialDerivative provider() {
            return ReferenceProvider.this;
        }

        private void checkPoint(double[] point) {
            if (mutation == Mutation.NO_POINT_CHECKS) {
                if (point.length != formula.dimension()) {
                    Checks.point(formula, point);
                }
                return;
            }
            Checks.point(formula, point);
        }

        @Override
        public void values(double[] point, double[] out) {
            checkPoint(point);
            Checks.length("values", out, formula.outputCount());
            double[] work = new double[program.size()];
            double[] all = new double[formula.outputCount()];
            program.evaluate(point, work, all);
            System.arraycopy(all, 0, out, 0, all.length);
        }

        @Override
        public double partial(int output, MultiIndex index, double[] point) {
            Checks.output(formula, output);
            checkPoint(point);
            Checks.index(id, capabilities, formula, index);
            if (mutation == Mutation.OFF_BY_ONE_VARIABLE && index.order() > 0) {
                int n = index.dimension();
                int[] c = new int[n];
                for (int j = 0; j < n; j++) {
                    c[(j + 1) % n] = index.count(j);
                }
                index = MultiIndex.of(c);
            }
            if (mutation == Mutation.MIXED_PARTIALS_ZERO && index.isMixed()) {
                return 0;
            }
            if (index.order() == 0) {
                return values(point)[output];
            }
            if (index.order() == 1) {
                return forward(output, index.firstVariable(), point);
            }
            Key key = new Key(output, index);
            Program p = compiled.get(key);
            if (p == null) {
                p = Formula.of(formula.variables(), symbolic(output, index)).program();
                compiled.putIfAbsent(key, p);
            }
            return p.evaluate(point)[0];
        }

        /** ∂f_output/∂x_j by forward mode over the program. */
        private double forward(int output, int j, double[] point) {
            int size = program.size();
            double[] v;
            if (mutation == Mutation.SHARED_WORKSPACE) {
                v = shared;
                program.evaluate(point, v, new double[formula.outputCount()]);
                Thread.yield();
            } else {
                v = new double[size];
                program.evaluate(point, v, new double[formula.outputCount()]);
            }
            boolean skip = mutation != Mutation.NO_STRUCTURAL_SKIP;
            double[] t = new double[size];
            for (int s = 0; s < size; s++) {
                if (program.isInput(s)) {
                    t[s] = s == j ? 1 : 0;
                    continue;
                }
                if (program.isConstant(s) || (skip && !program.dependsOn(s, j))) {
                    continue;
                }
                Op op = program.op(s);
                if (op == Op.ADD) {
                    double sum = 0;
                    for (int k = 0; k < program.operandCount(s); k++) {
                        int a = program.operand(s, k);
                        if (!skip || program.dependsOn(a, j)) {
                            sum += t[a];
                        }
                    }
                    t[s] = sum;
                } else if (op.arity() == 1) {
                    int a = program.operand(s, 0);
                    double d = op.derivative(v[a], v[s]);
                    if (op == Op.SIN && mutation == Mutation.SIN_DERIVATIVE_NEGATED) {
                        d = -d;
                    }
                    if (op == Op.ABS && v[a] == 0 && mutation == Mutation.ABS_KINK_ONE) {
                        d = 1;
                    }
                    t[s] = d * t[a];
                } else {
                    int a = program.operand(s, 0);
                    int b = program.operand(s, 1);
                    double left = !skip || program.dependsOn(a, j) ? op.partialLeft(v[a], v[b], v[s]) * t[a] : 0;
                    double right = !skip || program.dependsOn(b, j) ? op.partialRight(v[a], v[b], v[s]) * t[b] : 0;
                    if (op == Op.MULTIPLY && mutation == Mutation.PRODUCT_RULE_MINUS) {
                        t[s] = left - right;
                    } else if (op == Op.MULTIPLY && mutation == Mutation.MISSING_PRODUCT_TERM) {
                        t[s] = left;
                    } else if (op == Op.DIVIDE && mutation == Mutation.QUOTIENT_RULE_PLUS) {
                        t[s] = left - right;
                    } else {
                        t[s] = left + right;
                    }
                }
            }
            return t[program.outputSlot(output)];
        }

        /** ∂^index f_output as an expression: the last variable's derivative of the next lower index. */
        private Expression symbolic(int output, MultiIndex index) {
            if (index.order() == 0) {
                return formula.output(output);
            }
            Key key = new Key(output, index);
            Expression e = symbolic.get(key);
            if (e == null) {
                int[] c = index.counts();
                int j = c.length - 1;
                while (c[j] == 0) {
                    j--;
                }
                c[j]--;
                e = derivative(symbolic(output, MultiIndex.of(c)), formula.variables().get(j));
                symbolic.putIfAbsent(key, e);
            }
            return e;
        }

        @Override
        public Optional<Expression> derivativeExpression(int output, MultiIndex index) {
            Checks.output(formula, output);
            Checks.index(id, capabilities, formula, index);
            return capabilities.symbolicOutput() ? Optional.of(symbolic(output, index)) : Optional.empty();
        }

        @Override
        public void valuesBatch(double[][] points, double[][] values) {
            if (mutation != Mutation.BATCH_DROPS_TAIL) {
                Derivatives.super.valuesBatch(points, values);
                return;
            }
            int count = Checks.batch(formula, points);
            int m = formula.outputCount();
            double[] point = new double[formula.dimension()];
            for (int p = 0; p < count - count % 8; p++) {
                for (int j = 0; j < point.length; j++) {
                    point[j] = points[j][p];
                }
                double[] v = values(point);
                for (int k = 0; k < m; k++) {
                    values[k][p] = v[k];
                }
            }
        }

        @Override
        public void jvp(double[] point, double[] direction, double[] out) {
            if (mutation != Mutation.JVP_TWIN_ACCUMULATES) {
                Derivatives.super.jvp(point, direction, out);
                return;
            }
            double[] fresh = new double[formula.outputCount()];
            Derivatives.super.jvp(point, direction, fresh);
            for (int k = 0; k < fresh.length; k++) {
                out[k] += fresh[k];
            }
        }
    }

    /** ∂e/∂name, by the textbook rules, simplifying around the constants 0 and 1. Iterative over the DAG. */
    Expression derivative(Expression e, String name) {
        Map<Expression, Expression> d = new IdentityHashMap<>();
        Map<Expression, Boolean> depends = new IdentityHashMap<>();
        for (Expression node : Traversal.postOrder(List.of(e))) {
            boolean dep = switch (node) {
                case Variable v -> v.name().equals(name);
                default -> Traversal.operands(node).stream().anyMatch(depends::get);
            };
            depends.put(node, dep);
            d.put(node, dep ? rule(node, d, depends) : Constant.ZERO);
        }
        return d.get(e);
    }

    private Expression rule(Expression node, Map<Expression, Expression> d, Map<Expression, Boolean> depends) {
        return switch (node) {
            case Variable v -> Constant.ONE;
            case Unary u -> {
                Expression a = u.operand();
                Expression da = d.get(a);
                Expression outer = switch (u.op()) {
                    case NEGATE -> c(-1);
                    case SIN -> mutation == Mutation.SIN_DERIVATIVE_NEGATED ? neg(a.cos()) : a.cos();
                    case COS -> neg(a.sin());
                    case TAN -> add(c(1), a.tan().pow(2));
                    case ASIN -> div(c(1), sub(c(1), a.pow(2)).sqrt());
                    case ACOS -> neg(div(c(1), sub(c(1), a.pow(2)).sqrt()));
                    case ATAN -> div(c(1), add(c(1), a.pow(2)));
                    case SINH -> a.cosh();
                    case COSH -> a.sinh();
                    case TANH -> sub(c(1), a.tanh().pow(2));
                    case EXP -> a.exp();
                    case LOG -> div(c(1), a);
                    case SQRT -> div(c(1), mul(c(2), a.sqrt()));
                    case ABS -> div(a, a.abs());
                    case SIGMOID -> mul(a.sigmoid(), sub(c(1), a.sigmoid()));
                    case RELU -> div(a.relu(), a);
                    case SOFTPLUS -> a.sigmoid();
                    default -> throw new IllegalStateException("unary " + u.op());
                };
                yield mul(outer, da);
            }
            case Binary b -> {
                Expression a = b.left();
                Expression c = b.right();
                Expression da = d.get(a);
                Expression dc = d.get(c);
                boolean depA = depends.get(a);
                boolean depC = depends.get(c);
                yield switch (b.op()) {
                    case ADD -> add(da, dc);
                    case SUBTRACT -> sub(da, dc);
                    case MULTIPLY -> switch (mutation) {
                        case PRODUCT_RULE_MINUS -> sub(mul(da, c), mul(a, dc));
                        case MISSING_PRODUCT_TERM -> mul(da, c);
                        default -> add(mul(da, c), mul(a, dc));
                    };
                    case DIVIDE -> depC ? div(mutation == Mutation.QUOTIENT_RULE_PLUS ? add(mul(da, c), mul(a, dc))
                            : sub(mul(da, c), mul(a, dc)), c.pow(2)) : div(da, c);
                    case POWER -> {
                        if (!depC) {
                            if (c instanceof Constant k) {
                                Rational r = k.value();
                                if (r.signum() == 0) {
                                    yield Constant.ZERO;
                                }
                                Rational r1 = r.subtract(Rational.ONE);
                                Expression base = r1.equals(Rational.ONE) ? a : a.pow(Expression.constant(r1));
                                yield mul(mul(Expression.constant(r), base), da);
                            }
                            yield mul(mul(c, a.pow(sub(c, c(1)))), da);
                        }
                        Expression logPart = mul(dc, a.log());
                        yield mul(b, depA ? add(logPart, div(mul(c, da), a)) : logPart);
                    }
                    case ATAN2 -> div(sub(mul(c, da), mul(a, dc)), add(c.pow(2), a.pow(2)));
                    // the branch taken, away from ties: (da + dc)/2 ∓ (da - dc)·sign(a - c)/2
                    case MIN, MAX -> {
                        Expression sign = div(sub(a, c), sub(a, c).abs());
                        Expression half = mul(sub(da, dc), sign);
                        yield div(b.op() == Op.MIN ? sub(add(da, dc), half) : add(add(da, dc), half), c(2));
                    }
                    default -> throw new UnsupportedOperationException("reference provider: no symbolic rule for " + b.op());
                };
            }
            default -> Constant.ZERO;
        };
    }

    private static Expression c(long v) {
        return Expression.constant(v);
    }

    private static boolean isConstant(Expression e, long v) {
        return e instanceof Constant k && k.value().equals(Rational.of(v));
    }

    private static Expression add(Expression a, Expression b) {
        if (isConstant(a, 0)) {
            return b;
        }
        if (isConstant(b, 0)) {
            return a;
        }
        if (a instanceof Constant x && b instanceof Constant y) {
            return Expression.constant(x.value().add(y.value()));
        }
        return a.plus(b);
    }

    private static Expression sub(Expression a, Expression b) {
        if (isConstant(b, 0)) {
            return a;
        }
        if (isConstant(a, 0)) {
            return neg(b);
        }
        if (a instanceof Constant x && b instanceof Constant y) {
            return Expression.constant(x.value().subtract(y.value()));
        }
        return a.minus(b);
    }

    private static Expression neg(Expression a) {
        if (a instanceof Constant x) {
            return Expression.constant(x.value().negate());
        }
        if (a instanceof Unary u && u.op() == Op.NEGATE) {
            return u.operand();
        }
        return a.negate();
    }

    private static Expression mul(Expression a, Expression b) {
        if (isConstant(a, 0) || isConstant(b, 0)) {
            return Constant.ZERO;
        }
        if (isConstant(a, 1)) {
            return b;
        }
        if (isConstant(b, 1)) {
            return a;
        }
        if (isConstant(a, -1)) {
            return neg(b);
        }
        if (a instanceof Constant x && b instanceof Constant y) {
            return Expression.constant(x.value().multiply(y.value()));
        }
        return a.times(b);
    }

    private static Expression div(Expression a, Expression b) {
        if (isConstant(a, 0)) {
            return Constant.ZERO;
        }
        if (isConstant(b, 1)) {
            return a;
        }
        return a.div(b);
    }
}
