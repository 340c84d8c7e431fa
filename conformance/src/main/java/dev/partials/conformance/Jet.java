package dev.partials.conformance;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.MathConstant;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.Unary;
import dev.partials.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kit's own truncated multivariate Taylor arithmetic in {@code double}, with two companions that
 * bound what a provider may get wrong: a <em>magnitude</em> jet and a <em>running error</em> jet.
 *
 * <p>A jet holds, for every multi-index α of order at most K, the Taylor coefficient
 * {@code ∂^α f / α!} of a function at a point. Sums add coefficients, products are truncated Cauchy
 * products, and a unary function f is composed through its univariate Taylor coefficients
 * {@code φ_k = f^(k)(a₀)/k!}: {@code f(a) = Σ_k φ_k·(a − a₀)^k} (Griewank and Walther, <i>Evaluating
 * Derivatives</i>, 2nd ed., ch. 13). The derivatives {@code f^(k)} come from a table written here,
 * independently of {@link Op} and of every provider: closed forms for sin, cos, sinh, cosh, exp, log
 * and powers, and for tan, tanh, sigmoid, atan and asin the recurrences of their derivatives as
 * polynomials ({@code tan' = 1 + tan²}, {@code tanh' = 1 − tanh²}, {@code σ' = σ − σ²},
 * {@code atan^(k) = P_k(a)/(1+a²)^k}, {@code asin^(k) = P_k(a)/(1−a²)^(k−½)}).
 *
 * <p>The <b>magnitude</b> jet M is the same computation on absolute values: {@code |c|} for a
 * constant, {@code M_a + M_b} for {@code a ± b}, {@code M_a·M_b}, and {@code Σ |φ_k|·M_h^k}. It is
 * the sum of the absolute values of every term of the Leibniz and Faà di Bruno expansions, the scale
 * against which rounding errors are measured (Higham, <i>Accuracy and Stability of Numerical
 * Algorithms</i>, 2nd ed., §3.1 and §3.3, running error analysis).
 *
 * <p>The <b>error</b> jet E, in units of u = 2^-53, bounds the rounding error of each coefficient to
 * first order: every operation adds its own rounding ({@code M} of its result for a sum,
 * {@code 2·L_α} times it for a product whose coefficient α sums {@code L_α = Π(α_j + 1)} products) and
 * propagates the errors of its operands through the magnitudes ({@code E_a·M_b + M_a·E_b}); a
 * function adds the error of its argument's value through the next derivative
 * ({@code (k+1)·|φ_{k+1}|·E_a₀}), the propagated error of the powers of {@code a − a₀}, and
 * {@value #FUNCTION_ULPS} u times the <em>absolute form</em> Φ_k of its derivative (the derivative
 * polynomial with absolute coefficients at the absolute value, so {@code 1 − tanh²} is charged
 * {@code 1 + tanh²}: a provider computing it that way is accurate only absolutely).
 */
final class Jet {

    /** The ulps charged for a library function and for the formula of its derivative. */
    static final double FUNCTION_ULPS = 4;

    /** Every multi-index of dimension n and order at most K, and the table of their products. */
    static final class Layout {
        private static final Map<Long, Layout> CACHE = new ConcurrentHashMap<>();

        final int dimension;
        final int order;
        final int size;
        final int[][] indices;
        final int[] orders;
        final double[] factorials;
        /** For each slot, 2·L_α + 1: the roundings of one Cauchy coefficient's sum of products. */
        final double[] roundings;
        /** For each slot s, pairs (i, j) with α_i + α_j = α_s, flattened. */
        final int[][] products;
        private final Map<MultiIndex, Integer> slots = new ConcurrentHashMap<>();

        private Layout(int dimension, int order) {
            this.dimension = dimension;
            this.order = order;
            List<int[]> all = new ArrayList<>();
            for (int k = 0; k <= order; k++) {
                enumerate(new int[dimension], 0, k, all);
            }
            this.size = all.size();
            this.indices = all.toArray(new int[0][]);
            this.orders = new int[size];
            this.factorials = new double[size];
            this.roundings = new double[size];
            for (int s = 0; s < size; s++) {
                double f = 1;
                double l = 1;
                int o = 0;
                for (int c : indices[s]) {
                    o += c;
                    l *= c + 1;
                    for (int i = 2; i <= c; i++) {
                        f *= i;
                    }
                }
                orders[s] = o;
                factorials[s] = f;
                roundings[s] = 2 * l + 1;
                slots.put(MultiIndex.of(indices[s]), s);
            }
            this.products = new int[size][];
            for (int s = 0; s < size; s++) {
                List<Integer> pairs = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    int[] rest = new int[dimension];
                    boolean ok = true;
                    for (int j = 0; j < dimension; j++) {
                        rest[j] = indices[s][j] - indices[i][j];
                        ok &= rest[j] >= 0;
                    }
                    if (ok) {
                        pairs.add(i);
                        pairs.add(slots.get(MultiIndex.of(rest)));
                    }
                }
                products[s] = pairs.stream().mapToInt(Integer::intValue).toArray();
            }
        }

        private static void enumerate(int[] counts, int from, int left, List<int[]> out) {
            if (from == counts.length - 1 || left == 0) {
                int[] c = counts.clone();
                c[from] += left;
                out.add(c);
                return;
            }
            for (int take = left; take >= 0; take--) {
                int[] c = counts.clone();
                c[from] = take;
                enumerate(c, from + 1, left - take, out);
            }
        }

        static Layout of(int dimension, int order) {
            if (dimension < 1 || order < 0) {
                throw new IllegalArgumentException("a jet needs dimension >= 1 and order >= 0");
            }
            return CACHE.computeIfAbsent(((long) dimension << 32) | order, k -> new Layout(dimension, order));
        }

        /** The slot of {@code index}. */
        int slot(MultiIndex index) {
            Integer s = slots.get(index);
            if (s == null) {
                throw new IllegalArgumentException("no slot for " + index + " in a jet of order " + order);
            }
            return s;
        }
    }

    final Layout layout;
    final double[] value;
    final double[] magnitude;
    final double[] error;

    private Jet(Layout layout, double[] value, double[] magnitude, double[] error) {
        this.layout = layout;
        this.value = value;
        this.magnitude = magnitude;
        this.error = error;
    }

    private static Jet zeros(Layout l) {
        return new Jet(l, new double[l.size], new double[l.size], new double[l.size]);
    }

    /** The constant {@code c}; {@code rounded} when it is not exactly a double. */
    static Jet constant(Layout l, double c, boolean rounded) {
        Jet j = zeros(l);
        j.value[0] = c;
        j.magnitude[0] = Math.abs(c);
        j.error[0] = rounded ? Math.abs(c) : 0;
        return j;
    }

    /** Variable {@code variable} at coordinate {@code x}. */
    static Jet variable(Layout l, int variable, double x) {
        Jet j = constant(l, x, false);
        if (l.order >= 1) {
            int s = l.slot(MultiIndex.unit(l.dimension, variable));
            j.value[s] = 1;
            j.magnitude[s] = 1;
        }
        return j;
    }

    /** The value, {@code f(x)}. */
    double value() {
        return value[0];
    }

    /** The partial {@code ∂^α f}: the coefficient times α!. */
    double partial(MultiIndex index) {
        int s = layout.slot(index);
        return value[s] * layout.factorials[s];
    }

    /** The magnitude of partial α: the same sum of products on absolute values, times α!. */
    double magnitude(MultiIndex index) {
        int s = layout.slot(index);
        return magnitude[s] * layout.factorials[s];
    }

    /** The running error bound of partial α in units of u, times α!. */
    double errorBound(MultiIndex index) {
        int s = layout.slot(index);
        return error[s] * layout.factorials[s];
    }

    /** The largest magnitude of any partial (coefficient times α!) of the jet. */
    double maxMagnitude() {
        double m = 0;
        for (int s = 0; s < layout.size; s++) {
            m = Math.max(m, magnitude[s] * layout.factorials[s]);
        }
        return m;
    }

    /** Whether every coefficient, magnitude and error bound is finite. */
    boolean isFinite() {
        for (int s = 0; s < layout.size; s++) {
            if (!Double.isFinite(value[s]) || !Double.isFinite(magnitude[s]) || !Double.isFinite(error[s])) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ arithmetic

    Jet plus(Jet b) {
        return sum(b, 1);
    }

    Jet minus(Jet b) {
        return sum(b, -1);
    }

    private Jet sum(Jet b, double sign) {
        Jet r = zeros(layout);
        for (int s = 0; s < layout.size; s++) {
            r.value[s] = value[s] + sign * b.value[s];
            r.magnitude[s] = magnitude[s] + b.magnitude[s];
            r.error[s] = error[s] + b.error[s] + r.magnitude[s];
        }
        return r;
    }

    Jet negate() {
        Jet r = zeros(layout);
        for (int s = 0; s < layout.size; s++) {
            r.value[s] = -value[s];
            r.magnitude[s] = magnitude[s];
            r.error[s] = error[s];
        }
        return r;
    }

    Jet times(Jet b) {
        Jet r = zeros(layout);
        for (int s = 0; s < layout.size; s++) {
            int[] p = layout.products[s];
            double v = 0;
            double m = 0;
            double e = 0;
            for (int q = 0; q < p.length; q += 2) {
                int i = p[q];
                int j = p[q + 1];
                v += value[i] * b.value[j];
                m += magnitude[i] * b.magnitude[j];
                e += error[i] * b.magnitude[j] + magnitude[i] * b.error[j];
            }
            r.value[s] = v;
            r.magnitude[s] = m;
            r.error[s] = e + layout.roundings[s] * m;
        }
        return r;
    }

    /** This jet with its value replaced (the derivatives unchanged): for atan2's constant of integration. */
    private Jet withValue(double v) {
        Jet r = new Jet(layout, value.clone(), magnitude.clone(), error.clone());
        r.value[0] = v;
        r.magnitude[0] = Math.abs(v);
        return r;
    }

    /**
     * {@code f(this)} for the univariate Taylor coefficients {@code phi[k] = f^(k)(a₀)/k!},
     * k = 0..K+1, and their absolute forms {@code abs[k]}.
     */
    Jet compose(double[] phi, double[] abs) {
        int size = layout.size;
        double[] hv = value.clone();
        double[] hm = magnitude.clone();
        double[] he = error.clone();
        hv[0] = 0;
        hm[0] = 0;
        he[0] = 0;
        Jet h = new Jet(layout, hv, hm, he);
        double errorOfArgument = error[0];
        Jet r = zeros(layout);
        Jet power = constant(layout, 1, false); // h^0
        for (int k = 0; k <= layout.order; k++) {
            if (k > 0) {
                power = power.times(h);
            }
            double c = phi[k];
            double next = (k + 1) * Math.abs(phi[k + 1]);
            for (int s = 0; s < size; s++) {
                r.value[s] += c * power.value[s];
                r.magnitude[s] += Math.abs(c) * power.magnitude[s];
                r.error[s] += Math.abs(c) * power.error[s] + FUNCTION_ULPS * abs[k] * power.magnitude[s]
                        + next * errorOfArgument * power.magnitude[s];
            }
        }
        for (int s = 0; s < size; s++) {
            r.error[s] += r.magnitude[s]; // the roundings of the sum over k
        }
        return r;
    }

    // ------------------------------------------------------------------ evaluating an expression

    /**
     * The jet of every node of {@code e} at {@code point} ({@code variables} name its coordinates),
     * or the first domain violation as an exception.
     */
    static Jet of(Expression e, List<String> variables, double[] point, int order) {
        Layout l = Layout.of(variables.size(), order);
        return eval(e, variables, point, l);
    }

    private static Jet eval(Expression e, List<String> variables, double[] point, Layout l) {
        return switch (e) {
            case Constant c -> {
                double d = c.value().doubleValue();
                yield constant(l, d, !dev.partials.Rational.ofDouble(d).equals(c.value()));
            }
            case MathConstant m -> constant(l, m.doubleValue(), true);
            case Variable v -> {
                int j = variables.indexOf(v.name());
                if (j < 0) {
                    throw new IllegalArgumentException("variable " + v.name() + " is not among " + variables);
                }
                yield variable(l, j, point[j]);
            }
            case Unary u -> unary(u.op(), eval(u.operand(), variables, point, l));
            case Binary b -> binary(b.op(), b.right(), eval(b.left(), variables, point, l),
                    eval(b.right(), variables, point, l));
        };
    }

    /** {@code op(a)}, for a unary operation. */
    static Jet unary(Op op, Jet a) {
        if (op == Op.NEGATE) {
            return a.negate();
        }
        double[][] t = Univariate.coefficients(op, a.value(), a.layout.order + 1);
        return a.compose(t[0], t[1]);
    }

    /**
     * {@code op(a, b)}, for a binary operation; {@code right} is the right operand's expression (a
     * power with a constant exponent is composed as {@code t^r}).
     */
    static Jet binary(Op op, Expression right, Jet a, Jet b) {
        int k = a.layout.order + 1;
        return switch (op) {
            case ADD -> a.plus(b);
            case SUBTRACT -> a.minus(b);
            case MULTIPLY -> a.times(b);
            case DIVIDE -> {
                double[][] t = Univariate.power(-1, b.value(), k);
                yield a.times(b.compose(t[0], t[1]));
            }
            case POWER -> {
                if (right instanceof Constant c) {
                    double r = c.value().doubleValue();
                    double[][] t = Univariate.power(r, a.value(), k);
                    Jet p = a.compose(t[0], t[1]);
                    if (!c.value().isInteger()) {
                        // the exponent rounded to a double: δ(a^r) = a^r·log(a)·δr, δr <= u·|r|
                        double extra = Math.abs(Math.log(Math.abs(a.value())) * r);
                        for (int s = 0; s < p.layout.size; s++) {
                            p.error[s] += extra * p.magnitude[s];
                        }
                    }
                    yield p;
                }
                // a^b = exp(b·log a), a > 0
                Jet log = unary(Op.LOG, a);
                Jet p = unary(Op.EXP, b.times(log));
                yield p.withValue(Math.pow(a.value(), b.value()));
            }
            case ATAN2 -> {
                // y = a, x = b; the derivatives of atan2(y, x) are those of atan(y/x) (|x| >= |y|)
                // or of -atan(x/y) (|y| > |x|): they differ by a constant
                double y = a.value();
                double x = b.value();
                Jet t = Math.abs(x) >= Math.abs(y)
                        ? unary(Op.ATAN, binary(Op.DIVIDE, null, a, b))
                        : unary(Op.ATAN, binary(Op.DIVIDE, null, b, a)).negate();
                yield t.withValue(Math.atan2(y, x));
            }
            case MIN -> a.value() <= b.value() ? a : b;
            case MAX -> a.value() >= b.value() ? a : b;
            default -> throw new IllegalArgumentException(op + " is not binary");
        };
    }

    @Override
    public String toString() {
        return "Jet" + Arrays.toString(value);
    }

    /** The univariate Taylor coefficients of the functions of the language, from the kit's own table. */
    static final class Univariate {
        private Univariate() {
        }

        /**
         * {@code {phi, abs}}: {@code phi[k] = f^(k)(a)/k!} and its absolute form, k = 0..count.
         */
        static double[][] coefficients(Op op, double a, int count) {
            double[] d = new double[count + 1];
            double[] ad = new double[count + 1];
            switch (op) {
                case SIN, COS -> {
                    double s = Math.sin(a);
                    double c = Math.cos(a);
                    double[] cycle = op == Op.SIN ? new double[] {s, c, -s, -c} : new double[] {c, -s, -c, s};
                    for (int k = 0; k <= count; k++) {
                        d[k] = cycle[k % 4];
                    }
                }
                case SINH, COSH -> {
                    double s = Math.sinh(a);
                    double c = Math.cosh(a);
                    for (int k = 0; k <= count; k++) {
                        d[k] = (k % 2 == 0) == (op == Op.SINH) ? s : c;
                    }
                }
                case EXP -> Arrays.fill(d, Math.exp(a));
                case LOG -> {
                    d[0] = Math.log(a);
                    double f = 1;
                    for (int k = 1; k <= count; k++) {
                        d[k] = (k % 2 == 1 ? 1 : -1) * f / Math.pow(a, k);
                        f *= k;
                    }
                }
                case SQRT -> {
                    return power(0.5, a, count);
                }
                case TAN -> {
                    double t = Math.tan(a);
                    return polynomialOde(t, new double[] {0, 1}, new double[] {1, 0, 1}, count);
                }
                case TANH -> {
                    double t = Math.tanh(a);
                    return polynomialOde(t, new double[] {0, 1}, new double[] {1, 0, -1}, count);
                }
                case SIGMOID -> {
                    double s = 1 / (1 + Math.exp(-a));
                    return polynomialOde(s, new double[] {0, 1}, new double[] {0, 1, -1}, count);
                }
                case SOFTPLUS -> {
                    // softplus' = sigmoid: the sigmoid's coefficients shifted by one and divided by k
                    double[][] sig = coefficients(Op.SIGMOID, a, count - 1);
                    double[] phi = new double[count + 1];
                    double[] abs = new double[count + 1];
                    phi[0] = a > 30 ? a : Math.log1p(Math.exp(a));
                    abs[0] = Math.abs(phi[0]);
                    for (int k = 1; k <= count; k++) {
                        phi[k] = sig[0][k - 1] / k;
                        abs[k] = sig[1][k - 1] / k;
                    }
                    return new double[][] {phi, abs};
                }
                case ATAN -> {
                    d[0] = Math.atan(a);
                    ad[0] = Math.abs(d[0]);
                    // atan^(k) = P_k(a)/(1+a²)^k, P_1 = 1, P_{k+1} = P_k'·(1+a²) - 2k·a·P_k
                    double[] p = {1};
                    for (int k = 1; k <= count; k++) {
                        double w = Math.pow(1 + a * a, k);
                        d[k] = Poly.eval(p, a) / w;
                        ad[k] = Poly.evalAbs(p, Math.abs(a)) / w;
                        p = Poly.sum(Poly.times(Poly.derivative(p), new double[] {1, 0, 1}),
                                Poly.times(p, new double[] {0, -2.0 * k}));
                    }
                    return scale(d, ad);
                }
                case ASIN, ACOS -> {
                    double sign = op == Op.ASIN ? 1 : -1;
                    d[0] = op == Op.ASIN ? Math.asin(a) : Math.acos(a);
                    ad[0] = Math.abs(d[0]);
                    // asin^(k) = P_k(a)/(1-a²)^(k-1/2), P_1 = 1, P_{k+1} = P_k'·(1-a²) + (2k-1)·a·P_k
                    double[] p = {1};
                    for (int k = 1; k <= count; k++) {
                        double w = Math.pow(1 - a * a, k - 0.5);
                        d[k] = sign * Poly.eval(p, a) / w;
                        ad[k] = Poly.evalAbs(p, Math.abs(a)) / w;
                        p = Poly.sum(Poly.times(Poly.derivative(p), new double[] {1, 0, -1}),
                                Poly.times(p, new double[] {0, 2.0 * k - 1}));
                    }
                    return scale(d, ad);
                }
                case ABS -> {
                    d[0] = Math.abs(a);
                    if (count >= 1) {
                        d[1] = Math.signum(a);
                    }
                }
                case RELU -> {
                    d[0] = a > 0 ? a : 0;
                    if (count >= 1) {
                        d[1] = a > 0 ? 1 : 0;
                    }
                }
                default -> throw new IllegalArgumentException(op + " is not a unary function");
            }
            for (int k = 0; k <= count; k++) {
                ad[k] = Math.abs(d[k]);
            }
            return scale(d, ad);
        }

        /** {@code t^r} at {@code a}: {@code r(r-1)…(r-k+1)·a^(r-k)}, zero beyond an integer r >= 0. */
        static double[][] power(double r, double a, int count) {
            double[] d = new double[count + 1];
            double f = 1;
            for (int k = 0; k <= count; k++) {
                d[k] = f == 0 ? 0 : f * Math.pow(a, r - k);
                f *= r - k;
            }
            double[] ad = new double[count + 1];
            for (int k = 0; k <= count; k++) {
                ad[k] = Math.abs(d[k]);
            }
            return scale(d, ad);
        }

        /**
         * For g with {@code g' = Q(g)}: {@code g^(k) = P_k(g)} with {@code P_0 = p0},
         * {@code P_{k+1} = P_k'·Q}; the absolute form evaluates P_k with absolute coefficients at |g|.
         */
        private static double[][] polynomialOde(double g, double[] p0, double[] q, int count) {
            double[] d = new double[count + 1];
            double[] ad = new double[count + 1];
            double[] p = p0;
            for (int k = 0; k <= count; k++) {
                d[k] = Poly.eval(p, g);
                ad[k] = Poly.evalAbs(p, Math.abs(g));
                p = Poly.times(Poly.derivative(p), q);
            }
            return scale(d, ad);
        }

        /** Divides derivative k by k! to give Taylor coefficients. */
        private static double[][] scale(double[] d, double[] ad) {
            double f = 1;
            for (int k = 0; k < d.length; k++) {
                if (k > 1) {
                    f *= k;
                }
                d[k] /= f;
                ad[k] /= f;
            }
            return new double[][] {d, ad};
        }
    }

    /** Polynomials as coefficient arrays, lowest degree first. */
    private static final class Poly {
        private Poly() {
        }

        static double eval(double[] p, double x) {
            double r = 0;
            for (int i = p.length - 1; i >= 0; i--) {
                r = r * x + p[i];
            }
            return r;
        }

        static double evalAbs(double[] p, double x) {
            double r = 0;
            for (int i = p.length - 1; i >= 0; i--) {
                r = r * x + Math.abs(p[i]);
            }
            return r;
        }

        static double[] derivative(double[] p) {
            if (p.length <= 1) {
                return new double[] {0};
            }
            double[] r = new double[p.length - 1];
            for (int i = 1; i < p.length; i++) {
                r[i - 1] = i * p[i];
            }
            return r;
        }

        static double[] times(double[] a, double[] b) {
            double[] r = new double[a.length + b.length - 1];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    r[i + j] += a[i] * b[j];
                }
            }
            return r;
        }

        static double[] sum(double[] a, double[] b) {
            double[] r = new double[Math.max(a.length, b.length)];
            for (int i = 0; i < a.length; i++) {
                r[i] += a[i];
            }
            for (int i = 0; i < b.length; i++) {
                r[i] += b[i];
            }
            return r;
        }
    }
}
