package dev.partials.cli;

import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The point of {@code --at}: {@code x=1,y=2} (by name, in any order) or {@code 1,2} (in the formula's
 * variable order). A coordinate is a number ({@code -1.5}, {@code 2e-3}) or a constant expression of
 * the formula language ({@code pi/4}, {@code sqrt(2)}, {@code atan2(1, 2)}); commas inside parentheses
 * do not separate coordinates.
 *
 * <p>Every mistake is a {@link PartialsException} with its kind: a name the formula does not have is
 * {@link Kind#UNKNOWN_VARIABLE}; a missing or extra coordinate is {@link Kind#DIMENSION_MISMATCH}; a
 * coordinate that is not a number, or given twice, is {@link Kind#INVALID_ARGUMENT}; NaN or ∞ is
 * {@link Kind#NON_FINITE_POINT}.
 */
final class Coordinates {

    private Coordinates() {
    }

    /** The point {@code spec} names, one coordinate per variable of {@code formula}, in its order. */
    static double[] parse(Formula formula, String spec) {
        return parse(formula.variables(), spec);
    }

    /** The point {@code spec} names, one coordinate per variable of {@code vars}, in that order. */
    static double[] parse(List<String> vars, String spec) {
        if (spec == null || spec.isBlank()) {
            if (vars.isEmpty()) {
                return new double[0];
            }
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "no point given: the formula has variables " + vars + "; write --at " + example(vars))
                    .order(0).build();
        }
        List<String> items = split(spec);
        long named = items.stream().filter(s -> s.contains("=")).count();
        if (named == 0) {
            return positional(vars, items);
        }
        if (named != items.size()) {
            throw PartialsException.builder(Kind.INVALID_ARGUMENT,
                    "--at " + spec + " mixes named and unnamed coordinates; write every one as name=value, "
                            + "for example --at " + example(vars)).build();
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            String name = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            if (!vars.contains(name)) {
                throw PartialsException.builder(Kind.UNKNOWN_VARIABLE,
                        "--at names variable \"" + name + "\", which the formula does not have; its variables are "
                                + vars).name(name).build();
            }
            if (given.put(name, value) != null) {
                throw PartialsException.builder(Kind.INVALID_ARGUMENT,
                        "--at gives variable \"" + name + "\" twice").name(name).build();
            }
        }
        List<String> missing = vars.stream().filter(v -> !given.containsKey(v)).toList();
        if (!missing.isEmpty()) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "--at is missing a coordinate for " + String.join(", ", missing) + ": the formula has variables "
                            + vars + "; write --at " + example(vars))
                    .name(missing.get(0)).order(given.size()).build();
        }
        double[] point = new double[vars.size()];
        for (int i = 0; i < point.length; i++) {
            point[i] = value(vars.get(i), given.get(vars.get(i)));
        }
        return point;
    }

    private static double[] positional(List<String> vars, List<String> items) {
        if (items.size() != vars.size()) {
            String what = items.size() > vars.size() ? "too many" : "too few";
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "--at gives " + items.size() + " coordinate(s) but the formula has " + vars.size()
                            + " variable(s) " + vars + " (" + what + "); write --at " + example(vars))
                    .order(items.size()).build();
        }
        double[] point = new double[vars.size()];
        for (int i = 0; i < point.length; i++) {
            point[i] = value(vars.get(i), items.get(i).strip());
        }
        return point;
    }

    /** The value of one coordinate: a number, or a constant expression such as {@code pi/4}. */
    static double value(String variable, String text) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = constant(variable, text);
        }
        if (!Double.isFinite(v)) {
            throw PartialsException.builder(Kind.NON_FINITE_POINT,
                    "coordinate " + variable + " = " + text + " is not a finite number").name(variable).build();
        }
        return v;
    }

    private static double constant(String variable, String text) {
        Formula c;
        try {
            c = text.isBlank() ? null : Formula.parse(text);
        } catch (PartialsException | UnsupportedOperationException e) {
            c = null;
        }
        if (c == null || c.dimension() != 0 || c.outputCount() != 1) {
            throw PartialsException.builder(Kind.INVALID_ARGUMENT,
                    "coordinate " + variable + " = \"" + text + "\" is not a number (write 1.5, -2e-3 or a constant such as pi/4)")
                    .name(variable).build();
        }
        return c.program().evaluate()[0];
    }

    /** Splits at the commas that are outside parentheses. */
    static List<String> split(String spec) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < spec.length(); i++) {
            char ch = spec.charAt(i);
            if (ch == '(' || ch == '[') {
                depth++;
            } else if ((ch == ')' || ch == ']') && depth > 0) {
                depth--;
            } else if (ch == ',' && depth == 0) {
                items.add(spec.substring(from, i));
                from = i + 1;
            }
        }
        items.add(spec.substring(from));
        return items;
    }

    /** {@code x=1,y=2}, for messages. */
    static String example(List<String> vars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < vars.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(vars.get(i)).append('=').append(i + 1);
        }
        return sb.toString();
    }

    /** {@code x = 1, y = 2}, for headings. */
    static String describe(Formula formula, double[] point) {
        if (point.length == 0) {
            return "(no variables)";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < point.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(formula.variables().get(i)).append(" = ").append(Numbers.format(point[i]));
        }
        return sb.toString();
    }
}
