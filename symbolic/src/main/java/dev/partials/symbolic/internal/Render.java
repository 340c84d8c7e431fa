package dev.partials.symbolic.internal;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.MathConstant;
import dev.partials.Op;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.Variable;
import dev.partials.symbolic.internal.Node.Add;
import dev.partials.symbolic.internal.Node.Const;
import dev.partials.symbolic.internal.Node.Fn;
import dev.partials.symbolic.internal.Node.Mul;
import dev.partials.symbolic.internal.Node.Num;
import dev.partials.symbolic.internal.Node.Var;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Writes canonical nodes back as expressions of the language, in one of two forms.
 *
 * <p>{@link Form#DISPLAY}, the textbook form users see: a sum prints its terms in canonical order
 * with subtraction for negative terms ({@code x - y}, never {@code x + -1*y}), a positive term first
 * when there is one ({@code 1 - sigmoid(z)}); a product prints its coefficient first and its
 * negative powers as a denominator ({@code -2*x}, {@code 2*x/(x^2 + 1)}, {@code x/2},
 * {@code x/(2*sqrt(x))}). Shared nodes stay shared in the expression DAG.
 *
 * <p>{@link Form#EVALUATION}, what the provider compiles to a {@link dev.partials.spi.Program}: the
 * display form, except that {@link Fun#GUARDED_LOG} carries its guard, each {@code atan2(w, 0)} is
 * divided by {@code pi} first (so {@code sign} and the half-step are exact before anything multiplies
 * them), and integer exponents beyond 2^53 (which a {@code double} cannot hold exactly) are split so
 * that the parity of the exponent, hence the sign of a negative base's power, is kept.
 */
final class Render {

    /** Which expression to write. */
    enum Form {
        /** The textbook form. */
        DISPLAY,
        /** The form compiled for evaluation. */
        EVALUATION
    }

    private static final BigInteger EXACT = BigInteger.ONE.shiftLeft(53);
    private static final Constant ZERO = new Constant(Rational.ZERO);
    private static final Constant ONE = new Constant(Rational.ONE);
    private static final Constant TWO = new Constant(Rational.TWO);

    private final Algebra a;
    private final Form form;
    private final IdentityHashMap<Node, Expression> memo = new IdentityHashMap<>();

    Render(Algebra a, Form form) {
        this.a = a;
        this.form = form;
    }

    /** {@code node} as an expression. */
    Expression expression(Node root) {
        Expression known = memo.get(root);
        if (known != null) {
            return known;
        }
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (memo.containsKey(n)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (Node k : needs(n)) {
                if (!memo.containsKey(k)) {
                    stack.push(k);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                memo.put(n, build(n));
            }
        }
        return memo.get(root);
    }

    /** The nodes whose expressions {@code n}'s expression is made of. */
    private static List<Node> needs(Node n) {
        if (n instanceof Add s) {
            List<Node> out = new ArrayList<>();
            for (Node t : s.terms) {
                if (t instanceof Mul m) {
                    out.addAll(List.of(m.kids));
                } else {
                    out.add(t);
                }
            }
            return out;
        }
        return List.of(n.kids);
    }

    private Expression build(Node n) {
        return switch (n) {
            case Num x -> new Constant(x.value);
            case Var x -> new Variable(x.name);
            case Const x -> x.constant;
            case Fn f -> function(f);
            case Mul m -> product(m.coef, m.bases, m.exps);
            case Add s -> sum(s);
        };
    }

    private Expression function(Fn f) {
        Expression u = memo.get(f.args[0]);
        if (f.fun == Fun.GUARDED_LOG) {
            if (form == Form.DISPLAY) {
                return new Unary(Op.LOG, u);
            }
            Expression v = memo.get(f.args[1]);
            // [u = 0] = 1 - 2*atan2(abs(u), 0)/pi and [v > 0] = 2*atan2(relu(v), 0)/pi, both exact.
            Expression uIsZero = new Binary(Op.SUBTRACT, ONE, new Binary(Op.MULTIPLY, TWO,
                    new Binary(Op.DIVIDE, new Binary(Op.ATAN2, new Unary(Op.ABS, u), ZERO), MathConstant.PI)));
            Expression vIsPositive = new Binary(Op.MULTIPLY, TWO,
                    new Binary(Op.DIVIDE, new Binary(Op.ATAN2, new Unary(Op.RELU, v), ZERO), MathConstant.PI));
            return new Unary(Op.LOG, new Binary(Op.ADD, u, new Binary(Op.MULTIPLY, uIsZero, vIsPositive)));
        }
        Op op = f.fun.op();
        return op.arity() == 1 ? new Unary(op, u) : new Binary(op, u, memo.get(f.args[1]));
    }

    /** {@code c · Π bases[i]^exps[i]}, signed. */
    private Expression product(Rational c, Node[] bases, Node[] exps) {
        List<Expression> num = new ArrayList<>();
        List<Expression> den = new ArrayList<>();
        Rational abs = c.abs();
        if (!abs.numerator().equals(BigInteger.ONE)) {
            num.add(new Constant(Rational.of(abs.numerator())));
        }
        if (!abs.isInteger()) {
            den.add(new Constant(Rational.of(abs.denominator())));
        }
        // In the evaluation form, each atan2(w, 0) is divided by one power of pi first; the rest of
        // the pi power stays where it is, so the order of the other operations is the display's.
        int piIndex = -1;
        long remaining = 0;
        boolean[] paired = new boolean[bases.length];
        if (form == Form.EVALUATION) {
            for (int i = 0; i < bases.length; i++) {
                if (bases[i] == a.pi && exps[i] instanceof Num k && k.value.isInteger() && k.value.signum() < 0
                        && k.value.numerator().bitLength() < 32) {
                    piIndex = i;
                    remaining = -k.value.numerator().longValue();
                }
            }
            for (int i = 0; i < bases.length && remaining > 0; i++) {
                if (bases[i] instanceof Fn f && f.fun == Fun.ATAN2 && f.args[1] == a.zero
                        && exps[i] instanceof Num k && k.value.isInteger() && k.value.signum() > 0
                        && k.value.compareTo(Rational.of(remaining)) <= 0) {
                    paired[i] = true;
                    remaining -= k.value.numerator().longValue();
                }
            }
        }
        for (int i = 0; i < bases.length; i++) {
            Node b = bases[i];
            Node x = exps[i];
            if (i == piIndex) {
                if (remaining > 0) {
                    den.add(power(MathConstant.PI, Rational.of(remaining)));
                }
                continue;
            }
            if (paired[i]) {
                Expression half = new Binary(Op.DIVIDE, memo.get(b), MathConstant.PI);
                num.add(x == a.one ? half : new Binary(Op.POWER, half, new Constant(((Num) x).value)));
                continue;
            }
            if (x instanceof Num k && k.value.signum() < 0) {
                den.add(power(memo.get(b), k.value.negate()));
            } else {
                num.add(x instanceof Num k ? power(memo.get(b), k.value) : new Binary(Op.POWER, memo.get(b), memo.get(x)));
            }
        }
        boolean negateAll = false;
        if (c.signum() < 0) {
            if (num.isEmpty()) {
                num.add(new Constant(Rational.MINUS_ONE));
            } else if (num.get(0) instanceof Constant k) {
                num.set(0, new Constant(k.value().negate()));
            } else if (num.get(0) instanceof Binary b && (b.op() == Op.ADD || b.op() == Op.SUBTRACT)) {
                // -(a - b)*c/d would read back with the sign distributed into the sum: -((a - b)*c/d) does not
                negateAll = true;
            } else {
                num.set(0, new Unary(Op.NEGATE, num.get(0)));
            }
        }
        Expression top = num.isEmpty() ? ONE : chain(num);
        Expression all = den.isEmpty() ? top : new Binary(Op.DIVIDE, top, chain(den));
        return negateAll ? new Unary(Op.NEGATE, all) : all;
    }

    private static Expression chain(List<Expression> factors) {
        Expression e = factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            e = new Binary(Op.MULTIPLY, e, factors.get(i));
        }
        return e;
    }

    /** {@code base^k} for a positive rational k. */
    private Expression power(Expression base, Rational k) {
        if (k.equals(Rational.ONE)) {
            return base;
        }
        if (form == Form.DISPLAY || !k.isInteger() || k.numerator().compareTo(EXACT) <= 0) {
            return new Binary(Op.POWER, base, new Constant(k));
        }
        // b^k = b^r * (b^(2^53))^q with k = q*2^53 + r: every exponent exact in double, parity kept.
        List<Expression> parts = new ArrayList<>();
        BigInteger rest = k.numerator();
        Expression b = base;
        while (rest.compareTo(EXACT) > 0) {
            BigInteger[] qr = rest.divideAndRemainder(EXACT);
            if (qr[1].signum() != 0) {
                parts.add(new Binary(Op.POWER, b, new Constant(Rational.of(qr[1]))));
            }
            b = new Binary(Op.POWER, b, new Constant(Rational.of(EXACT)));
            rest = qr[0];
        }
        parts.add(rest.equals(BigInteger.ONE) ? b : new Binary(Op.POWER, b, new Constant(Rational.of(rest))));
        return chain(parts);
    }

    private Expression sum(Add s) {
        int n = s.terms.length;
        List<Rational> coefs = new ArrayList<>(n + 1);
        List<Node> bodies = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            coefs.add(s.coefs[i]);
            bodies.add(s.terms[i]);
        }
        if (s.constant.signum() != 0) {
            coefs.add(s.constant);
            bodies.add(null);
        }
        if (coefs.get(0).signum() < 0) {
            // Lead with the first positive term, if any: 1 - x rather than -x + 1.
            for (int i = 1; i < coefs.size(); i++) {
                if (coefs.get(i).signum() > 0) {
                    coefs.add(0, coefs.remove(i));
                    bodies.add(0, bodies.remove(i));
                    break;
                }
            }
        }
        Expression acc = null;
        for (int i = 0; i < coefs.size(); i++) {
            Rational c = coefs.get(i);
            Rational magnitude = acc == null ? c : c.abs();
            Node body = bodies.get(i);
            Expression t;
            if (body == null) {
                t = new Constant(magnitude);
            } else if (body instanceof Mul m) {
                t = product(magnitude, m.bases, m.exps);
            } else {
                t = product(magnitude, new Node[] {body}, new Node[] {a.one});
            }
            acc = acc == null ? t : new Binary(c.signum() < 0 ? Op.SUBTRACT : Op.ADD, acc, t);
        }
        return acc;
    }
}
