package dev.partials.symbolic.internal;

import dev.partials.Limits;
import dev.partials.MathConstant;
import dev.partials.Rational;
import dev.partials.symbolic.internal.Node.Add;
import dev.partials.symbolic.internal.Node.Const;
import dev.partials.symbolic.internal.Node.Fn;
import dev.partials.symbolic.internal.Node.Mul;
import dev.partials.symbolic.internal.Node.Num;
import dev.partials.symbolic.internal.Node.Var;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical form: a hash-consing table of {@link Node}s and the smart constructors that build
 * only canonical nodes, simplifying as they go (as SymPy's automatic evaluation does).
 *
 * <h2>What construction simplifies</h2>
 * <ul>
 * <li>Exact rational constant folding, bounded: a power of a number is folded only when its result
 *     has at most {@link Limits#MAX_EXACT_BITS} bits (estimated before computing), and a product of
 *     numbers only while the coefficient stays within that bound; beyond it the power stays
 *     symbolic, so {@code 9^9^9^9} costs nothing.</li>
 * <li>Sums are n-ary with like terms collected ({@code x*y + 2*y*x = 3*x*y}), constants gathered,
 *     zero terms dropped.</li>
 * <li>Products are n-ary with equal bases merged by adding exponents ({@code x*x^2 = x^3},
 *     {@code x/x = 1}), {@code 1*…}, {@code …^1}, {@code …^0} removed, {@code 0*…} is 0, a power of a
 *     product or a power to an integer power distributed ({@code (x*y)^2 = x^2*y^2},
 *     {@code (x^a)^2 = x^(2*a)}), and a number times a single sum distributed
 *     ({@code 2*(x + 1) = 2*x + 2}). Sums are never multiplied out: {@code (x + y)^50} stays.</li>
 * <li>Functions of exact arguments with exact values: {@code sin(0) = 0}, {@code log(1) = 0},
 *     {@code sqrt(4) = 2}, {@code abs(-3) = 3}, {@code min(1, 2) = 1}, ….</li>
 * </ul>
 *
 * <p><b>Algebra, not floating point.</b> Like every computer algebra system, the simplifier follows
 * the algebra of real numbers: {@code 0*f} is 0 and {@code x/x} is 1 even where f or 1/x is NaN or
 * infinite in floating point. The numeric methods of the provider differentiate this canonical form.
 *
 * <p>Not thread-safe: its owner serialises access.
 */
final class Algebra {

    private static final int NUM = 0;
    private static final int VAR = 1;
    private static final int CONST = 2;
    private static final int FN = 3;
    private static final int ADD = 4;
    private static final int MUL = 5;

    /**
     * Most terms (factors) of a sum (product) that is flattened into an enclosing sum (product). A
     * larger one stays one grouped term (factor): flattening copies, and the derivative of a chain of
     * k compositions (sin(sin(…)), or x + f(x) repeated) would otherwise cost O(k²). So the canonical
     * form is unique for sums and products of up to this size, and built in linear time for chains.
     */
    static final int FLATTEN_LIMIT = 16;

    /** Largest denominator of an exponent for which an exact root of a number is attempted. */
    private static final int MAX_ROOT = 64;

    private final Map<Key, Node> table = new HashMap<>();
    private final List<String> variables;
    private final Var[] vars;
    private int nextId;

    final Num zero;
    final Num one;
    final Num minusOne;
    final Num half;
    final Node pi;
    final Node e;

    Algebra(List<String> variables) {
        this.variables = List.copyOf(variables);
        this.zero = num(Rational.ZERO);
        this.one = num(Rational.ONE);
        this.minusOne = num(Rational.MINUS_ONE);
        this.half = num(Rational.of(1, 2));
        this.pi = constant(MathConstant.PI);
        this.e = constant(MathConstant.E);
        this.vars = new Var[this.variables.size()];
        for (int i = 0; i < vars.length; i++) {
            String name = this.variables.get(i);
            int index = i;
            vars[i] = (Var) intern(new Key(VAR, index, null, null),
                    () -> new Var(nextId++, mix(mix(VAR, index), name.hashCode()), index, name));
        }
    }

    /** The variable names, in order. */
    List<String> variables() {
        return variables;
    }

    // ---------------------------------------------------------------- interning

    /** The identity of a node: children by identity (they are interned), numbers by value. */
    private record Key(int kind, Object payload, Node[] nodes, Rational[] rationals) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k) || k.kind != kind || !Objects.equals(k.payload, payload)) {
                return false;
            }
            if (!Arrays.equals(k.rationals, rationals)) {
                return false;
            }
            if (nodes == null || k.nodes == null) {
                return nodes == k.nodes;
            }
            if (nodes.length != k.nodes.length) {
                return false;
            }
            for (int i = 0; i < nodes.length; i++) {
                if (nodes[i] != k.nodes[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = kind * 31 + Objects.hashCode(payload);
            h = h * 31 + Arrays.hashCode(rationals);
            if (nodes != null) {
                for (Node n : nodes) {
                    h = h * 0x01000193 + n.id;
                }
            }
            return h;
        }
    }

    private interface Maker {
        Node make();
    }

    private Node intern(Key key, Maker maker) {
        Node n = table.get(key);
        if (n == null) {
            n = maker.make();
            table.put(key, n);
        }
        return n;
    }

    static long mix(long h, long x) {
        long z = h * 0x9E3779B97F4A7C15L + x;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long print(Rational r) {
        return mix(r.numerator().hashCode(), r.denominator().hashCode());
    }

    // ---------------------------------------------------------------- leaves

    /** The number {@code r}. */
    Num num(Rational r) {
        return (Num) intern(new Key(NUM, null, null, new Rational[] {r}),
                () -> new Num(nextId++, mix(NUM, print(r)), r));
    }

    /** The number {@code r}. */
    Num num(long r) {
        return num(Rational.of(r));
    }

    /** Variable {@code index}. */
    Var variable(int index) {
        return vars[index];
    }

    /** The index of the variable {@code name}, or -1. */
    int indexOf(String name) {
        return variables.indexOf(name);
    }

    /** π or e. */
    Node constant(MathConstant c) {
        return intern(new Key(CONST, c, null, null), () -> new Const(nextId++, mix(CONST, c.ordinal() + 1), c));
    }

    // ---------------------------------------------------------------- sums

    /** An empty sum, to add terms to. */
    Sum sum() {
        return new Sum();
    }

    /** {@code a + b}. */
    Node add(Node a, Node b) {
        return new Sum().plus(Rational.ONE, a).plus(Rational.ONE, b).build();
    }

    /** {@code a - b}. */
    Node subtract(Node a, Node b) {
        return new Sum().plus(Rational.ONE, a).plus(Rational.MINUS_ONE, b).build();
    }

    /** {@code c·a}. */
    Node scale(Rational c, Node a) {
        return new Sum().plus(c, a).build();
    }

    /** {@code -a}. */
    Node negate(Node a) {
        return scale(Rational.MINUS_ONE, a);
    }

    /** A sum under construction: {@code constant + Σ coefficient·term}, like terms collected. */
    final class Sum {
        private Rational constant = Rational.ZERO;
        private final LinkedHashMap<Node, Rational> terms = new LinkedHashMap<>();

        /** Adds {@code c·a}. */
        Sum plus(Rational c, Node a) {
            if (c.signum() == 0) {
                return this;
            }
            switch (a) {
                case Num n -> constant = constant.add(c.multiply(n.value));
                case Add s when s.terms.length <= FLATTEN_LIMIT -> {
                    constant = constant.add(c.multiply(s.constant));
                    for (int i = 0; i < s.terms.length; i++) {
                        merge(c.multiply(s.coefs[i]), s.terms[i]);
                    }
                }
                case Mul m when !m.coef.equals(Rational.ONE) -> merge(c.multiply(m.coef), body(m));
                default -> merge(c, a);
            }
            return this;
        }

        private void merge(Rational c, Node body) {
            terms.merge(body, c, Rational::add);
        }

        /** The canonical sum. */
        Node build() {
            List<Node> bodies = new ArrayList<>(terms.size());
            for (Map.Entry<Node, Rational> t : terms.entrySet()) {
                if (t.getValue().signum() != 0) {
                    bodies.add(t.getKey());
                }
            }
            if (bodies.isEmpty()) {
                return num(constant);
            }
            if (bodies.size() == 1 && constant.signum() == 0) {
                Node body = bodies.get(0);
                Rational c = terms.get(body);
                return c.equals(Rational.ONE) ? body : product(c, List.of(body), List.of(one));
            }
            bodies.sort(Order::compareTerms);
            Node[] t = bodies.toArray(Node[]::new);
            Rational[] c = new Rational[t.length];
            long p = mix(ADD, print(constant));
            for (int i = 0; i < t.length; i++) {
                c[i] = terms.get(t[i]);
                p = mix(mix(p, t[i].print), print(c[i]));
            }
            Rational[] rats = new Rational[t.length + 1];
            rats[0] = constant;
            System.arraycopy(c, 0, rats, 1, c.length);
            long fp = p;
            Rational k = constant;
            return intern(new Key(ADD, null, t, rats), () -> new Add(nextId++, fp, k, t, c));
        }
    }

    /** The product {@code m} without its coefficient. */
    private Node body(Mul m) {
        if (m.bases.length == 1 && m.exps[0] == one) {
            return m.bases[0];
        }
        return mulNode(Rational.ONE, m.bases, m.exps);
    }

    // ---------------------------------------------------------------- products

    /** {@code a·b}. */
    Node multiply(Node a, Node b) {
        return product(Rational.ONE, List.of(a, b), List.of(one, one));
    }

    /** {@code base ^ exponent}. */
    Node pow(Node base, Node exponent) {
        return product(Rational.ONE, List.of(base), List.of(exponent));
    }

    /** {@code base ^ k}. */
    Node pow(Node base, long k) {
        return pow(base, num(k));
    }

    /**
     * The canonical product {@code coef · Π bases[i]^exps[i]}: flattened, equal bases merged, numbers
     * folded within {@link Limits#MAX_EXACT_BITS}.
     */
    Node product(Rational coef, List<Node> bases, List<Node> exps) {
        Product p = new Product(coef);
        for (int i = bases.size() - 1; i >= 0; i--) {
            p.push(bases.get(i), exps.get(i));
        }
        return p.build();
    }

    /** A product under construction. */
    private final class Product {
        private Rational coef;
        private boolean isZero;
        private final ArrayList<Node> pendingBase = new ArrayList<>();
        private final ArrayList<Node> pendingExp = new ArrayList<>();
        private final LinkedHashMap<Node, List<Node>> factors = new LinkedHashMap<>();

        Product(Rational coef) {
            this.coef = coef;
            this.isZero = coef.signum() == 0;
        }

        void push(Node base, Node exp) {
            pendingBase.add(base);
            pendingExp.add(exp);
        }

        private void drain() {
            while (!pendingBase.isEmpty()) {
                Node b = pendingBase.remove(pendingBase.size() - 1);
                Node x = pendingExp.remove(pendingExp.size() - 1);
                if (x == zero || isZero) {
                    continue;
                }
                Rational k = x instanceof Num n ? n.value : null;
                switch (b) {
                    case Num n -> number(n, x, k);
                    case Mul m when k != null && k.isInteger() && m.bases.length <= FLATTEN_LIMIT -> {
                        push(num(m.coef), x);
                        for (int i = 0; i < m.bases.length; i++) {
                            push(m.bases[i], k.equals(Rational.ONE) ? m.exps[i] : timesExponent(m.exps[i], k));
                        }
                    }
                    default -> factors.computeIfAbsent(b, key -> new ArrayList<>(2)).add(x);
                }
            }
        }

        /** A number {@code n} to the power {@code x} (numeric {@code k}, or null when symbolic). */
        private void number(Num n, Node x, Rational k) {
            if (n == one) {
                return;
            }
            if (n == zero && k != null && k.signum() > 0) {
                isZero = true;
                return;
            }
            if (n == zero && k != null && k.signum() < 0) {
                // 0^k for k < 0 is one infinity (1/0); keep one canonical form, 0^-1
                factors.computeIfAbsent(n, key -> new ArrayList<>(2)).add(minusOne);
                return;
            }
            if (k != null) {
                Rational r = foldPower(n.value, k);
                if (r != null && coef.bitLength() + r.bitLength() <= Limits.MAX_EXACT_BITS) {
                    coef = coef.multiply(r);
                    return;
                }
            }
            factors.computeIfAbsent(n, key -> new ArrayList<>(2)).add(x);
        }

        Node build() {
            while (true) {
                drain();
                if (isZero) {
                    return zero;
                }
                boolean again = false;
                for (Map.Entry<Node, List<Node>> f : new ArrayList<>(factors.entrySet())) {
                    List<Node> xs = f.getValue();
                    if (xs.size() == 1) {
                        continue;
                    }
                    Node total = sumOf(xs);
                    Node b = f.getKey();
                    xs.clear();
                    xs.add(total);
                    if (total == zero) {
                        factors.remove(b);
                    } else if ((b instanceof Num && total instanceof Num)
                            || (b instanceof Mul p && p.bases.length <= FLATTEN_LIMIT
                                && total instanceof Num t && t.value.isInteger())) {
                        // merged exponents made a number's power foldable, or a product's power integral
                        factors.remove(b);
                        push(b, total);
                        again = true;
                    }
                }
                if (!again) {
                    break;
                }
            }
            List<Node> bases = new ArrayList<>();
            List<Node> exps = new ArrayList<>();
            if (coef.signum() == 0) {
                return zero;
            }
            List<Node> order = new ArrayList<>(factors.keySet());
            order.sort((x, y) -> Order.compareFactors(x, factors.get(x).get(0), y, factors.get(y).get(0)));
            for (Node b : order) {
                bases.add(b);
                exps.add(factors.get(b).get(0));
            }
            if (bases.isEmpty()) {
                return num(coef);
            }
            if (bases.size() == 1 && exps.get(0) == one) {
                Node b = bases.get(0);
                if (coef.equals(Rational.ONE)) {
                    return b;
                }
                if (b instanceof Add a && a.terms.length <= FLATTEN_LIMIT) {
                    return new Sum().plus(coef, b).build(); // a number times one sum: distribute
                }
            }
            return mulNode(coef, bases.toArray(Node[]::new), exps.toArray(Node[]::new));
        }
    }

    private Node sumOf(List<Node> xs) {
        Sum s = new Sum();
        for (Node x : xs) {
            s.plus(Rational.ONE, x);
        }
        return s.build();
    }

    private Node timesExponent(Node exp, Rational k) {
        if (exp instanceof Num n) {
            return num(n.value.multiply(k));
        }
        return scale(k, exp);
    }

    /** Interns a product whose parts are already canonical and sorted. */
    private Node mulNode(Rational coef, Node[] bases, Node[] exps) {
        long p = mix(MUL, print(coef));
        Node[] nodes = new Node[bases.length * 2];
        for (int i = 0; i < bases.length; i++) {
            p = mix(mix(p, bases[i].print), exps[i].print);
            nodes[i] = bases[i];
            nodes[bases.length + i] = exps[i];
        }
        long fp = p;
        return intern(new Key(MUL, null, nodes, new Rational[] {coef}),
                () -> new Mul(nextId++, fp, coef, bases, exps, nodes));
    }

    /**
     * {@code b^k} exactly, or null when it is not a rational, is undefined (0 to a negative power),
     * or would need more than {@link Limits#MAX_EXACT_BITS} bits. Roots are taken only when exact
     * and of non-negative numbers ({@code 4^(1/2) = 2}, {@code 2^(1/2)} stays symbolic).
     */
    static Rational foldPower(Rational b, Rational k) {
        if (b.signum() == 0) {
            return k.signum() > 0 ? Rational.ZERO : k.signum() == 0 ? Rational.ONE : null;
        }
        if (!k.isInteger()) {
            if (b.signum() < 0 || k.denominator().bitLength() > 31) {
                return null;
            }
            int q = k.denominator().intValue();
            if (q > MAX_ROOT || b.bitLength() > Limits.MAX_EXACT_BITS) {
                return null;
            }
            BigInteger n = root(b.numerator(), q);
            BigInteger d = root(b.denominator(), q);
            if (n == null || d == null) {
                return null;
            }
            return foldPower(Rational.of(n, d), Rational.of(k.numerator()));
        }
        BigInteger kk = k.numerator();
        if (b.numerator().abs().equals(BigInteger.ONE) && b.denominator().equals(BigInteger.ONE)) {
            return b.signum() > 0 || !kk.testBit(0) ? Rational.ONE : Rational.MINUS_ONE;
        }
        if (kk.bitLength() > 31) {
            return null;
        }
        long bits = b.bitLength() * Math.abs(kk.longValue());
        if (bits > Limits.MAX_EXACT_BITS + 64) {
            return null;
        }
        Rational r = b.pow(kk.intValue());
        return r.bitLength() <= Limits.MAX_EXACT_BITS ? r : null;
    }

    /** The exact {@code q}-th root of {@code n >= 0}, or null. */
    private static BigInteger root(BigInteger n, int q) {
        if (n.signum() == 0 || n.equals(BigInteger.ONE)) {
            return n;
        }
        BigInteger r;
        if (q == 2) {
            r = n.sqrt();
        } else {
            // Newton's iteration from above for floor(n^(1/q)).
            BigInteger x = BigInteger.ONE.shiftLeft(n.bitLength() / q + 1);
            BigInteger qq = BigInteger.valueOf(q);
            BigInteger q1 = BigInteger.valueOf(q - 1);
            while (true) {
                BigInteger y = q1.multiply(x).add(n.divide(x.pow(q - 1))).divide(qq);
                if (y.compareTo(x) >= 0) {
                    break;
                }
                x = y;
            }
            r = x;
        }
        return r.pow(q).equals(n) ? r : null;
    }

    // ---------------------------------------------------------------- functions

    /** {@code f(args)}, with exact values folded. */
    Node fn(Fun f, Node... args) {
        Node folded = fold(f, args);
        if (folded != null) {
            return folded;
        }
        long p = mix(FN, f.ordinal() + 1);
        for (Node a : args) {
            p = mix(p, a.print);
        }
        long fp = p;
        Node[] a = args.clone();
        return intern(new Key(FN, f, a, null), () -> new Fn(nextId++, fp, f, a));
    }

    /** The exact value of {@code f(args)} when there is one, else null. */
    private Node fold(Fun f, Node[] args) {
        Node u = args[0];
        Rational r = u instanceof Num n ? n.value : null;
        boolean isZero = u == zero;
        return switch (f) {
            case SIN, TAN, ASIN, ATAN, SINH, TANH -> isZero ? zero : null;
            case COS, COSH, EXP -> isZero ? one : null;
            case ACOS -> u == one ? zero : null;
            // log(exp(w)) = w for every real w
            case LOG -> u == one ? zero : u == e ? one : u instanceof Fn g && g.fun == Fun.EXP ? g.args[0] : null;
            case SQRT -> {
                Rational root = r == null || r.signum() < 0 ? null : foldPower(r, Rational.of(1, 2));
                yield root == null ? null : num(root);
            }
            case ABS -> r != null ? num(r.abs()) : u instanceof Fn g && g.fun == Fun.ABS ? u : null;
            case RELU -> r != null ? num(r.signum() > 0 ? r : Rational.ZERO) : null;
            case SIGMOID -> isZero ? half : null;
            case SOFTPLUS -> isZero ? fn(Fun.LOG, num(2)) : null;
            case MIN, MAX -> {
                Node v = args[1];
                if (u == v) {
                    yield u;
                }
                if (r != null && v instanceof Num w) {
                    int c = r.compareTo(w.value);
                    yield (f == Fun.MIN) == (c <= 0) ? u : v;
                }
                yield null;
            }
            case ATAN2 -> isZero && args[1] instanceof Num w && w.value.signum() > 0 ? zero : null;
            case GUARDED_LOG -> {
                // The guard matters only where the base can be 0: a positive constant base is a plain log.
                if ((r != null && r.signum() > 0) || u instanceof Const || (u instanceof Fn g && g.fun == Fun.EXP)) {
                    yield fn(Fun.LOG, u);
                }
                yield null;
            }
        };
    }

    /** {@code sign(u)} with sign(0) = 0, as {@code 2*atan2(u, 0)/pi} (see {@link Rules}). */
    Node sign(Node u) {
        return product(Rational.TWO, List.of(fn(Fun.ATAN2, u, zero), pi), List.of(one, minusOne));
    }

    /** The step with value ½ at 0, {@code 1/2 + atan2(u, 0)/pi} (see {@link Rules}). */
    Node halfStep(Node u) {
        Node s = product(Rational.ONE, List.of(fn(Fun.ATAN2, u, zero), pi), List.of(one, minusOne));
        return new Sum().plus(Rational.ONE, s).plus(Rational.ONE, half).build();
    }
}
