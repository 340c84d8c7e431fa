package dev.partials;

import dev.partials.internal.Parser;
import dev.partials.spi.Program;
import dev.partials.spi.Traversal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A function to differentiate: ordered variables and one or more output expressions.
 *
 * <p>Three ways to make one:
 *
 * {@snippet class=dev.partials.ApiSnippets region=formulas}
 *
 * <p>Without declared variables, the variables are the identifiers of the formula in natural order:
 * letters compare alphabetically and digit runs numerically, so {@code x2} comes before {@code x10}.
 * Declared variables may include names the formula does not use (their partials are 0) and may use
 * the constants' names ({@code e}, {@code pi}) as variables.
 *
 * <p>Immutable and thread-safe. The {@link #program() compiled program} is built once, on first use.
 *
 * @since 0.1
 */
public final class Formula {

    /** Natural order of names: digit runs compare as numbers ({@code x2 < x10}), the rest by character. */
    public static final Comparator<String> NATURAL_ORDER = Formula::compareNatural;

    private final List<String> variables;
    private final Map<String, Integer> index;
    private final List<Expression> outputs;
    private final boolean vector;
    private volatile Program program;

    private Formula(List<String> variables, List<Expression> outputs, boolean vector) {
        this.variables = List.copyOf(variables);
        this.outputs = List.copyOf(outputs);
        this.vector = vector;
        if (this.outputs.isEmpty()) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "a formula needs at least one output").build();
        }
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.variables.size(); i++) {
            String name = this.variables.get(i);
            new Variable(name); // checks the name
            if (idx.put(name, i) != null) {
                throw PartialsException.builder(PartialsException.Kind.INVALID_VARIABLE_NAME,
                        "variable \"" + name + "\" is declared twice").name(name).build();
            }
        }
        this.index = Map.copyOf(idx);
        List<Expression> nodes = Traversal.postOrder(this.outputs);
        if (nodes.size() > Limits.MAX_NODES) {
            throw PartialsException.builder(PartialsException.Kind.TOO_MANY_NODES,
                    "the formula has " + nodes.size() + " distinct nodes; the limit is " + Limits.MAX_NODES)
                    .order(nodes.size()).build();
        }
        for (Expression e : nodes) {
            if (e instanceof Variable v && !idx.containsKey(v.name())) {
                throw PartialsException.builder(PartialsException.Kind.UNKNOWN_VARIABLE,
                        "variable \"" + v.name() + "\" is used but not declared; declared: " + this.variables)
                        .name(v.name()).build();
            }
        }
    }

    /**
     * Parses a formula; its variables are its identifiers in {@link #NATURAL_ORDER}.
     *
     * @throws PartialsException with the kind, column and a caret rendering of any error
     */
    public static Formula parse(String source) {
        Parser.Result r = Parser.parse(source, null);
        Set<String> names = new TreeSet<>(NATURAL_ORDER);
        for (Expression e : Traversal.postOrder(r.outputs())) {
            if (e instanceof Variable v) {
                names.add(v.name());
            }
        }
        return new Formula(new ArrayList<>(names), r.outputs(), r.vector());
    }

    /**
     * Parses a formula over the declared variables, in the order given.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#UNKNOWN_VARIABLE} (with its
     *         column) for an identifier that is not declared, a function or a constant
     */
    public static Formula parse(String source, String... variables) {
        return parse(source, List.of(variables));
    }

    /** As {@link #parse(String, String...)}. */
    public static Formula parse(String source, List<String> variables) {
        checkDeclared(variables);
        Parser.Result r = Parser.parse(source, variables);
        return new Formula(variables, r.outputs(), r.vector());
    }

    /** The formula with these variables and one output. */
    public static Formula of(List<String> variables, Expression output) {
        return new Formula(variables, List.of(output), false);
    }

    /** The formula with these variables and outputs (a vector formula when there are several). */
    public static Formula of(List<String> variables, List<? extends Expression> outputs) {
        return new Formula(variables, List.copyOf(outputs), outputs.size() != 1);
    }

    /**
     * Builds a formula by running Java code on symbolic variables: every operation the code performs
     * is recorded, loops are unrolled and values the code reuses stay shared in the DAG.
     *
     * {@snippet class=dev.partials.ApiSnippets region=trace}
     */
    public static Formula trace(List<String> variables, Function<Variables, Expression> body) {
        checkDeclared(variables);
        Expression out = Objects.requireNonNull(body.apply(new Variables(variables)), "traced output");
        return new Formula(variables, List.of(out), false);
    }

    /** As {@link #trace}, for code that computes several outputs. */
    public static Formula traceVector(List<String> variables, Function<Variables, List<Expression>> body) {
        checkDeclared(variables);
        List<Expression> outs = List.copyOf(body.apply(new Variables(variables)));
        return new Formula(variables, outs, true);
    }

    private static void checkDeclared(List<String> variables) {
        Set<String> seen = new LinkedHashSet<>();
        for (String v : variables) {
            new Variable(v);
            if (!seen.add(v)) {
                throw PartialsException.builder(PartialsException.Kind.INVALID_VARIABLE_NAME,
                        "variable \"" + v + "\" is declared twice").name(v).build();
            }
        }
    }

    /** The symbolic variables handed to a {@link #trace} body, by position or by name. */
    public static final class Variables {
        private final List<String> names;
        private final List<Expression> vars;

        private Variables(List<String> names) {
            this.names = List.copyOf(names);
            List<Expression> v = new ArrayList<>();
            for (String n : names) {
                v.add(new Variable(n));
            }
            this.vars = Collections.unmodifiableList(v);
        }

        /** The variable at position {@code i}. */
        public Expression get(int i) {
            return vars.get(i);
        }

        /** The variable named {@code name}. */
        public Expression get(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw PartialsException.builder(PartialsException.Kind.UNKNOWN_VARIABLE,
                        "no variable \"" + name + "\"; declared: " + names).name(name).build();
            }
            return vars.get(i);
        }

        /** All variables, in order. */
        public List<Expression> all() {
            return vars;
        }

        /** The number of variables. */
        public int size() {
            return vars.size();
        }
    }

    /** The variable names, in order. */
    public List<String> variables() {
        return variables;
    }

    /** The number of variables, n. */
    public int dimension() {
        return variables.size();
    }

    /**
     * The position of variable {@code name}.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#UNKNOWN_VARIABLE}
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw PartialsException.builder(PartialsException.Kind.UNKNOWN_VARIABLE,
                    "no variable \"" + name + "\" in this formula; its variables are " + variables)
                    .name(name).build();
        }
        return i;
    }

    /** The output expressions, in order. */
    public List<Expression> outputs() {
        return outputs;
    }

    /**
     * Output {@code k}.
     *
     * @throws PartialsException of kind {@link PartialsException.Kind#NO_SUCH_OUTPUT}
     */
    public Expression output(int k) {
        if (k < 0 || k >= outputs.size()) {
            throw PartialsException.builder(PartialsException.Kind.NO_SUCH_OUTPUT,
                    "output " + k + " does not exist; the formula has " + outputs.size() + " output(s)")
                    .order(k).build();
        }
        return outputs.get(k);
    }

    /** The number of outputs, m. */
    public int outputCount() {
        return outputs.size();
    }

    /** Whether the formula was written as a vector {@code [f1, f2, …]} (or has several outputs). */
    public boolean isVector() {
        return vector;
    }

    /** The compiled program, built on first use and then shared. */
    public Program program() {
        Program p = program;
        if (p == null) {
            synchronized (this) {
                p = program;
                if (p == null) {
                    p = Program.compile(this);
                    program = p;
                }
            }
        }
        return p;
    }

    /** The formula in the language, {@code x^2 + 3*x*y} or {@code [x*y, sin(x)]}. */
    public String text() {
        if (!vector) {
            return outputs.get(0).text();
        }
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < outputs.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(outputs.get(k).text());
        }
        return sb.append(']').toString();
    }

    /** Equal when the variables, the outputs and the vector form are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Formula f && vector == f.vector && variables.equals(f.variables)
                && outputs.equals(f.outputs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(variables, outputs, vector);
    }

    /** {@code "f(x, y) = x^2 + 3*x*y"}. */
    @Override
    public String toString() {
        return "f(" + String.join(", ", variables) + ") = " + text();
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String da = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String db = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
