package dev.partials.symbolic.internal;

import dev.partials.Binary;
import dev.partials.Capabilities;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.spi.Checks;
import dev.partials.spi.Program;
import dev.partials.symbolic.ExpressionMatrix;
import dev.partials.symbolic.SymbolicDerivatives;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The derivatives of one formula by the symbolic provider.
 *
 * <p>The formula's outputs are converted to canonical form once, here. Each derivative node is
 * computed on first request, from the next lower order (∂^α f = ∂/∂x_j ∂^(α−e_j) f, j the last
 * variable of α), and cached per (output, multi-index); its display and evaluation expressions are
 * cached too. Numeric requests compile the evaluation expressions of one request shape — a single
 * partial, the gradient of an output, the Jacobian, the Hessian of an output — into one
 * {@link Program} (common subexpressions computed once across the whole shape) and reuse it; each
 * thread evaluates with its own work arrays, so after warm-up the array-writing methods allocate
 * nothing. Values are the formula's own program, as in every provider.
 *
 * <p>Thread-safe: the symbolic state (algebra, memo tables) is guarded by one lock; the caches are
 * concurrent maps, read without locking.
 */
final class Prepared implements SymbolicDerivatives {

    private final SymbolicProvider provider;
    private final Formula formula;
    private final int n;
    private final int m;
    private final Object lock = new Object();
    private final Algebra algebra;
    private final Differentiator differentiator;
    private final Render display;
    private final Render evaluation;
    private final List<Node> outputs;
    private final ConcurrentHashMap<Key, Node> nodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Expression> shown = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, Compiled> compiled = new ConcurrentHashMap<>();
    private final Compiled values;
    private final ConcurrentHashMap<Integer, List<Logarithms.Guard>> guards = new ConcurrentHashMap<>();

    private record Key(int output, MultiIndex index) {
    }

    private enum Shape { GRADIENT, JACOBIAN, HESSIAN }

    private record Group(Shape shape, int output) {
    }

    /** A compiled program with per-thread work and output arrays. */
    private static final class Compiled {
        private final Program program;
        private final ThreadLocal<double[]> work;
        private final ThreadLocal<double[]> out;

        Compiled(Program program) {
            this.program = program;
            this.work = ThreadLocal.withInitial(() -> new double[program.size()]);
            this.out = ThreadLocal.withInitial(() -> new double[program.outputCount()]);
        }

        void evaluate(double[] point, double[] into) {
            program.evaluate(point, work.get(), into);
        }

        double[] evaluate(double[] point) {
            double[] o = out.get();
            program.evaluate(point, work.get(), o);
            return o;
        }
    }

    Prepared(SymbolicProvider provider, Formula formula) {
        this.provider = provider;
        this.formula = formula;
        this.n = formula.dimension();
        this.m = formula.outputCount();
        this.algebra = new Algebra(formula.variables());
        this.differentiator = new Differentiator(algebra);
        this.display = new Render(algebra, Render.Form.DISPLAY);
        this.evaluation = new Render(algebra, Render.Form.EVALUATION);
        this.outputs = List.copyOf(Canon.convert(algebra, formula.outputs()));
        this.values = new Compiled(formula.program());
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public PartialDerivative provider() {
        return provider;
    }

    @Override
    public Capabilities capabilities() {
        return provider.capabilities();
    }

    // ---------------------------------------------------------------- symbolic

    /** The canonical derivative node, computed from the next lower order when not yet known. */
    private Node node(int output, MultiIndex index) {
        if (index.order() == 0) {
            return outputs.get(output);
        }
        Key key = new Key(output, index);
        Node known = nodes.get(key);
        if (known != null) {
            return known;
        }
        synchronized (lock) {
            Node current = outputs.get(output);
            MultiIndex prefix = MultiIndex.zero(n);
            for (int v : index.variables()) {
                prefix = prefix.plus(v);
                Key k = new Key(output, prefix);
                Node d = nodes.get(k);
                if (d == null) {
                    d = differentiator.derivative(current, v);
                    nodes.put(k, d);
                }
                current = d;
            }
            return current;
        }
    }

    private void check(int output, MultiIndex index) {
        Checks.output(formula, output);
        Checks.index(provider.id(), capabilities(), formula, index);
    }

    @Override
    public Expression derivative(int output, MultiIndex index) {
        check(output, index);
        Key key = new Key(output, index);
        Expression e = shown.get(key);
        if (e == null) {
            Node node = node(output, index);
            synchronized (lock) {
                e = display.expression(node);
            }
            shown.put(key, e);
        }
        return e;
    }

    @Override
    public List<Expression> gradientExpressions(int output) {
        Checks.output(formula, output);
        List<Expression> g = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            g.add(derivative(output, MultiIndex.unit(n, j)));
        }
        return List.copyOf(g);
    }

    @Override
    public ExpressionMatrix jacobianExpressions() {
        List<List<Expression>> rows = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            rows.add(gradientExpressions(k));
        }
        return new ExpressionMatrix(rows);
    }

    @Override
    public ExpressionMatrix hessianExpressions(int output) {
        Checks.output(formula, output);
        List<List<Expression>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Expression> row = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                row.add(derivative(output, MultiIndex.pair(n, i, j)));
            }
            rows.add(row);
        }
        return new ExpressionMatrix(rows);
    }

    @Override
    public Rational partialExact(int output, MultiIndex index, Rational... point) {
        check(output, index);
        if (point == null || point.length != n) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "the point has " + (point == null ? 0 : point.length) + " coordinate(s) but the formula has "
                            + n + " variable(s) " + formula.variables())
                    .order(point == null ? 0 : point.length).build();
        }
        for (int j = 0; j < n; j++) {
            if (point[j] == null) {
                throw PartialsException.builder(Kind.INVALID_ARGUMENT,
                        "coordinate " + formula.variables().get(j) + " is null").name(formula.variables().get(j)).build();
            }
        }
        return Exact.evaluate(node(output, index), point.clone());
    }

    // ---------------------------------------------------------------- numeric

    private Compiled compile(List<Key> keys) {
        List<Expression> exprs = new ArrayList<>(keys.size());
        for (Key k : keys) {
            Node node = node(k.output(), k.index());
            synchronized (lock) {
                exprs.add(guarded(k, node));
            }
        }
        return new Compiled(Formula.of(formula.variables(), exprs).program());
    }

    /**
     * The evaluation expression of a derivative, with the domain guards of the logarithms it
     * differentiates through. The rule log'(u) = 1/u is finite for u &lt; 0, where log is NaN; the
     * convention is NaN partials wherever the value is NaN because of a domain (as in forward mode,
     * where the tangent of log(u) is NaN there and propagates). So a partial by a variable that some
     * {@code log(u)} of the output depends on is multiplied by {@code 1 + 0*sqrt(u)}: exactly 1 for
     * u ≥ 0 (also u = 0, where log is -∞, not NaN), NaN for u &lt; 0. Structural zeros stay exactly 0.
     */
    private Expression guarded(Key k, Node node) {
        Expression e = evaluation.expression(node);
        if (node == algebra.zero || k.index().order() == 0) {
            return e;
        }
        for (Logarithms.Guard g : logarithms(k.output())) {
            if (g.dependsOnAny(k.index())) {
                Expression zeroIfDefined = new Binary(Op.MULTIPLY, new Constant(Rational.ZERO),
                        new Unary(Op.SQRT, evaluation.expression(g.argument())));
                e = new Binary(Op.MULTIPLY, e, new Binary(Op.ADD, new Constant(Rational.ONE), zeroIfDefined));
            }
        }
        return e;
    }

    private List<Logarithms.Guard> logarithms(int output) {
        return guards.computeIfAbsent(output, k -> Logarithms.of(outputs.get(k), n));
    }

    private Compiled group(Shape shape, int output) {
        return compiled.computeIfAbsent(new Group(shape, output), g -> {
            List<Key> keys = new ArrayList<>();
            switch (shape) {
                case GRADIENT -> {
                    for (int j = 0; j < n; j++) {
                        keys.add(new Key(output, MultiIndex.unit(n, j)));
                    }
                }
                case JACOBIAN -> {
                    for (int k = 0; k < m; k++) {
                        for (int j = 0; j < n; j++) {
                            keys.add(new Key(k, MultiIndex.unit(n, j)));
                        }
                    }
                }
                case HESSIAN -> {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            keys.add(new Key(output, MultiIndex.pair(n, i, j)));
                        }
                    }
                }
            }
            return compile(keys);
        });
    }

    @Override
    public void values(double[] point, double[] out) {
        Checks.point(formula, point);
        Checks.length("values", out, m);
        values.evaluate(point, out);
    }

    @Override
    public double partial(int output, MultiIndex index, double[] point) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.index(provider.id(), capabilities(), formula, index);
        if (index.order() == 0) {
            return values.evaluate(point)[output];
        }
        Compiled c = compiled.computeIfAbsent(new Key(output, index), k -> compile(List.of((Key) k)));
        return c.evaluate(point)[0];
    }

    @Override
    public void gradient(int output, double[] point, double[] out) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.length("gradient", out, n);
        if (n > 0) {
            group(Shape.GRADIENT, output).evaluate(point, out);
        }
    }

    @Override
    public void jacobian(double[] point, double[] out) {
        Checks.point(formula, point);
        Checks.length("Jacobian", out, (long) m * n);
        if (n > 0) {
            group(Shape.JACOBIAN, 0).evaluate(point, out);
        }
    }

    @Override
    public void hessian(int output, double[] point, double[] out) {
        Checks.output(formula, output);
        Checks.point(formula, point);
        Checks.order(provider.id(), capabilities(), 2);
        Checks.length("Hessian", out, (long) n * n);
        if (n > 0) {
            group(Shape.HESSIAN, output).evaluate(point, out);
        }
    }

    @Override
    public void jvp(double[] point, double[] direction, double[] out) {
        Checks.point(formula, point);
        Checks.direction(formula, direction);
        Checks.length("JVP", out, m);
        if (n == 0) {
            Arrays.fill(out, 0, m, 0.0);
            return;
        }
        double[] jac = group(Shape.JACOBIAN, 0).evaluate(point);
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                if (direction[j] != 0) {
                    s += jac[k * n + j] * direction[j];
                }
            }
            out[k] = s;
        }
    }

    @Override
    public String toString() {
        return "symbolic derivatives of " + formula;
    }
}
