package dev.partials.conformance;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.Rational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A polynomial formula in the shape a provider receives it, together with its exact expansion.
 *
 * <p>Each output is a {@link Sum} of {@link Product}s; a product is a rational coefficient times
 * {@link Power}s of expanded base polynomials. The shape covers the expanded form
 * ({@code x^2 + 3*x*y - 1/2}: one product, one base, exponent 1), the factored form
 * ({@code -3*(2*x - y + 1/2)^2*(x + 5*z)}) and sums of both. {@link #formula()} is the
 * {@link Formula} built from the shape with the fluent API; {@link #exact(int)} is the same output
 * expanded by exact multiplication of the factors in rational arithmetic, independent of any
 * provider. {@link #absolute(int)} is the expansion of the <em>absolute form</em>: every coefficient
 * replaced by its absolute value, which bounds the rounding error of evaluating the shape as written
 * (see {@link ExactOracle}).
 *
 * {@snippet :
 * Polynomial x = Polynomial.variable(2, 0);
 * Polynomial y = Polynomial.variable(2, 1);
 * PolynomialFormula f = PolynomialFormula.of(List.of("x", "y"), List.of(new PolynomialFormula.Sum(List.of(
 *         new PolynomialFormula.Product(Rational.of(-3), List.of(
 *                 new PolynomialFormula.Power(x.plus(y.negate()), 2)))))));
 * String text = f.text();                 // -3*(x - y)^2
 * Polynomial expanded = f.exact(0);       // -3*x^2 + 6*x*y - 3*y^2
 * }
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PolynomialFormula {

    /**
     * {@code base^exponent}.
     *
     * @param base     an expanded, non-zero polynomial
     * @param exponent at least 1
     */
    public record Power(Polynomial base, int exponent) {
        /** Checks the base is not zero and the exponent is positive. */
        public Power {
            Objects.requireNonNull(base, "base");
            if (base.isZero()) {
                throw new IllegalArgumentException("the base of a power must not be zero");
            }
            if (exponent < 1) {
                throw new IllegalArgumentException("the exponent of a power must be at least 1, got " + exponent);
            }
        }

        /** The total degree of the power. */
        public int degree() {
            return base.degree() * exponent;
        }
    }

    /**
     * {@code coefficient · Π factors}; with no factors, the constant {@code coefficient}.
     *
     * @param coefficient non-zero
     * @param factors     the powers multiplied, left to right
     */
    public record Product(Rational coefficient, List<Power> factors) {
        /** Checks the coefficient is not zero. */
        public Product {
            Objects.requireNonNull(coefficient, "coefficient");
            if (coefficient.signum() == 0) {
                throw new IllegalArgumentException("the coefficient of a product must not be zero");
            }
            factors = List.copyOf(factors);
        }

        /** The total degree of the product. */
        public int degree() {
            int d = 0;
            for (Power p : factors) {
                d += p.degree();
            }
            return d;
        }
    }

    /**
     * {@code Σ products}, left to right.
     *
     * @param products at least one
     */
    public record Sum(List<Product> products) {
        /** Checks there is at least one product. */
        public Sum {
            products = List.copyOf(products);
            if (products.isEmpty()) {
                throw new IllegalArgumentException("a sum needs at least one product");
            }
        }

        /** The total degree: the largest degree of its products (an upper bound: terms may cancel). */
        public int degree() {
            int d = 0;
            for (Product p : products) {
                d = Math.max(d, p.degree());
            }
            return d;
        }
    }

    private final List<String> variables;
    private final List<Sum> outputs;
    private final List<Polynomial> exact;
    private final List<Polynomial> absolute;
    private final List<Expression> expressions;
    private final Formula formula;

    private PolynomialFormula(List<String> variables, List<Sum> outputs) {
        this.variables = List.copyOf(variables);
        this.outputs = List.copyOf(outputs);
        if (this.outputs.isEmpty()) {
            throw new IllegalArgumentException("a formula needs at least one output");
        }
        int n = this.variables.size();
        List<Polynomial> ex = new ArrayList<>();
        List<Polynomial> abs = new ArrayList<>();
        List<Expression> exprs = new ArrayList<>();
        for (Sum s : this.outputs) {
            for (Product p : s.products()) {
                for (Power w : p.factors()) {
                    if (w.base().dimension() != n) {
                        throw new IllegalArgumentException("a base in " + w.base().dimension()
                                + " variables in a formula over " + this.variables);
                    }
                }
            }
            ex.add(expand(s, n, false));
            abs.add(expand(s, n, true));
            exprs.add(expression(s, this.variables));
        }
        this.exact = List.copyOf(ex);
        this.absolute = List.copyOf(abs);
        this.expressions = List.copyOf(exprs);
        this.formula = Formula.of(this.variables, this.expressions);
    }

    /**
     * The formula over {@code variables} with these outputs.
     *
     * @throws IllegalArgumentException if a base polynomial has another number of variables
     * @throws dev.partials.PartialsException if a variable name is not an identifier or repeats
     */
    public static PolynomialFormula of(List<String> variables, List<Sum> outputs) {
        return new PolynomialFormula(variables, outputs);
    }

    /** The formula whose outputs are these polynomials in expanded form. */
    public static PolynomialFormula expanded(List<String> variables, Polynomial... outputs) {
        List<Sum> sums = new ArrayList<>();
        for (Polynomial p : outputs) {
            sums.add(expandedSum(p));
        }
        return new PolynomialFormula(variables, sums);
    }

    /** The sum that writes the non-zero polynomial {@code p} in expanded form. */
    static Sum expandedSum(Polynomial p) {
        if (p.isZero()) {
            throw new IllegalArgumentException("the zero polynomial has no expanded form here; use a constant product");
        }
        return new Sum(List.of(new Product(Rational.ONE, List.of(new Power(p, 1)))));
    }

    /** The variable names, in order. */
    public List<String> variables() {
        return variables;
    }

    /** The number of variables. */
    public int dimension() {
        return variables.size();
    }

    /** The outputs, as written. */
    public List<Sum> outputs() {
        return outputs;
    }

    /** The number of outputs. */
    public int outputCount() {
        return outputs.size();
    }

    /** The formula a provider is given, built with the fluent API (never parsed). */
    public Formula formula() {
        return formula;
    }

    /** Output {@code k} as an expression. */
    public Expression expression(int k) {
        return expressions.get(k);
    }

    /** Output {@code k} expanded exactly. */
    public Polynomial exact(int k) {
        return exact.get(k);
    }

    /** The expansion of output {@code k}'s absolute form: every coefficient of the shape made non-negative. */
    public Polynomial absolute(int k) {
        return absolute.get(k);
    }

    /** The largest total degree of the outputs as written. */
    public int degree() {
        int d = 0;
        for (Sum s : outputs) {
            d = Math.max(d, s.degree());
        }
        return d;
    }

    /**
     * The formula in the formula language, printed by the kit (not by {@link Expression#text()}):
     * {@code -3*(x - y)^2}, or {@code [x*y, x + 1]} for several outputs.
     */
    public String text() {
        if (outputs.size() == 1) {
            return Text.of(expressions.get(0));
        }
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < expressions.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(Text.of(expressions.get(k)));
        }
        return sb.append(']').toString();
    }

    /** This formula without output {@code k} (there must be another). */
    PolynomialFormula withoutOutput(int k) {
        List<Sum> s = new ArrayList<>(outputs);
        s.remove(k);
        return new PolynomialFormula(variables, s);
    }

    /** This formula with output {@code k} replaced. */
    PolynomialFormula withOutput(int k, Sum sum) {
        List<Sum> s = new ArrayList<>(outputs);
        s.set(k, sum);
        return new PolynomialFormula(variables, s);
    }

    /** Whether some output uses variable {@code j} in its shape (even if it cancels in the expansion). */
    boolean uses(int j) {
        for (Sum s : outputs) {
            for (Product p : s.products()) {
                for (Power w : p.factors()) {
                    if (w.base().dependsOn(j)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** This formula without variable {@code j}, which no output may use. */
    PolynomialFormula withoutVariable(int j) {
        List<String> v = new ArrayList<>(variables);
        v.remove(j);
        List<Sum> sums = new ArrayList<>();
        for (Sum s : outputs) {
            List<Product> ps = new ArrayList<>();
            for (Product p : s.products()) {
                List<Power> ws = new ArrayList<>();
                for (Power w : p.factors()) {
                    ws.add(new Power(w.base().withoutVariable(j), w.exponent()));
                }
                ps.add(new Product(p.coefficient(), ws));
            }
            sums.add(new Sum(ps));
        }
        return new PolynomialFormula(v, sums);
    }

    private static Polynomial expand(Sum s, int n, boolean absolute) {
        Polynomial total = Polynomial.zero(n);
        for (Product p : s.products()) {
            Polynomial t = Polynomial.constant(n, absolute ? p.coefficient().abs() : p.coefficient());
            for (Power w : p.factors()) {
                t = t.times((absolute ? w.base().absolute() : w.base()).pow(w.exponent()));
            }
            total = total.plus(t);
        }
        return total;
    }

    /**
     * The expression of a sum: products left to right, a product with a negative coefficient after
     * the first one subtracted.
     */
    private static Expression expression(Sum s, List<String> variables) {
        Expression e = null;
        for (Product p : s.products()) {
            if (e == null) {
                e = expression(p, variables);
            } else if (p.coefficient().signum() < 0) {
                e = e.minus(expression(new Product(p.coefficient().negate(), p.factors()), variables));
            } else {
                e = e.plus(expression(p, variables));
            }
        }
        return e;
    }

    /**
     * The expression of a product, folded left to right starting from the coefficient's numerator
     * and divided by its denominator: {@code -3*(x - y)^2*(x + 1)}, {@code 5*(x + y)/4},
     * {@code (x + 1)^2*y} for coefficient 1, {@code -((x + 1)^2*y)} for -1.
     */
    private static Expression expression(Product p, List<String> variables) {
        Rational c = p.coefficient();
        if (p.factors().isEmpty()) {
            return Expression.constant(c);
        }
        BigInteger num = c.numerator();
        BigInteger den = c.denominator();
        Expression e = num.abs().equals(BigInteger.ONE) ? null : Expression.constant(Rational.of(num));
        for (Power w : p.factors()) {
            Expression base = w.base().toExpression(variables);
            Expression f = w.exponent() == 1 ? base : base.pow(w.exponent());
            e = e == null ? f : e.times(f);
        }
        if (num.equals(BigInteger.ONE.negate())) {
            e = e.negate();
        }
        if (!den.equals(BigInteger.ONE)) {
            e = e.div(Expression.constant(Rational.of(den)));
        }
        return e;
    }

    /** Equal when the variables and the outputs as written are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PolynomialFormula f && variables.equals(f.variables) && outputs.equals(f.outputs);
    }

    @Override
    public int hashCode() {
        return variables.hashCode() * 31 + outputs.hashCode();
    }

    /** {@code f(x, y) = -3*(x - y)^2}. */
    @Override
    public String toString() {
        return "f(" + String.join(", ", variables) + ") = " + text();
    }
}
