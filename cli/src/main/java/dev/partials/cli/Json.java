package dev.partials.cli;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON the command prints (format documented in {@code docs/cli-json.md}): objects keep their key
 * order, numbers are written as {@link Numbers#format} writes them (the shortest decimal that reads
 * back to the same {@code double}), and the non-finite values, which JSON has no numbers for, are the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 *
 * <p>Values are maps (objects), collections and arrays (arrays), strings, numbers, booleans and
 * {@code null}.
 */
final class Json {

    private Json() {
    }

    /** A new object whose keys keep their insertion order. */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    /** The value, pretty-printed with two-space indentation. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    /** The value on one line (used for the rows of a batch). */
    static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1);
        return sb.toString();
    }

    /** A JSON string literal. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A JSON number, or the string {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    static String number(double v) {
        return Double.isFinite(v) ? Numbers.format(v) : string(Numbers.format(v));
    }

    private static void write(StringBuilder sb, Object value, int indent) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> sb.append(string(s));
            case Boolean b -> sb.append(b);
            case Double d -> sb.append(number(d));
            case Float f -> sb.append(number(f));
            case Number n -> sb.append(n);
            case Map<?, ?> m -> writeObject(sb, m, indent);
            case Collection<?> c -> writeArray(sb, c.iterator(), c.size(), indent);
            case double[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) {
                    sb.append(i == 0 ? "" : ", ").append(number(a[i]));
                }
                sb.append(']');
            }
            case int[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) {
                    sb.append(i == 0 ? "" : ", ").append(a[i]);
                }
                sb.append(']');
            }
            case Object[] a -> writeArray(sb, java.util.Arrays.asList(a).iterator(), a.length, indent);
            default -> sb.append(string(value.toString()));
        }
    }

    private static void writeObject(StringBuilder sb, Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            separator(sb, first, indent);
            first = false;
            sb.append(string(String.valueOf(e.getKey()))).append(": ");
            write(sb, e.getValue(), indent < 0 ? -1 : indent + 1);
        }
        close(sb, indent);
        sb.append('}');
    }

    private static void writeArray(StringBuilder sb, Iterator<?> it, int size, int indent) {
        if (size == 0) {
            sb.append("[]");
            return;
        }
        if (indent >= 0) {
            // An array of plain values (names, numbers) stays on one line: ["x", "y"], [8, 3].
            java.util.List<Object> items = new java.util.ArrayList<>();
            it.forEachRemaining(items::add);
            boolean plain = items.stream().allMatch(v -> v == null || v instanceof String || v instanceof Number
                    || v instanceof Boolean);
            if (plain) {
                writeArray(sb, items.iterator(), size, -1);
                return;
            }
            it = items.iterator();
        }
        sb.append('[');
        boolean first = true;
        while (it.hasNext()) {
            separator(sb, first, indent);
            first = false;
            write(sb, it.next(), indent < 0 ? -1 : indent + 1);
        }
        close(sb, indent);
        sb.append(']');
    }

    /** Before an element: a comma after the first, then a newline and indentation unless compact. */
    private static void separator(StringBuilder sb, boolean first, int indent) {
        if (!first) {
            sb.append(indent < 0 ? ", " : ",");
        }
        if (indent >= 0) {
            sb.append('\n').append("  ".repeat(indent + 1));
        }
    }

    private static void close(StringBuilder sb, int indent) {
        if (indent >= 0) {
            sb.append('\n').append("  ".repeat(indent));
        }
    }
}
