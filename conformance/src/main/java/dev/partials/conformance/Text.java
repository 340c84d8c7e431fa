package dev.partials.conformance;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.MathConstant;
import dev.partials.Op;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.Variable;
import dev.partials.spi.Traversal;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The kit's own printer of expressions in the formula language, so that failure messages never
 * depend on {@link Expression#text()}. It parenthesises conservatively: a negation or negative
 * constant is bare only as the left operand of {@code + - * /}, a power's base and exponent are
 * atoms or parenthesised, and a right operand of equal precedence is parenthesised, so the text
 * parses back to the same tree under any usual precedence for unary minus.
 */
final class Text {

    /** Longest text kept for one expression; longer ones are cut with "…". */
    static final int MAX_LENGTH = 20_000;

    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int SIGNED = 3;   // -x, -3, -1/3
    private static final int ATOM = 5;

    private record Printed(String text, int precedence) {
    }

    private Text() {
    }

    /** {@code e} in the formula language. */
    static String of(Expression e) {
        IdentityHashMap<Expression, Printed> done = new IdentityHashMap<>();
        for (Expression node : Traversal.postOrder(List.of(e))) {
            done.put(node, print(node, done));
        }
        return done.get(e).text();
    }

    private static Printed print(Expression e, IdentityHashMap<Expression, Printed> done) {
        return switch (e) {
            case Constant c -> constant(c.value());
            case Variable v -> new Printed(v.name(), ATOM);
            case MathConstant m -> new Printed(m.symbol(), ATOM);
            case Unary u when u.op() == Op.NEGATE -> {
                Printed a = done.get(u.operand());
                yield new Printed(cut("-" + (a.precedence() == ATOM ? a.text() : "(" + a.text() + ")")), SIGNED);
            }
            case Unary u -> new Printed(cut(u.op().symbol() + "(" + done.get(u.operand()).text() + ")"), ATOM);
            case Binary b -> binary(b, done.get(b.left()), done.get(b.right()));
        };
    }

    /** 3 is an atom; 1/3 binds like a product; -3 and -1/3 like a negation. */
    private static Printed constant(Rational r) {
        String s = r.toString();
        if (r.signum() < 0) {
            return new Printed(s, SIGNED);
        }
        return new Printed(s, r.isInteger() ? ATOM : PRODUCT);
    }

    private static Printed binary(Binary b, Printed l, Printed r) {
        return switch (b.op()) {
            case ADD, SUBTRACT -> new Printed(cut(left(l, SUM) + " " + b.op().symbol() + " " + right(r, SUM)), SUM);
            case MULTIPLY, DIVIDE -> new Printed(cut(left(l, PRODUCT) + b.op().symbol() + right(r, PRODUCT)), PRODUCT);
            case POWER -> new Printed(cut(atom(l) + "^" + atom(r)), SIGNED + 1);
            default -> new Printed(cut(b.op().symbol() + "(" + l.text() + ", " + r.text() + ")"), ATOM);
        };
    }

    /** A left operand of a binary operator of precedence {@code p}: bare unless it binds looser. */
    private static String left(Printed a, int p) {
        return a.precedence() >= p ? a.text() : "(" + a.text() + ")";
    }

    /** A right operand: bare only if it binds strictly tighter and is not signed. */
    private static String right(Printed a, int p) {
        return a.precedence() > p && a.precedence() != SIGNED ? a.text() : "(" + a.text() + ")";
    }

    private static String atom(Printed a) {
        return a.precedence() == ATOM ? a.text() : "(" + a.text() + ")";
    }

    private static String cut(String s) {
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH) + "…";
    }

    /** {@code d} as a Java expression: {@code 0.5}, {@code Double.NaN}. */
    static String java(double d) {
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(d);
    }

    /** {@code new double[] {0.5, 2.0}}. */
    static String javaArray(double[] a) {
        StringBuilder sb = new StringBuilder("new double[] {");
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(java(a[i]));
        }
        return sb.append('}').toString();
    }

    /** {@code (0.5, 2.0)}. */
    static String tuple(double[] a) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(a[i]);
        }
        return sb.append(')').toString();
    }

    /** {@code "x", "y"}: the variable names as Java string literals. */
    static String javaNames(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(names.get(i)).append('"');
        }
        return sb.toString();
    }

    /** {@code MultiIndex.of(1, 0)}. */
    static String javaIndex(dev.partials.MultiIndex index) {
        StringBuilder sb = new StringBuilder("MultiIndex.of(");
        for (int i = 0; i < index.dimension(); i++) {
            sb.append(i == 0 ? "" : ", ").append(index.count(i));
        }
        return sb.append(')').toString();
    }

    /** {@code ∂²/∂x∂y} for an index over {@code variables}; {@code value} for order 0. */
    static String partialName(dev.partials.MultiIndex index, List<String> variables) {
        if (index.order() == 0) {
            return "value";
        }
        StringBuilder den = new StringBuilder();
        for (int j = 0; j < index.dimension(); j++) {
            int c = index.count(j);
            if (c > 0) {
                den.append('∂').append(variables.get(j));
                if (c > 1) {
                    den.append(superscript(c));
                }
            }
        }
        return "∂" + (index.order() > 1 ? superscript(index.order()) : "") + "/" + den;
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }
}
