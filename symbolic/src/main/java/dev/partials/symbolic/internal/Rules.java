package dev.partials.symbolic.internal;

import dev.partials.Rational;
import java.util.List;

/**
 * The derivative rules of the symbolic provider: one table, one row per operation of the language.
 *
 * <table class="striped">
 * <caption>Partial derivatives of each operation (H(w) = ½ + atan2(w, 0)/π, sign(w) = 2·atan2(w, 0)/π)</caption>
 * <thead><tr><th>operation</th><th>∂/∂a</th><th>∂/∂b</th></tr></thead>
 * <tbody>
 * <tr><td>{@code a + b}, {@code a - b}, {@code -a}</td><td>1 (−1 for {@code -a})</td><td>1, −1</td></tr>
 * <tr><td>{@code a * b}</td><td>b</td><td>a</td></tr>
 * <tr><td>{@code a / b}</td><td>1/b</td><td>−a/b²</td></tr>
 * <tr><td>{@code a ^ b}</td><td>b·a^(b−1)</td><td>a^b·log(a), 0 where a = 0 &lt; b</td></tr>
 * <tr><td>{@code atan2(a, b)}</td><td>b/(a² + b²)</td><td>−a/(a² + b²)</td></tr>
 * <tr><td>{@code min(a, b)}</td><td>H(b − a)</td><td>H(a − b)</td></tr>
 * <tr><td>{@code max(a, b)}</td><td>H(a − b)</td><td>H(b − a)</td></tr>
 * <tr><td>{@code sin a}, {@code cos a}, {@code tan a}</td><td>cos a, −sin a, 1 + tan²a</td><td></td></tr>
 * <tr><td>{@code asin a}, {@code acos a}, {@code atan a}</td><td>1/√(1−a²), −1/√(1−a²), 1/(1+a²)</td><td></td></tr>
 * <tr><td>{@code sinh a}, {@code cosh a}, {@code tanh a}</td><td>cosh a, sinh a, 1 − tanh²a</td><td></td></tr>
 * <tr><td>{@code exp a}, {@code log a}, {@code sqrt a}</td><td>exp a, 1/a, 1/(2√a)</td><td></td></tr>
 * <tr><td>{@code abs a}, {@code relu a}</td><td>sign(a), sign(relu a)</td><td></td></tr>
 * <tr><td>{@code sigmoid a}, {@code softplus a}</td><td>σ(a)·(1 − σ(a)), σ(a)</td><td></td></tr>
 * </tbody>
 * </table>
 *
 * <p>Sums, differences and negations are one n-ary sum in the canonical form, and products,
 * quotients and powers one n-ary product of powers; the arithmetic rows apply in that form: the
 * derivative of {@code c·Π bᵢ^eᵢ} is {@code Σᵢ c·Π_{j≠i} bⱼ^eⱼ · (∂(bᵢ^eᵢ)/∂bᵢ·bᵢ' + ∂(bᵢ^eᵢ)/∂eᵢ·eᵢ')},
 * with the {@code ^} row, and only for the operands that depend on the variable (the
 * structural-zero convention).
 *
 * <h2>The conventions at kinks, in closed form</h2>
 * The formula language has no {@code sign} function, and {@code abs(u)/u} is NaN at 0. The rules use
 * the identity {@code atan2(w, 0) = (π/2)·sign(w)}, true for every real w and giving exactly 0 at
 * w = 0 ({@code Math.atan2(0, 0) = 0}). In {@code double}, {@code atan2(w, 0)} is the double nearest
 * π/2 (or its negation, or 0), and dividing it by {@code pi} gives exactly ½ (or −½, 0): so
 * {@code 2*atan2(w, 0)/pi} evaluates to exactly 1, −1 or 0 (NaN for NaN), and
 * {@code 1/2 + atan2(w, 0)/pi} to exactly 1, 0 or ½. That is the convention of {@link dev.partials.Op}:
 * abs'(0) = 0, relu'(0) = 0, ½ to each argument of min and max at a tie, and the derivative of the
 * branch taken elsewhere; and these forms print, re-parse and evaluate the same in every provider.
 * The compiled form evaluates each {@code atan2(w, 0)/pi} first, so the ½ is exact before other
 * factors multiply it (see {@link Render}).
 *
 * <p>{@code sqrt'(0) = +∞} needs nothing: {@code 1/(2*sqrt(0))} is +∞. {@code x^n} with an integer
 * constant n is {@code n*x^(n-1)}, defined for x ≤ 0; {@code x^0} is 1, so its derivative is 0. The
 * exponent rule's {@code log(a)} is {@link Fun#GUARDED_LOG}, printed {@code log(a)} and evaluated so
 * that the product is 0 where a = 0 and b &gt; 0.
 */
final class Rules {

    private Rules() {
    }

    /** The partial derivatives of {@code f} with respect to each argument, at {@code self = f(args)}. */
    static Node[] partials(Algebra a, Node.Fn self) {
        Node u = self.args[0];
        Node v = self.args.length > 1 ? self.args[1] : null;
        return switch (self.fun) {
            case SIN -> one(a.fn(Fun.COS, u));
            case COS -> one(a.negate(a.fn(Fun.SIN, u)));
            case TAN -> one(a.add(a.one, a.pow(self, 2)));
            case ASIN -> one(a.pow(a.fn(Fun.SQRT, a.subtract(a.one, a.pow(u, 2))), -1));
            case ACOS -> one(a.negate(a.pow(a.fn(Fun.SQRT, a.subtract(a.one, a.pow(u, 2))), -1)));
            case ATAN -> one(a.pow(a.add(a.one, a.pow(u, 2)), -1));
            case SINH -> one(a.fn(Fun.COSH, u));
            case COSH -> one(a.fn(Fun.SINH, u));
            case TANH -> one(a.subtract(a.one, a.pow(self, 2)));
            case EXP -> one(self);
            case LOG -> one(a.pow(u, -1));
            case SQRT -> one(a.scale(Rational.of(1, 2), a.pow(self, -1)));
            case ABS -> one(a.sign(u));
            case SIGMOID -> one(a.multiply(self, a.subtract(a.one, self)));
            case RELU -> one(a.sign(self));
            case SOFTPLUS -> one(a.fn(Fun.SIGMOID, u));
            case ATAN2 -> {
                Node r2 = a.pow(a.add(a.pow(u, 2), a.pow(v, 2)), -1);
                yield new Node[] {a.multiply(v, r2), a.negate(a.multiply(u, r2))};
            }
            case MIN -> new Node[] {a.halfStep(a.subtract(v, u)), a.halfStep(a.subtract(u, v))};
            case MAX -> new Node[] {a.halfStep(a.subtract(u, v)), a.halfStep(a.subtract(v, u))};
            case GUARDED_LOG -> new Node[] {a.pow(u, -1), a.zero};
        };
    }

    /** ∂(b^e)/∂b = e·b^(e−1). */
    static Node powerBase(Algebra a, Node b, Node e) {
        return a.product(Rational.ONE, List.of(e, b), List.of(a.one, a.add(e, a.minusOne)));
    }

    /** ∂(b^e)/∂e = b^e·log(b), with the guard of {@link Fun#GUARDED_LOG}. */
    static Node powerExponent(Algebra a, Node b, Node e) {
        return a.multiply(a.pow(b, e), a.fn(Fun.GUARDED_LOG, b, e));
    }

    private static Node[] one(Node d) {
        return new Node[] {d};
    }
}
