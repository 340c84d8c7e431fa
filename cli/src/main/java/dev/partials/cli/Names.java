package dev.partials.cli;

import dev.partials.Formula;
import dev.partials.MultiIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Names of outputs and partials as the command prints them: {@code f} (or {@code f1, f2, …} for a
 * vector formula), {@code ∂f/∂x}, {@code ∂²f/∂x∂y}, {@code ∂³f/∂x²∂y}; and their ASCII forms for CSV
 * headers: {@code df/dx}, {@code d2f/dxdy}, {@code d3f/dx2dy}.
 */
final class Names {

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Names() {
    }

    /** {@code f} for a formula with one output, else {@code f1 … fm} (1-based). */
    static String output(Formula f, int k) {
        return f.outputCount() == 1 ? "f" : "f" + (k + 1);
    }

    /** {@code ∂²f/∂x∂y}; the order-0 index is the output's name. */
    static String partial(Formula f, int k, MultiIndex index) {
        return name(f, k, index, false);
    }

    /** {@code d2f/dxdy}; the order-0 index is the output's name. */
    static String ascii(Formula f, int k, MultiIndex index) {
        return name(f, k, index, true);
    }

    /** The variables a multi-index differentiates by, once per differentiation: {@code [x, x, y]}. */
    static List<String> wrt(Formula f, MultiIndex index) {
        List<String> names = new ArrayList<>();
        for (int v : index.variables()) {
            names.add(f.variables().get(v));
        }
        return names;
    }

    private static String name(Formula f, int k, MultiIndex index, boolean ascii) {
        String out = output(f, k);
        if (index.order() == 0) {
            return out;
        }
        String d = ascii ? "d" : "∂";
        StringBuilder sb = new StringBuilder(d);
        if (index.order() > 1) {
            sb.append(power(index.order(), ascii));
        }
        sb.append(out).append('/');
        for (int i = 0; i < index.dimension(); i++) {
            int c = index.count(i);
            if (c > 0) {
                sb.append(d).append(f.variables().get(i));
                if (c > 1) {
                    sb.append(power(c, ascii));
                }
            }
        }
        return sb.toString();
    }

    private static String power(int n, boolean ascii) {
        String digits = Integer.toString(n);
        if (ascii) {
            return digits;
        }
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }
}
