package dev.partials.cli;

import dev.partials.Formula;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads points from CSV: a header line naming the formula's variables (in any order; a name may be
 * quoted), then one point per line. Blank lines and lines starting with {@code #} are skipped. The
 * separator is {@code ,}, or {@code ;} or a tab when the header uses one of those instead.
 *
 * <p>A header that does not name every variable exactly once, or names one the formula does not have,
 * is an error for the whole file ({@link PartialsException} of kind {@link Kind#DIMENSION_MISMATCH} or
 * {@link Kind#UNKNOWN_VARIABLE}). A malformed row (wrong number of fields, a field that is not a
 * number, NaN or ∞) is <em>rejected</em>: it is reported with its line number and reason, and
 * reading goes on with the next line.
 */
final class CsvPoints {

    /** A row that was not read as a point: its 1-based line number and why. */
    record Rejected(long line, String reason) {
    }

    private final BufferedReader in;
    private final Formula formula;
    private final char separator;
    private final int[] columnOf; // variable index of each header field
    private final List<String> header;
    private long line;

    /**
     * Reads the header.
     *
     * @throws PartialsException when the header is missing or does not name the formula's variables
     */
    CsvPoints(BufferedReader in, Formula formula) {
        this.in = in;
        this.formula = formula;
        String first = nextContentLine();
        if (first == null) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "the points file is empty: its first line must name the variables " + formula.variables()
                            + ", for example " + String.join(",", formula.variables())).build();
        }
        this.separator = first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';'
                : first.indexOf(',') < 0 && first.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> names = new ArrayList<>();
        for (String field : fields(first)) {
            names.add(unquote(field.strip()));
        }
        this.header = List.copyOf(names);
        List<String> vars = formula.variables();
        this.columnOf = new int[names.size()];
        boolean[] seen = new boolean[vars.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            int j = vars.indexOf(name);
            if (j < 0) {
                boolean numeric = isNumber(name);
                throw PartialsException.builder(numeric ? Kind.DIMENSION_MISMATCH : Kind.UNKNOWN_VARIABLE,
                        numeric
                                ? "line " + line + " of the points file must be a header naming the variables "
                                        + vars + ", for example " + String.join(",", vars) + "; found \"" + first + "\""
                                : "line " + line + ": the header names \"" + name
                                        + "\", which the formula does not have; its variables are " + vars)
                        .name(numeric ? null : name).build();
            }
            if (seen[j]) {
                throw PartialsException.builder(Kind.INVALID_ARGUMENT,
                        "line " + line + ": the header names \"" + name + "\" twice").name(name).build();
            }
            seen[j] = true;
            columnOf[c] = j;
        }
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < vars.size(); j++) {
            if (!seen[j]) {
                missing.add(vars.get(j));
            }
        }
        if (!missing.isEmpty()) {
            throw PartialsException.builder(Kind.DIMENSION_MISMATCH,
                    "line " + line + ": the header has no column for " + String.join(", ", missing)
                            + "; the formula has variables " + vars).name(missing.get(0)).build();
        }
    }

    /** The header's names, in file order. */
    List<String> header() {
        return header;
    }

    /**
     * Reads up to {@code max} points into {@code columns} ({@code columns[j][p]}, at least {@code max}
     * long), reporting malformed rows to {@code rejected}.
     *
     * @param lines receives the line number of each point read ({@code lines[p]}), or null
     * @return the number of points read; less than {@code max} only at the end of the file
     */
    int read(double[][] columns, int max, long[] lines, List<Rejected> rejected) {
        int count = 0;
        while (count < max) {
            String text = nextContentLine();
            if (text == null) {
                break;
            }
            String reason = parseRow(text, columns, count);
            if (reason != null) {
                rejected.add(new Rejected(line, reason));
                continue;
            }
            if (lines != null) {
                lines[count] = line;
            }
            count++;
        }
        return count;
    }

    /** Parses one row into column slot {@code p}; returns why it is malformed, or null. */
    private String parseRow(String text, double[][] columns, int p) {
        List<String> fields = fields(text);
        if (fields.size() != columnOf.length) {
            return "expected " + columnOf.length + " value(s) (" + String.join(String.valueOf(separator), header)
                    + ") but found " + fields.size();
        }
        for (int c = 0; c < fields.size(); c++) {
            String field = unquote(fields.get(c).strip());
            String name = header.get(c);
            double v;
            try {
                v = Double.parseDouble(field);
            } catch (NumberFormatException e) {
                return name + " = \"" + field + "\" is not a number";
            }
            if (!Double.isFinite(v)) {
                return name + " = " + field + " is not a finite number";
            }
            columns[columnOf[c]][p] = v;
        }
        return null;
    }

    private String nextContentLine() {
        try {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                String t = text.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    return text;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> fields(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == separator && !quoted) {
                out.add(text.substring(from, i));
                from = i + 1;
            }
        }
        out.add(text.substring(from));
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The formula the points are for. */
    Formula formula() {
        return formula;
    }
}
