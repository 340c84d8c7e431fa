package dev.partials.symbolic.internal;

import dev.partials.Rational;
import dev.partials.symbolic.internal.Node.Add;
import dev.partials.symbolic.internal.Node.Const;
import dev.partials.symbolic.internal.Node.Fn;
import dev.partials.symbolic.internal.Node.Mul;
import dev.partials.symbolic.internal.Node.Num;
import dev.partials.symbolic.internal.Node.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical order of the factors of a product and of the terms of a sum.
 *
 * <p><b>Factors</b> ({@link #compare}): numbers, then π and e, then variables in formula order, then
 * functions (in the order of {@link Fun}, then by argument), then sums, then products (bases of
 * non-integer powers): {@code 2*pi*x*y*exp(x)*(x + 1)}.
 *
 * <p><b>Terms</b> ({@link #compareTerms}), the textbook order: higher total degree in the variables
 * first; among equal degrees, lexicographically by variable in formula order, higher exponent first
 * ({@code x^2 + x*y + y^2}); then by the remaining (non-polynomial) factors, more factors first. A
 * sum's constant comes last.
 *
 * <p>The comparison descends at most {@value #DEPTH} levels and then compares structural
 * fingerprints (and, on a fingerprint collision, creation numbers): a total order, bounded stack
 * depth, independent of the order in which nodes were built.
 */
final class Order {

    static final int DEPTH = 12;

    private Order() {
    }

    /** The key of a term body: its monomial in the variables and its other factors. */
    static final class Monomial {
        final Rational degree;
        final int[] vars;
        final Rational[] powers;
        final Node[] restBases;
        final Node[] restExps;

        Monomial(Rational degree, int[] vars, Rational[] powers, Node[] restBases, Node[] restExps) {
            this.degree = degree;
            this.vars = vars;
            this.powers = powers;
            this.restBases = restBases;
            this.restExps = restExps;
        }
    }

    private static int rank(Node n) {
        return switch (n) {
            case Num x -> 0;
            case Const x -> 1;
            case Var x -> 2;
            case Fn x -> 3;
            case Add x -> 4;
            case Mul x -> 5;
        };
    }

    /**
     * The canonical order of the factors {@code a^x} and {@code b^y} of a product: by base, except
     * that powers with a symbolic exponent ({@code 2^x}, {@code x^(y - 1)}) come after the variables
     * and before the functions: {@code y*x^(y - 1)}, {@code x*2^x*log(2)}.
     */
    static int compareFactors(Node a, Node x, Node b, Node y) {
        int c = Integer.compare(factorRank(a, x), factorRank(b, y));
        return c != 0 ? c : compare(a, b);
    }

    /** Twice the rank of the base, or 5: between variables (4) and functions (6). */
    private static int factorRank(Node base, Node exp) {
        return exp instanceof Num ? 2 * rank(base) : 5;
    }

    /** The canonical order of factors (a total order on the nodes of one algebra). */
    static int compare(Node a, Node b) {
        return compare(a, b, DEPTH);
    }

    private static int compare(Node a, Node b, int depth) {
        if (a == b) {
            return 0;
        }
        int c = Integer.compare(rank(a), rank(b));
        if (c != 0) {
            return c;
        }
        if (depth == 0) {
            return fallback(a, b);
        }
        c = switch (a) {
            case Num x -> x.value.compareTo(((Num) b).value);
            case Const x -> Integer.compare(x.constant.ordinal(), ((Const) b).constant.ordinal());
            case Var x -> Integer.compare(x.index, ((Var) b).index);
            case Fn x -> {
                Fn y = (Fn) b;
                // glog(u, v) prints as log(u), so it sorts as log(u) does
                int r = Integer.compare(printed(x.fun).ordinal(), printed(y.fun).ordinal());
                if (r == 0) {
                    r = compare(x.args[0], y.args[0], depth - 1);
                }
                if (r == 0) {
                    r = Integer.compare(x.fun.ordinal(), y.fun.ordinal());
                }
                for (int i = 1; r == 0 && i < x.args.length; i++) {
                    r = compare(x.args[i], y.args[i], depth - 1);
                }
                yield r;
            }
            case Add x -> {
                Add y = (Add) b;
                int r = 0;
                int n = Math.min(x.terms.length, y.terms.length);
                for (int i = 0; r == 0 && i < n; i++) {
                    r = compare(x.terms[i], y.terms[i], depth - 1);
                    if (r == 0) {
                        r = y.coefs[i].compareTo(x.coefs[i]);
                    }
                }
                if (r == 0) {
                    r = Integer.compare(y.terms.length, x.terms.length);
                }
                yield r != 0 ? r : y.constant.compareTo(x.constant);
            }
            case Mul x -> {
                Mul y = (Mul) b;
                int r = 0;
                int n = Math.min(x.bases.length, y.bases.length);
                for (int i = 0; r == 0 && i < n; i++) {
                    r = compare(x.bases[i], y.bases[i], depth - 1);
                    if (r == 0) {
                        r = compareExponents(x.exps[i], y.exps[i], depth - 1);
                    }
                }
                if (r == 0) {
                    r = Integer.compare(y.bases.length, x.bases.length);
                }
                yield r != 0 ? r : y.coef.compareTo(x.coef);
            }
        };
        return c != 0 ? c : fallback(a, b);
    }

    private static Fun printed(Fun f) {
        return f == Fun.GUARDED_LOG ? Fun.LOG : f;
    }

    /** Higher numeric exponents first; symbolic exponents after numeric ones, in node order. */
    private static int compareExponents(Node a, Node b, int depth) {
        if (a instanceof Num x && b instanceof Num y) {
            return y.value.compareTo(x.value);
        }
        return compare(a, b, depth);
    }

    private static int fallback(Node a, Node b) {
        int c = Long.compare(a.print, b.print);
        return c != 0 ? c : Integer.compare(a.id, b.id);
    }

    /** The ordering key of {@code body} as a term of a sum, computed once. */
    static Monomial monomial(Node body) {
        Monomial m = body.monomial;
        if (m != null) {
            return m;
        }
        Node[] bases;
        Node[] exps;
        if (body instanceof Mul p) {
            bases = p.bases;
            exps = p.exps;
        } else {
            bases = new Node[] {body};
            exps = null;
        }
        Rational degree = Rational.ZERO;
        List<Integer> vars = new ArrayList<>();
        List<Rational> powers = new ArrayList<>();
        List<Node> restBases = new ArrayList<>();
        List<Node> restExps = new ArrayList<>();
        for (int i = 0; i < bases.length; i++) {
            Rational power = exps == null ? Rational.ONE : exps[i] instanceof Num n ? n.value : null;
            if (bases[i] instanceof Var v && power != null) {
                vars.add(v.index);
                powers.add(power);
                degree = degree.add(power);
            } else {
                restBases.add(bases[i]);
                restExps.add(exps == null ? null : exps[i]);
            }
        }
        int[] va = new int[vars.size()];
        for (int i = 0; i < va.length; i++) {
            va[i] = vars.get(i);
        }
        m = new Monomial(degree, va, powers.toArray(Rational[]::new), restBases.toArray(Node[]::new),
                restExps.toArray(Node[]::new));
        body.monomial = m;
        return m;
    }

    /** The canonical (textbook) order of the term bodies of a sum. */
    static int compareTerms(Node a, Node b) {
        if (a == b) {
            return 0;
        }
        Monomial x = monomial(a);
        Monomial y = monomial(b);
        int c = y.degree.compareTo(x.degree);
        if (c != 0) {
            return c;
        }
        int i = 0;
        int j = 0;
        while (i < x.vars.length || j < y.vars.length) {
            int vi = i < x.vars.length ? x.vars[i] : Integer.MAX_VALUE;
            int vj = j < y.vars.length ? y.vars[j] : Integer.MAX_VALUE;
            int v = Math.min(vi, vj);
            Rational px = vi == v ? x.powers[i++] : Rational.ZERO;
            Rational py = vj == v ? y.powers[j++] : Rational.ZERO;
            c = py.compareTo(px);
            if (c != 0) {
                return c;
            }
        }
        int n = Math.min(x.restBases.length, y.restBases.length);
        for (int k = 0; k < n; k++) {
            c = compare(x.restBases[k], y.restBases[k]);
            if (c != 0) {
                return c;
            }
            Node ex = x.restExps[k];
            Node ey = y.restExps[k];
            if (ex != ey) {
                if (ex == null || ey == null) {
                    // null stands for exponent 1 of a lone factor
                    Rational rx = ex == null ? Rational.ONE : ex instanceof Num q ? q.value : null;
                    Rational ry = ey == null ? Rational.ONE : ey instanceof Num q ? q.value : null;
                    if (rx != null && ry != null) {
                        c = ry.compareTo(rx);
                    } else {
                        c = rx != null ? -1 : 1;
                    }
                } else {
                    c = compareExponents(ex, ey, DEPTH);
                }
                if (c != 0) {
                    return c;
                }
            }
        }
        c = Integer.compare(y.restBases.length, x.restBases.length);
        return c != 0 ? c : compare(a, b);
    }
}
