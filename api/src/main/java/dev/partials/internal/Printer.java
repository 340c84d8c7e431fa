package dev.partials.internal;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.Limits;
import dev.partials.MathConstant;
import dev.partials.Op;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.Variable;
import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * Writes expressions as formula text and as LaTeX, with minimal parentheses.
 *
 * <h2>Text</h2>
 * {@code x^2 + 3*x*y}, {@code x - (y + z)}, {@code -x^2}, {@code (-x)^2}, {@code x^-2},
 * {@code sin(x)}, {@code atan2(y, x)}, {@code 1/3*x}. Spaces go around {@code +} and binary
 * {@code -}, none around {@code *}, {@code /} and {@code ^}. Precedences: {@code + -} 1,
 * {@code * /} 2 (and a non-integer constant, written as a division), a sign and a negative integer
 * 3, {@code ^} 4, atoms 5. A left operand is parenthesised when it binds more loosely than its
 * operator, a right operand also when it binds equally (the tree, not only the value, is kept);
 * {@code ^} is the other way round and its exponent may be a bare sign.
 *
 * <p><b>Round trip.</b> {@code Parser.parse(text(e), null)} is structurally equal to {@code e}, given
 * the parser's literal folding: so a negated constant is written {@code -(3)} (not {@code -3}, which
 * reads back as the constant -3), and a division of two constants is written {@code (1)/3} (not
 * {@code 1/3}, the rational constant). Exceptions, all unreachable from parsed text: a variable named
 * {@code e} or {@code pi} reads back as the constant unless that name is declared (so a formula with
 * both the variable {@code e} and the constant e has no text that reads back); a variable named like
 * a function reads back only when declared; a constant whose numerator or denominator has more than
 * {@link Limits#MAX_LITERAL_DIGITS} digits reads back only when trailing zeros bring it within the
 * limit (it is then written {@code 1e1000}), since the parser refuses longer literals.
 *
 * <h2>LaTeX</h2>
 * {@code x^{2} + 3 x y} (a product is a juxtaposition, with {@code \cdot} before a factor that starts
 * with a digit), {@code \frac{a}{b}} for divisions and rational constants, {@code \sin\left(x\right)},
 * {@code \operatorname{sigmoid}\left(z\right)}, {@code \sqrt{x}}, {@code \left|x\right|},
 * {@code \ln} for the natural logarithm, {@code \pi}. The precedence logic is that of the text,
 * except that whatever braces already group (a fraction's parts, an exponent, a root) needs no
 * parentheses, a fraction is an atom except as the base of a power, and a negative right operand of
 * {@code +}, {@code -} or a product is parenthesised for legibility ({@code x - \left(-y\right)}).
 * A variable of one letter is written as is, a letter and digits as a subscript ({@code w_{1}}), any
 * other name in {@code \mathit{…}}.
 *
 * <p>Both are iterative (an explicit stack): a 100,000-deep expression built in Java prints without
 * overflowing the stack. A shared subexpression is printed at every use, so the text of a DAG can be
 * exponentially longer than its node count; that is the nature of text.
 */
public final class Printer {

    private static final int ATOM = 5;
    private static final int POWER = 4;
    private static final int SIGN = 3;
    private static final int PRODUCT = 2;
    private static final int SUM = 1;

    private Printer() {
    }

    /** Parentheses around an expression: pushed on the work stack to print {@code (e)}. */
    private record Group(Expression expression) {
    }

    /**
     * The expression in the formula language, with minimal parentheses, such that
     * {@code Parser.parse(text(e), null)} is structurally equal to {@code e} (see the class doc for the
     * exceptions).
     */
    public static String text(Expression e) {
        return render(e, false);
    }

    /** The expression as LaTeX math (no surrounding {@code $}). */
    public static String latex(Expression e) {
        return render(e, true);
    }

    /**
     * The one loop of both printers: the work stack holds strings to append, expressions to print,
     * and {@link Group}s to print in parentheses; each node pushes its parts in reverse order.
     */
    private static String render(Expression root, boolean latex) {
        StringBuilder out = new StringBuilder();
        ArrayDeque<Object> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Object item = work.pop();
            switch (item) {
                case String s -> out.append(s);
                case Group g -> {
                    work.push(latex ? "\\right)" : ")");
                    work.push(g.expression());
                    out.append(latex ? "\\left(" : "(");
                }
                case Expression e -> {
                    if (latex) {
                        latexNode(e, work, out);
                    } else {
                        textNode(e, work, out);
                    }
                }
                default -> throw new IllegalStateException("unexpected work item " + item);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- text

    private static void textNode(Expression e, ArrayDeque<Object> work, StringBuilder out) {
        switch (e) {
            case Constant c -> textConstant(c.value(), out);
            case Variable v -> out.append(v.name());
            case MathConstant m -> out.append(m.symbol());
            case Unary u when u.op() == Op.NEGATE -> {
                Expression x = u.operand();
                // A constant always gets parentheses: "-3" would read back as the constant -3.
                boolean group = x instanceof Constant || textPrecedence(x) < POWER;
                out.append('-');
                work.push(group ? new Group(x) : x);
            }
            case Unary u -> {
                out.append(u.op().symbol()).append('(');
                work.push(")");
                work.push(u.operand());
            }
            case Binary b -> textBinary(b, work, out);
        }
    }

    private static void textBinary(Binary b, ArrayDeque<Object> work, StringBuilder out) {
        Expression l = b.left();
        Expression r = b.right();
        switch (b.op()) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE -> {
                int p = textPrecedence(b);
                boolean groupLeft = textPrecedence(l) < p
                        // two constants divided: "1/3" would read back as the rational constant 1/3
                        || (b.op() == Op.DIVIDE && l instanceof Constant && r instanceof Constant);
                boolean groupRight = textPrecedence(r) <= p;
                String symbol = switch (b.op()) {
                    case ADD -> " + ";
                    case SUBTRACT -> " - ";
                    case MULTIPLY -> "*";
                    default -> "/";
                };
                pushInfix(work, l, groupLeft, symbol, r, groupRight);
            }
            case POWER -> pushInfix(work, l, textPrecedence(l) <= POWER, "^", r, textPrecedence(r) < SIGN);
            default -> {
                out.append(b.op().symbol()).append('(');
                work.push(")");
                work.push(r);
                work.push(", ");
                work.push(l);
            }
        }
    }

    private static void textConstant(Rational value, StringBuilder out) {
        if (value.signum() < 0) {
            out.append('-');
        }
        textInteger(value.numerator().abs(), out);
        if (!value.isInteger()) {
            out.append('/');
            textInteger(value.denominator(), out);
        }
    }

    /**
     * The decimal digits of {@code n}; beyond {@link Limits#MAX_LITERAL_DIGITS} digits, trailing zeros
     * as an exponent ({@code 1e1000}) so that the parser accepts the literal back when it can.
     */
    private static void textInteger(BigInteger n, StringBuilder out) {
        String digits = n.toString();
        if (digits.length() > Limits.MAX_LITERAL_DIGITS) {
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            int zeros = digits.length() - end;
            if (end <= Limits.MAX_LITERAL_DIGITS && zeros <= Limits.MAX_LITERAL_DIGITS) {
                out.append(digits, 0, end).append('e').append(zeros);
                return;
            }
        }
        out.append(digits);
    }

    private static void pushInfix(ArrayDeque<Object> work, Expression l, boolean groupLeft, String symbol,
                                  Expression r, boolean groupRight) {
        work.push(groupRight ? new Group(r) : r);
        work.push(symbol);
        work.push(groupLeft ? new Group(l) : l);
    }

    /** How tightly the text of {@code e} binds (see the class doc). */
    private static int textPrecedence(Expression e) {
        return switch (e) {
            case Constant c -> !c.value().isInteger() ? PRODUCT : c.value().signum() < 0 ? SIGN : ATOM;
            case Unary u -> u.op() == Op.NEGATE ? SIGN : ATOM;
            case Binary b -> binaryPrecedence(b.op());
            default -> ATOM;
        };
    }

    private static int binaryPrecedence(Op op) {
        return switch (op) {
            case ADD, SUBTRACT -> SUM;
            case MULTIPLY, DIVIDE -> PRODUCT;
            case POWER -> POWER;
            default -> ATOM;
        };
    }

    // ---------------------------------------------------------------- LaTeX

    private static void latexNode(Expression e, ArrayDeque<Object> work, StringBuilder out) {
        switch (e) {
            case Constant c -> latexConstant(c.value(), out);
            case Variable v -> out.append(latexName(v.name()));
            case MathConstant m -> out.append(m == MathConstant.PI ? "\\pi" : "e");
            case Unary u when u.op() == Op.NEGATE -> {
                out.append('-');
                work.push(latexPrecedence(u.operand()) < POWER ? new Group(u.operand()) : u.operand());
            }
            case Unary u -> {
                switch (u.op()) {
                    case SQRT -> {
                        out.append("\\sqrt{");
                        work.push("}");
                    }
                    case ABS -> {
                        out.append("\\left|");
                        work.push("\\right|");
                    }
                    default -> {
                        out.append(latexFunction(u.op())).append("\\left(");
                        work.push("\\right)");
                    }
                }
                work.push(u.operand());
            }
            case Binary b -> latexBinary(b, work, out);
        }
    }

    private static void latexBinary(Binary b, ArrayDeque<Object> work, StringBuilder out) {
        Expression l = b.left();
        Expression r = b.right();
        switch (b.op()) {
            case ADD, SUBTRACT, MULTIPLY -> {
                int p = binaryPrecedence(b.op());
                boolean groupLeft = latexPrecedence(l) < p;
                int rp = latexPrecedence(r);
                boolean groupRight = rp <= p || rp == SIGN;
                String symbol = switch (b.op()) {
                    case ADD -> " + ";
                    case SUBTRACT -> " - ";
                    default -> groupRight || !startsWithDigit(r) ? " " : " \\cdot ";
                };
                pushInfix(work, l, groupLeft, symbol, r, groupRight);
            }
            case DIVIDE -> {
                // The braces group both parts: no parentheses inside a fraction.
                out.append("\\frac{");
                work.push("}");
                work.push(r);
                work.push("}{");
                work.push(l);
            }
            case POWER -> {
                boolean groupBase = latexPrecedence(l) <= POWER || isFraction(l);
                work.push("}");
                work.push(r);
                work.push("^{");
                work.push(groupBase ? new Group(l) : l);
            }
            default -> {
                out.append(latexFunction(b.op())).append("\\left(");
                work.push("\\right)");
                work.push(r);
                work.push(", ");
                work.push(l);
            }
        }
    }

    private static void latexConstant(Rational value, StringBuilder out) {
        if (value.isInteger()) {
            out.append(value);
            return;
        }
        if (value.signum() < 0) {
            out.append('-');
        }
        out.append("\\frac{").append(value.numerator().abs()).append("}{").append(value.denominator()).append('}');
    }

    /** As {@link #textPrecedence}, but a fraction (drawn as a block) is an atom. */
    private static int latexPrecedence(Expression e) {
        return switch (e) {
            case Constant c -> c.value().signum() < 0 ? SIGN : ATOM;
            case Unary u -> u.op() == Op.NEGATE ? SIGN : ATOM;
            case Binary b -> b.op() == Op.DIVIDE ? ATOM : binaryPrecedence(b.op());
            default -> ATOM;
        };
    }

    private static boolean isFraction(Expression e) {
        return (e instanceof Binary b && b.op() == Op.DIVIDE) || (e instanceof Constant c && !c.value().isInteger());
    }

    /**
     * Whether the LaTeX of {@code e} (in a position where it is not parenthesised) starts with a digit:
     * then a juxtaposed product needs {@code \cdot} ({@code 2 \cdot 3}, not {@code 2 3}). Follows left
     * operands down, a loop.
     */
    private static boolean startsWithDigit(Expression e) {
        Expression x = e;
        while (true) {
            switch (x) {
                case Constant c -> {
                    return c.value().isInteger() && c.value().signum() >= 0;
                }
                case Binary b when b.op() == Op.ADD || b.op() == Op.SUBTRACT || b.op() == Op.MULTIPLY -> {
                    if (latexPrecedence(b.left()) < binaryPrecedence(b.op())) {
                        return false; // starts with \left(
                    }
                    x = b.left();
                }
                case Binary b when b.op() == Op.POWER -> {
                    if (latexPrecedence(b.left()) <= POWER || isFraction(b.left())) {
                        return false;
                    }
                    x = b.left();
                }
                default -> {
                    return false; // a letter, a sign or a command
                }
            }
        }
    }

    private static String latexFunction(Op op) {
        return switch (op) {
            case SIN -> "\\sin";
            case COS -> "\\cos";
            case TAN -> "\\tan";
            case ASIN -> "\\arcsin";
            case ACOS -> "\\arccos";
            case ATAN -> "\\arctan";
            case SINH -> "\\sinh";
            case COSH -> "\\cosh";
            case TANH -> "\\tanh";
            case EXP -> "\\exp";
            case LOG -> "\\ln";
            case MIN -> "\\min";
            case MAX -> "\\max";
            default -> "\\operatorname{" + op.symbol() + "}";
        };
    }

    /** {@code x}; {@code w_{1}} for a letter and digits; {@code \mathit{alpha}} otherwise. */
    private static String latexName(String name) {
        if (name.length() == 1 && Character.isLetter(name.charAt(0))) {
            return name;
        }
        if (name.length() > 1 && Character.isLetter(name.charAt(0)) && name.substring(1).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return name.charAt(0) + "_{" + name.substring(1) + "}";
        }
        return "\\mathit{" + name.replace("_", "\\_") + "}";
    }
}
