package dev.partials.symbolic;

import dev.partials.Expression;
import dev.partials.Variable;
import java.util.List;
import java.util.function.Function;

/**
 * Expressions with their common subexpressions named, as SymPy's {@code cse} does: every
 * subexpression that occurs more than once (structurally, across all results) becomes a definition
 * {@code t1 = …}, used by later definitions and by the results.
 *
 * {@snippet :
 * CommonSubexpressions c = Symbolic.cse(List.of(Formula.parse("sin(x^2)*cos(x^2)").output(0)));
 * String text = c.text();   // "t1 = x^2; result = sin(t1)*cos(t1)"
 * }
 *
 * @param definitions the named subexpressions, each using only earlier names
 * @param results     the expressions, in terms of the names
 * @since 0.1
 */
public record CommonSubexpressions(List<Definition> definitions, List<Expression> results) {

    /**
     * A named subexpression.
     *
     * @param name       the name, {@code t1}, {@code t2}, … (never a variable of the expressions)
     * @param expression its value, in terms of earlier names
     */
    public record Definition(String name, Expression expression) {
    }

    /** Copies the lists. */
    public CommonSubexpressions {
        definitions = List.copyOf(definitions);
        results = List.copyOf(results);
    }

    /** {@code t1 = x^2; t2 = sin(t1); result = t2 + t2^2}, or {@code result = [a, b]} for several results. */
    public String text() {
        return render(Expression::text, "; ", " = ", "result", "[", ", ", "]");
    }

    /** The definitions and the result as a LaTeX {@code aligned} environment. */
    public String latex() {
        return "\\begin{aligned} " + render(Expression::latex, " \\\\ ", " &= ", "\\mathrm{result}",
                "\\left[", ", ", "\\right]") + " \\end{aligned}";
    }

    private String render(Function<Expression, String> form, String sep, String eq, String result,
                          String open, String comma, String close) {
        StringBuilder sb = new StringBuilder();
        for (Definition d : definitions) {
            sb.append(form.apply(new Variable(d.name()))).append(eq).append(form.apply(d.expression())).append(sep);
        }
        sb.append(result).append(eq);
        if (results.size() == 1) {
            sb.append(form.apply(results.get(0)));
        } else {
            sb.append(open);
            for (int i = 0; i < results.size(); i++) {
                sb.append(i == 0 ? "" : comma).append(form.apply(results.get(i)));
            }
            sb.append(close);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
