package dev.partials.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: columns padded to their widest cell, two spaces apart, no borders. */
final class Table {

    private final List<List<String>> rows = new ArrayList<>();
    private int gap = 2;

    /** Sets the spaces between columns (2 by default; 1 for {@code name = value} lists). */
    Table gap(int spaces) {
        this.gap = spaces;
        return this;
    }

    /** Adds a row; rows may have different lengths. */
    Table row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Adds a row. */
    Table row(String... cells) {
        return row(List.of(cells));
    }

    /** Prints the table, one line per row, without trailing spaces. */
    void print(PrintWriter out) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], length(r.get(c)));
            }
        }
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                String cell = r.get(c);
                sb.append(cell);
                if (c < r.size() - 1) {
                    sb.append(" ".repeat(width[c] - length(cell) + gap));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
