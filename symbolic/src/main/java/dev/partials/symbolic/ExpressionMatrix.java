package dev.partials.symbolic;

import dev.partials.Expression;
import dev.partials.PartialsException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A matrix of expressions: a Jacobian (m × n) or a Hessian (n × n), printable as text, as LaTeX,
 * and with common subexpressions named.
 *
 * @param rows the rows, all of one length
 * @since 0.1
 */
public record ExpressionMatrix(List<List<Expression>> rows) {

    /** Copies the rows and checks they have one length. */
    public ExpressionMatrix {
        List<List<Expression>> copy = new ArrayList<>();
        for (List<Expression> row : rows) {
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
        for (List<Expression> row : rows) {
            if (row.size() != rows.get(0).size()) {
                throw PartialsException.builder(PartialsException.Kind.DIMENSION_MISMATCH,
                        "matrix rows of different lengths: " + row.size() + " and " + rows.get(0).size()).build();
            }
        }
    }

    /** The number of rows. */
    public int rowCount() {
        return rows.size();
    }

    /** The number of columns. */
    public int columnCount() {
        return rows.isEmpty() ? 0 : rows.get(0).size();
    }

    /** The entry in row {@code i}, column {@code j}. */
    public Expression get(int i, int j) {
        return rows.get(i).get(j);
    }

    /** {@code [[2, 3], [3, 0]]}: rows in brackets, entries in the formula language. */
    public String text() {
        return render(Expression::text, "[", ", ", "]", "[", ", ", "]");
    }

    /** {@code \begin{pmatrix} 2 & 3 \\ 3 & 0 \end{pmatrix}}. */
    public String latex() {
        return render(Expression::latex, "\\begin{pmatrix} ", " \\\\ ", " \\end{pmatrix}", "", " & ", "");
    }

    /** The entries, row by row, with their common subexpressions named. */
    public CommonSubexpressions cse() {
        List<Expression> all = new ArrayList<>();
        rows.forEach(all::addAll);
        return Symbolic.cse(all);
    }

    private String render(Function<Expression, String> entry, String open, String rowSep, String close,
                          String rowOpen, String sep, String rowClose) {
        StringBuilder sb = new StringBuilder(open);
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i == 0 ? "" : rowSep).append(rowOpen);
            List<Expression> row = rows.get(i);
            for (int j = 0; j < row.size(); j++) {
                sb.append(j == 0 ? "" : sep).append(entry.apply(row.get(j)));
            }
            sb.append(rowClose);
        }
        return sb.append(close).toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
