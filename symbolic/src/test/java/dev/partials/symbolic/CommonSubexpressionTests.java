package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Large results print with their common subexpressions named, as SymPy's cse does. */
class CommonSubexpressionTests {

    @Test
    void sharedSubexpressionIsNamedOnce() {
        CommonSubexpressions c = Symbolic.cse(List.of(Formula.parse("sin(x^2)*cos(x^2)").output(0)));
        assertThat(c.text()).isEqualTo("t1 = x^2; result = sin(t1)*cos(t1)");
        assertThat(c.latex()).isEqualTo("\\begin{aligned} t_{1} &= x^{2} \\\\ \\mathrm{result} &= "
                + "\\sin\\left(t_{1}\\right) \\cos\\left(t_{1}\\right) \\end{aligned}");
    }

    @Test
    void hessianOfTheEuclideanNormPrintsWithItsSharedParts() {
        // ∂²r/∂x² = 1/r − x²/r³, ∂²r/∂x∂y = −xy/r³, ∂²r/∂y² = 1/r − y²/r³ with r = sqrt(x² + y²)
        ExpressionMatrix h = Symbolic.prepare(Formula.parse("sqrt(x^2 + y^2)")).hessianExpressions(0);
        assertThat(h.get(0, 0).text()).isEqualTo("1/sqrt(x^2 + y^2) - x^2/sqrt(x^2 + y^2)^3");
        assertThat(h.get(0, 1).text()).isEqualTo("-x*y/sqrt(x^2 + y^2)^3");
        assertThat(h.cse().text()).isEqualTo("t1 = x^2; t2 = y^2; t3 = sqrt(t1 + t2); t4 = 1/t3; t5 = t3^3; "
                + "t6 = -x*y/t5; result = [t4 - t1/t5, t6, t6, t4 - t2/t5]");
    }

    @Test
    void namesNeverClashWithVariables() {
        Expression e = Formula.parse("(t1 + x)^2 + (t1 + x)^3").output(0);
        assertThat(Symbolic.cse(List.of(e)).text()).isEqualTo("t2 = t1 + x; result = t2^2 + t2^3");
    }

    @Test
    void squaringChainPrintsInLinearSpace() {
        Expression c = Expression.variable("x");
        for (int i = 0; i < 60; i++) {
            c = c.times(c).plus(1);
        }
        CommonSubexpressions cse = Symbolic.cse(List.of(c));
        // c1 … c59 are each used twice by the next step; c60, the result, once
        assertThat(cse.definitions()).hasSize(59);
        assertThat(cse.text()).startsWith("t1 = x*x + 1; t2 = t1*t1 + 1; ").endsWith("; result = t59*t59 + 1");
    }
}
