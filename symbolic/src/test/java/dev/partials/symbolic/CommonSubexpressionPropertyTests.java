package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.Rational;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Naming common subexpressions changes the print, never the value: substituting the definitions
 * back gives the original values exactly (rational expressions, exact evaluation), no two
 * definitions are the same expression, and only what is longer than a name is named.
 */
class CommonSubexpressionPropertyTests {

    private static final List<String> XYZ = List.of("x", "y", "z");

    @Test
    void substitutingTheDefinitionsBackGivesTheOriginalValues() {
        int checked = 0;
        for (int i = 0; i < RandomExpressions.tries(); i++) {
            RandomGenerator r = RandomExpressions.random(i);
            Expression e = RandomExpressions.next(r, XYZ, 4 + r.nextInt(16), RandomExpressions.Kind.RATIONAL);
            ExpressionMatrix h = Symbolic.prepare(Formula.of(XYZ, e)).hessianExpressions(0);
            List<Expression> entries = h.rows().stream().flatMap(List::stream).toList();
            CommonSubexpressions cse = h.cse();
            assertThat(cse.results()).hasSize(entries.size());
            Set<String> defined = new HashSet<>();
            for (CommonSubexpressions.Definition d : cse.definitions()) {
                assertThat(defined.add(d.expression().text())).as("try %d: %s defined twice in %s", i, d.name(), cse)
                        .isTrue();
            }
            for (int p = 0; p < 3; p++) {
                Rational[] point = RandomExpressions.rationalPoint(r, 3);
                Map<String, Rational> env = new HashMap<>();
                for (int j = 0; j < 3; j++) {
                    env.put(XYZ.get(j), point[j]);
                }
                List<Rational> expected;
                try {
                    expected = entries.stream().map(x -> Symbolic.evaluate(x, env)).toList();
                } catch (PartialsException undefined) {
                    continue; // a division by zero at this point
                }
                for (CommonSubexpressions.Definition d : cse.definitions()) {
                    env.put(d.name(), Symbolic.evaluate(d.expression(), env));
                }
                List<Rational> actual = cse.results().stream().map(x -> Symbolic.evaluate(x, env)).toList();
                assertThat(actual).as("try %d at %s: %s", i, List.of(point), cse).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(RandomExpressions.tries());
    }

    @Test
    void aSignOnALeafIsNotNamedButASignOnASumIs() {
        assertThat(Symbolic.cse(List.of(Formula.parse("sin(-x) + cos(-x)").output(0))).text())
                .isEqualTo("result = sin(-x) + cos(-x)");
        assertThat(Symbolic.cse(List.of(Formula.parse("sin(-(x + y)) + cos(-(x + y))").output(0))).text())
                .isEqualTo("t1 = -(x + y); result = sin(t1) + cos(t1)");
        assertThat(Symbolic.cse(List.of(Formula.parse("sin(2) + cos(2) + x + x").output(0))).definitions()).isEmpty();
    }

    @Test
    void tensOfThousandsOfSharedSubexpressionsAreNamedInLinearTime() {
        // Σ sin(x + i)·sin(x + i), every factor built twice: value numbering must find each pair
        // through hashing (a quadratic search would take minutes here)
        Expression x = Expression.variable("x");
        int n = 20_000;
        Expression sum = x;
        for (int i = 1; i <= n; i++) {
            sum = sum.plus(x.plus(i).sin().times(x.plus(i).sin()));
        }
        CommonSubexpressions c = Symbolic.cse(List.of(sum));
        // per i, sin(x + i) is named (x + i, once numbered, is used by it alone)
        assertThat(c.definitions()).hasSize(n);
    }

    @Test
    void severalResultsPrintAsAList() {
        CommonSubexpressions c = Symbolic.cse(List.of(Formula.parse("sin(x*y)").output(0),
                Formula.parse("cos(x*y)").output(0)));
        assertThat(c.text()).isEqualTo("t1 = x*y; result = [sin(t1), cos(t1)]");
        assertThat(c).hasToString(c.text());
    }
}
