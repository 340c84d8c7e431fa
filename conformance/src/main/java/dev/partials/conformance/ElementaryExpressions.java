package dev.partials.conformance;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.MathConstant;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Random nested elementary expressions, their domain conditions, and their shrinking: the machinery
 * behind {@link Generators#elementaryCases} and {@link Shrinker#elementaryCases()}.
 *
 * <p>The point is fixed first; trees are built bottom-up, and a node's operation is chosen only among
 * those whose domain condition ({@link #allows}) holds with margin at its children's values and whose
 * result keeps every value within {@value #MAX_VALUE} and every partial of order up to
 * {@value #ORDER} (by the kit's {@link Jet}, on absolute values) within {@value #MAX_PARTIAL}.
 */
final class ElementaryExpressions {

    /** The order of the jets that bound derivatives: the highest order cross-validated. */
    static final int ORDER = 4;

    /** No value of any node may exceed this in magnitude. */
    static final double MAX_VALUE = 100;

    /** No partial of order <= {@value #ORDER} of any node (its magnitude jet) may exceed this. */
    static final double MAX_PARTIAL = 1e5;

    /** The distance kept from domain edges, kinks, ties, poles and the branch cut of atan2. */
    static final double MARGIN = 0.25;

    private static final List<String> NAMES = List.of("x", "y", "z", "w");
    private static final Op[] OPS = Op.values();
    private static final List<Op> UNARY = Arrays.stream(OPS).filter(o -> o.arity() == 1).toList();
    private static final List<Op> BINARY = Arrays.stream(OPS).filter(o -> o.arity() == 2).toList();
    private static final Rational[] CONSTANTS = {Rational.ONE, Rational.TWO, Rational.of(3), Rational.MINUS_ONE,
        Rational.of(-2), Rational.of(1, 2), Rational.of(1, 3), Rational.of(3, 2), Rational.of(2, 3), Rational.of(-1, 2),
        Rational.of(5, 4), Rational.of(1, 10)};
    private static final Rational[] EXPONENTS = {Rational.TWO, Rational.of(3), Rational.of(4), Rational.MINUS_ONE,
        Rational.of(-2), Rational.of(1, 2), Rational.of(3, 2), Rational.of(-1, 2), Rational.of(1, 3), Rational.of(5, 2)};

    private ElementaryExpressions() {
    }

    // ---------------------------------------------------------------- domain conditions

    /**
     * Whether {@code op} applied to values {@code a} (and {@code b}; {@code right} is the right operand)
     * is inside its smooth, well-conditioned domain with margin {@value #MARGIN}.
     */
    static boolean allows(Op op, double a, Expression right, double b) {
        return switch (op) {
            case ADD, SUBTRACT, MULTIPLY, NEGATE -> true;
            case DIVIDE -> Math.abs(b) >= MARGIN;
            case POWER -> {
                if (right instanceof Constant c && c.value().isInteger()) {
                    yield c.value().signum() >= 0 || Math.abs(a) >= MARGIN;
                }
                yield a >= MARGIN && Math.abs(b * Math.log(a)) <= 4;
            }
            case ATAN2 -> a * a + b * b >= MARGIN * MARGIN && (b >= MARGIN || Math.abs(a) >= MARGIN);
            case MIN, MAX -> Math.abs(a - b) >= MARGIN;
            case SIN, COS, ATAN, TANH, SIGMOID, SOFTPLUS -> Math.abs(a) <= 10;
            case TAN -> Math.abs(a) <= 10 && Math.abs(Math.cos(a)) >= 0.3;
            case ASIN, ACOS -> Math.abs(a) <= 0.8;
            case SINH, COSH, EXP -> Math.abs(a) <= 4;
            case LOG, SQRT -> a >= MARGIN;
            case ABS, RELU -> Math.abs(a) >= MARGIN;
        };
    }

    /** The jet of {@code op} over child jets when its domain condition and the bounds hold, else null. */
    private static Jet apply(Op op, Jet a, Expression right, Jet b) {
        if (!allows(op, a.value(), right, b == null ? 0 : b.value())) {
            return null;
        }
        Jet r = op.arity() == 1 ? Jet.unary(op, a) : Jet.binary(op, right, a, b);
        return bounded(r) ? r : null;
    }

    private static boolean bounded(Jet j) {
        return j.isFinite() && Math.abs(j.value()) <= MAX_VALUE && j.maxMagnitude() <= MAX_PARTIAL;
    }

    // ---------------------------------------------------------------- validity

    /** A node checked for validity: its jet, or null when a condition fails somewhere below. */
    private static Jet checked(Expression e, List<String> variables, double[] x, Jet.Layout l) {
        Jet r = switch (e) {
            case Constant c -> Jet.constant(l, c.value().doubleValue(), !Rational.ofDouble(c.value().doubleValue()).equals(c.value()));
            case MathConstant m -> Jet.constant(l, m.doubleValue(), true);
            case Variable v -> variables.contains(v.name()) ? Jet.variable(l, variables.indexOf(v.name()), x[variables.indexOf(v.name())]) : null;
            case Unary u -> {
                Jet a = checked(u.operand(), variables, x, l);
                yield a == null ? null : apply(u.op(), a, null, null);
            }
            case Binary b -> {
                Jet a = checked(b.left(), variables, x, l);
                Jet c = a == null ? null : checked(b.right(), variables, x, l);
                yield c == null ? null : apply(b.op(), a, b.right(), c);
            }
        };
        return r != null && bounded(r) ? r : null;
    }

    static boolean valid(ElementaryCase c) {
        if (c.depth() > ElementarySpec.MAX_DEPTH || c.index().order() > ORDER) {
            return false;
        }
        Jet.Layout l = Jet.Layout.of(c.dimension(), ORDER);
        double[] x = c.point();
        for (Expression e : c.outputs()) {
            if (checked(e, c.variables(), x, l) == null) {
                return false;
            }
        }
        return true;
    }

    /** The jets of every output of a valid case, of order {@value #ORDER}. */
    static List<Jet> jets(ElementaryCase c) {
        List<Jet> out = new ArrayList<>();
        for (Expression e : c.outputs()) {
            out.add(Jet.of(e, c.variables(), c.point(), ORDER));
        }
        return out;
    }

    /** The nesting depth: 0 for a leaf, 1 + the deepest operand for an operation. */
    static int depth(Expression e) {
        return switch (e) {
            case Unary u -> 1 + depth(u.operand());
            case Binary b -> 1 + Math.max(depth(b.left()), depth(b.right()));
            default -> 0;
        };
    }

    /** How far the constants of {@code e} are from 1: 0 for 1, 1 for another integer, 2 otherwise. */
    private static long constants(Expression e) {
        return switch (e) {
            case Constant c -> c.value().equals(Rational.ONE) ? 0 : c.value().isInteger() ? 1 : 2;
            case MathConstant m -> 2;
            case Unary u -> constants(u.operand());
            case Binary b -> constants(b.left()) + constants(b.right());
            default -> 0;
        };
    }

    /** The number of nodes of the tree (a repeated subtree counts each time). */
    static int size(Expression e) {
        return switch (e) {
            case Unary u -> 1 + size(u.operand());
            case Binary b -> 1 + size(b.left()) + size(b.right());
            default -> 1;
        };
    }

    // ---------------------------------------------------------------- generation

    private record Node(Expression expression, Jet jet, int depth) {
    }

    static Generator<ElementaryCase> cases(ElementarySpec spec) {
        return random -> {
            int n = 1 + random.nextInt(spec.maxVariables());
            List<String> names = NAMES.subList(0, n);
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = random.nextInt(-20, 21) / 8.0;
            }
            int m = spec.maxOutputs() > 1 && random.nextInt(4) == 0 ? 2 + random.nextInt(spec.maxOutputs() - 1) : 1;
            Builder builder = new Builder(random, names, x, Jet.Layout.of(n, ORDER), new ArrayList<>());
            List<Expression> outputs = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                outputs.add(builder.build(1 + random.nextInt(spec.maxDepth())).expression());
            }
            int output = random.nextInt(m);
            int order = 1 + random.nextInt(ORDER);
            int[] counts = new int[n];
            for (int i = 0; i < order; i++) {
                counts[random.nextInt(n)]++;
            }
            return new ElementaryCase(names, outputs, x, output, MultiIndex.of(counts));
        };
    }

    /**
     * Builds the trees of one case bottom-up at a fixed point. Operations are unary or binary with
     * equal odds, then uniform within their arity; one subtree in ten is a subtree built before (in
     * this output or an earlier one), so cases share subexpressions as traced code does.
     */
    private record Builder(RandomGenerator random, List<String> names, double[] x, Jet.Layout layout, List<Node> built) {

        Node build(int depth) {
            if (depth == 0) {
                return leaf();
            }
            if (random.nextInt(10) == 0) {
                List<Node> fits = built.stream().filter(b -> b.depth() <= depth && b.depth() >= 1).toList();
                if (!fits.isEmpty()) {
                    return fits.get(random.nextInt(fits.size()));
                }
            }
            for (int attempt = 0; attempt < 4; attempt++) {
                Op op = random.nextBoolean() ? UNARY.get(random.nextInt(UNARY.size())) : BINARY.get(random.nextInt(BINARY.size()));
                Node r = op.arity() == 1 ? unary(op, depth) : binary(op, depth);
                if (r != null) {
                    built.add(r);
                    return r;
                }
            }
            return leaf();
        }

        /** {@code op} of a child of depth {@code depth - 1}, or another unary operation allowed there. */
        private Node unary(Op op, int depth) {
            Node a = build(depth - 1);
            for (Op o : preferring(op, 1)) {
                Jet j = apply(o, a.jet(), null, null);
                if (j != null) {
                    return new Node(new Unary(o, a.expression()), j, a.depth() + 1);
                }
            }
            return null;
        }

        /** {@code op} of two children, one of depth {@code depth - 1}, or another binary operation allowed there. */
        private Node binary(Op op, int depth) {
            int shallow = random.nextInt(depth);
            boolean leftDeep = random.nextBoolean();
            Node a = build(leftDeep ? depth - 1 : shallow);
            Node b = op == Op.POWER && random.nextBoolean() ? exponent() : build(leftDeep ? shallow : depth - 1);
            for (Op o : preferring(op, 2)) {
                Jet j = apply(o, a.jet(), b.expression(), b.jet());
                if (j != null) {
                    return new Node(new Binary(o, a.expression(), b.expression()), j, 1 + Math.max(a.depth(), b.depth()));
                }
            }
            return null;
        }

        /** {@code first}, then the other operations of that arity in random order. */
        private List<Op> preferring(Op first, int arity) {
            List<Op> others = new ArrayList<>();
            for (Op o : OPS) {
                if (o.arity() == arity && o != first) {
                    others.add(o);
                }
            }
            for (int i = others.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Op t = others.get(i);
                others.set(i, others.get(j));
                others.set(j, t);
            }
            others.addFirst(first);
            return others;
        }

        private Node exponent() {
            Rational r = EXPONENTS[random.nextInt(EXPONENTS.length)];
            return constant(r);
        }

        private Node constant(Rational r) {
            double d = r.doubleValue();
            return new Node(new Constant(r), Jet.constant(layout, d, !Rational.ofDouble(d).equals(r)), 0);
        }

        private Node leaf() {
            double u = random.nextDouble();
            if (u < 0.75) {
                int j = random.nextInt(names.size());
                return new Node(new Variable(names.get(j)), Jet.variable(layout, j, x[j]), 0);
            }
            if (u < 0.95) {
                return constant(CONSTANTS[random.nextInt(CONSTANTS.length)]);
            }
            MathConstant m = random.nextBoolean() ? MathConstant.PI : MathConstant.E;
            return new Node(m, Jet.constant(layout, m.doubleValue(), true), 0);
        }
    }

    // ---------------------------------------------------------------- shrinking

    /** The shrinker of {@link ElementaryCase}s; see {@link Shrinker#elementaryCases()}. */
    static final Shrinker<ElementaryCase> SHRINKER = new Shrinker<>() {
        @Override
        public Stream<ElementaryCase> candidates(ElementaryCase c) {
            return ElementaryExpressions.candidates(c).stream().filter(ElementaryCase::valid);
        }

        @Override
        public long size(ElementaryCase c) {
            long s = 0;
            for (Expression e : c.outputs()) {
                s += 1000L * ElementaryExpressions.size(e) + constants(e);
            }
            s += 100L * c.outputs().size() + 10L * c.dimension() + 5L * c.index().order();
            for (double v : c.point()) {
                s += v == 0 ? 0 : v == Math.rint(v) ? 1 : v * 2 == Math.rint(v * 2) ? 2 : 3;
            }
            return s;
        }
    };

    private static List<ElementaryCase> candidates(ElementaryCase c) {
        List<ElementaryCase> out = new ArrayList<>();
        List<Expression> outputs = c.outputs();
        // drop an output other than the one looked at
        for (int k = 0; k < outputs.size() && outputs.size() > 1; k++) {
            if (k != c.output()) {
                List<Expression> rest = new ArrayList<>(outputs);
                rest.remove(k);
                out.add(new ElementaryCase(c.variables(), rest, c.point(), c.output() > k ? c.output() - 1 : c.output(),
                        c.index()));
            }
        }
        // replace a subtree by one of its operands, then by a leaf (outermost first)
        for (int k = 0; k < outputs.size(); k++) {
            for (List<Integer> path : paths(outputs.get(k))) {
                Expression node = at(outputs.get(k), path);
                List<Expression> simpler = new ArrayList<>();
                switch (node) {
                    case Unary u -> simpler.add(u.operand());
                    case Binary b -> {
                        simpler.add(b.left());
                        simpler.add(b.right());
                        if (b.op() == Op.POWER && !(b.right() instanceof Constant)) {
                            simpler.add(new Binary(Op.POWER, b.left(), new Constant(Rational.TWO)));
                        }
                    }
                    default -> {
                    }
                }
                if (node instanceof Unary || node instanceof Binary) {
                    for (String v : c.variables()) {
                        simpler.add(new Variable(v));
                    }
                    simpler.add(new Constant(Rational.ONE));
                } else if (!(node instanceof Constant k1 && k1.value().equals(Rational.ONE)) && !(node instanceof Variable)) {
                    simpler.add(new Constant(Rational.ONE));
                }
                for (Expression s : simpler) {
                    List<Expression> changed = new ArrayList<>(outputs);
                    changed.set(k, replace(outputs.get(k), path, 0, s));
                    out.add(new ElementaryCase(c.variables(), changed, c.point(), c.output(), c.index()));
                }
            }
        }
        // drop a variable no output uses and the index does not differentiate by
        Set<String> used = new LinkedHashSet<>();
        for (Expression e : outputs) {
            used.addAll(e.variableNames());
        }
        for (int j = 0; j < c.dimension() && c.dimension() > 1; j++) {
            if (!used.contains(c.variables().get(j)) && c.index().count(j) == 0) {
                out.add(dropVariable(c, j));
            }
        }
        // lower the index
        int[] counts = c.index().counts();
        for (int j = 0; j < counts.length && c.index().order() > 1; j++) {
            if (counts[j] > 0) {
                int[] lower = counts.clone();
                lower[j]--;
                out.add(new ElementaryCase(c.variables(), outputs, c.point(), c.output(), MultiIndex.of(lower)));
            }
        }
        // simpler coordinates: 0, the nearest integer, the nearest half
        double[] x = c.point();
        for (int j = 0; j < x.length; j++) {
            for (double v : new double[] {0, Math.rint(x[j]), Math.rint(2 * x[j]) / 2}) {
                if (v != x[j]) {
                    double[] y = x.clone();
                    y[j] = v;
                    out.add(new ElementaryCase(c.variables(), outputs, y, c.output(), c.index()));
                }
            }
        }
        return out;
    }

    private static ElementaryCase dropVariable(ElementaryCase c, int j) {
        List<String> names = new ArrayList<>(c.variables());
        names.remove(j);
        double[] x = c.point();
        double[] y = new double[x.length - 1];
        int[] counts = c.index().counts();
        int[] lower = new int[counts.length - 1];
        for (int i = 0, t = 0; i < x.length; i++) {
            if (i != j) {
                y[t] = x[i];
                lower[t] = counts[i];
                t++;
            }
        }
        return new ElementaryCase(names, c.outputs(), y, c.output(), MultiIndex.of(lower));
    }

    /** The paths (0 = operand or left, 1 = right) of every node, in preorder: the root first. */
    private static List<List<Integer>> paths(Expression e) {
        List<List<Integer>> out = new ArrayList<>();
        collect(e, new ArrayList<>(), out);
        return out;
    }

    private static void collect(Expression e, List<Integer> path, List<List<Integer>> out) {
        out.add(List.copyOf(path));
        switch (e) {
            case Unary u -> {
                path.add(0);
                collect(u.operand(), path, out);
                path.removeLast();
            }
            case Binary b -> {
                path.add(0);
                collect(b.left(), path, out);
                path.set(path.size() - 1, 1);
                collect(b.right(), path, out);
                path.removeLast();
            }
            default -> {
            }
        }
    }

    private static Expression at(Expression e, List<Integer> path) {
        Expression node = e;
        for (int step : path) {
            node = switch (node) {
                case Unary u -> u.operand();
                case Binary b -> step == 0 ? b.left() : b.right();
                default -> throw new IllegalArgumentException("no node at " + path);
            };
        }
        return node;
    }

    private static Expression replace(Expression e, List<Integer> path, int from, Expression with) {
        if (from == path.size()) {
            return with;
        }
        return switch (e) {
            case Unary u -> new Unary(u.op(), replace(u.operand(), path, from + 1, with));
            case Binary b -> path.get(from) == 0
                    ? new Binary(b.op(), replace(b.left(), path, from + 1, with), b.right())
                    : new Binary(b.op(), b.left(), replace(b.right(), path, from + 1, with));
            default -> throw new IllegalArgumentException("no node at " + path);
        };
    }

    /** Every operation that occurs in {@code e}. */
    static Set<Op> operations(Expression e) {
        Set<Op> ops = new LinkedHashSet<>();
        for (Expression node : dev.partials.spi.Traversal.postOrder(List.of(e))) {
            if (node instanceof Unary u) {
                ops.add(u.op());
            } else if (node instanceof Binary b) {
                ops.add(b.op());
            }
        }
        return ops;
    }
}
