package dev.partials.symbolic.internal;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.Rational;
import dev.partials.Variable;
import dev.partials.symbolic.CommonSubexpressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The operations of {@link dev.partials.symbolic.Symbolic} on standalone expressions, each in a
 * fresh {@link Algebra} over the expression's variables in natural order. Public only for the
 * exported package of this module; this package is not exported.
 */
public final class Engine {

    private Engine() {
    }

    private static Algebra algebra(Expression e, List<String> more) {
        TreeSet<String> names = new TreeSet<>(Formula.NATURAL_ORDER);
        names.addAll(e.variableNames());
        names.addAll(more);
        return new Algebra(new ArrayList<>(names));
    }

    /** See {@link dev.partials.symbolic.Symbolic#simplify}. */
    public static Expression simplify(Expression e) {
        Algebra a = algebra(e, List.of());
        return new Render(a, Render.Form.DISPLAY).expression(Canon.convert(a, List.of(e)).get(0));
    }

    /** See {@link dev.partials.symbolic.Symbolic#expand}. */
    public static Expression expand(Expression e, int maxTerms) {
        Algebra a = algebra(e, List.of());
        Node n = new Expand(a, maxTerms).expand(Canon.convert(a, List.of(e)).get(0));
        return new Render(a, Render.Form.DISPLAY).expression(n);
    }

    /** See {@link dev.partials.symbolic.Symbolic#differentiate}. */
    public static Expression differentiate(Expression e, List<String> variables) {
        for (String v : variables) {
            new Variable(v); // checks the name
        }
        Algebra a = algebra(e, variables);
        Differentiator d = new Differentiator(a);
        Node n = Canon.convert(a, List.of(e)).get(0);
        for (String v : variables) {
            n = d.derivative(n, a.indexOf(v));
        }
        return new Render(a, Render.Form.DISPLAY).expression(n);
    }

    /** See {@link dev.partials.symbolic.Symbolic#cse}. */
    public static CommonSubexpressions cse(List<Expression> expressions) {
        return Cse.of(expressions);
    }

    /** See {@link dev.partials.symbolic.Symbolic#evaluate}. */
    public static Rational evaluate(Expression e, Map<String, Rational> values) {
        Algebra a = algebra(e, List.of());
        Rational[] point = new Rational[a.variables().size()];
        for (int i = 0; i < point.length; i++) {
            String name = a.variables().get(i);
            point[i] = values.get(name);
            if (point[i] == null) {
                throw PartialsException.builder(PartialsException.Kind.UNKNOWN_VARIABLE,
                        "no value for variable \"" + name + "\"; values were given for " + values.keySet())
                        .name(name).build();
            }
        }
        return Exact.evaluate(Canon.convert(a, List.of(e)).get(0), point);
    }
}
