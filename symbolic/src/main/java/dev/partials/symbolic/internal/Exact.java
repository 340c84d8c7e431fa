package dev.partials.symbolic.internal;

import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import dev.partials.Rational;
import dev.partials.symbolic.internal.Node.Add;
import dev.partials.symbolic.internal.Node.Const;
import dev.partials.symbolic.internal.Node.Fn;
import dev.partials.symbolic.internal.Node.Mul;
import dev.partials.symbolic.internal.Node.Num;
import dev.partials.symbolic.internal.Node.Var;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact rational evaluation of canonical nodes: sums, products, integer powers, exact roots,
 * {@code abs}, {@code relu}, {@code min}, {@code max}. Iterative, each distinct node once; reads
 * nodes only, so it needs no lock.
 */
final class Exact {

    /** Most bits of any intermediate value. */
    static final long MAX_BITS = 1L << 20;

    private Exact() {
    }

    /** The value of {@code root} at {@code point} (one rational per variable index). */
    static Rational evaluate(Node root, Rational[] point) {
        Map<Node, Rational> value = new HashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (value.containsKey(n)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (Node k : n.kids) {
                if (!value.containsKey(k)) {
                    stack.push(k);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                value.put(n, bounded(compute(n, value, point)));
            }
        }
        return value.get(root);
    }

    private static Rational compute(Node n, Map<Node, Rational> value, Rational[] point) {
        return switch (n) {
            case Num x -> x.value;
            case Var x -> point[x.index];
            case Const x -> throw notRational(x.constant.symbol());
            case Add s -> {
                Rational r = s.constant;
                for (int i = 0; i < s.terms.length; i++) {
                    r = r.add(s.coefs[i].multiply(value.get(s.terms[i])));
                }
                yield r;
            }
            case Mul m -> {
                Rational r = m.coef;
                for (int i = 0; i < m.bases.length; i++) {
                    r = bounded(r.multiply(power(value.get(m.bases[i]), value.get(m.exps[i]))));
                }
                yield r;
            }
            case Fn f -> {
                Rational u = value.get(f.args[0]);
                yield switch (f.fun) {
                    case ABS -> u.abs();
                    case RELU -> u.signum() > 0 ? u : Rational.ZERO;
                    case MIN -> u.compareTo(value.get(f.args[1])) <= 0 ? u : value.get(f.args[1]);
                    case MAX -> u.compareTo(value.get(f.args[1])) >= 0 ? u : value.get(f.args[1]);
                    case SQRT -> {
                        if (u.signum() < 0) {
                            throw undefined("sqrt of the negative number " + u);
                        }
                        yield power(u, Rational.of(1, 2));
                    }
                    default -> throw notRational(f.fun.op() == null ? "log" : f.fun.op().symbol() + "(…)");
                };
            }
        };
    }

    private static Rational power(Rational b, Rational k) {
        if (b.signum() == 0 && k.signum() < 0) {
            throw undefined("division by zero (0^" + k + ")");
        }
        if (k.isInteger() && k.numerator().bitLength() < 32
                && (b.abs().equals(Rational.ONE) || b.signum() == 0
                    || b.bitLength() * Math.abs(k.numerator().longValue()) <= MAX_BITS)) {
            return b.pow(k.numerator().intValue());
        }
        if (k.isInteger()) {
            if (b.abs().equals(Rational.ONE)) {
                return b.signum() > 0 || !k.numerator().testBit(0) ? Rational.ONE : Rational.MINUS_ONE;
            }
            if (b.signum() == 0) {
                return Rational.ZERO;
            }
            throw tooLarge();
        }
        Rational r = b.signum() < 0 ? null : Algebra.foldPower(b, k);
        if (r == null) {
            throw notRational(b + "^" + k);
        }
        return r;
    }

    private static Rational bounded(Rational r) {
        if (r.bitLength() > MAX_BITS) {
            throw tooLarge();
        }
        return r;
    }

    private static PartialsException notRational(String what) {
        return PartialsException.builder(Kind.NOT_SUPPORTED,
                "exact evaluation needs a rational expression, and " + what + " is not rational; "
                        + "use the double methods instead").provider(SymbolicProvider.ID).build();
    }

    private static PartialsException undefined(String why) {
        return PartialsException.builder(Kind.INVALID_ARGUMENT,
                "the exact value is undefined at this point: " + why).provider(SymbolicProvider.ID).build();
    }

    private static PartialsException tooLarge() {
        return PartialsException.builder(Kind.RESULT_TOO_LARGE,
                "an exact intermediate value needs more than " + MAX_BITS + " bits")
                .provider(SymbolicProvider.ID).build();
    }
}
