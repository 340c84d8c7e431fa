package dev.partials;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one exception type of partials: every bad input (a malformed formula, an unknown name, a point
 * of the wrong dimension, an order beyond a provider's capability, an unknown provider, a limit
 * exceeded) is reported as a {@code PartialsException} with a {@link Kind} and the fields that
 * describe it. Callers and tests branch on {@link #kind()}, never on the message text.
 *
 * {@snippet class=dev.partials.ApiSnippets region=error}
 * }
 *
 * <p>The message of a formula error shows the formula with a caret under the offending column:
 * <pre>
 * cannot parse formula
 *   x^2 + * y
 *         ^ column 7: expected a number, variable, function or '(' but found '*'
 * </pre>
 *
 * @since 0.1
 */
public final class PartialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The formula text does not follow the grammar (unexpected or missing token). */
        SYNTAX,
        /** Implicit multiplication such as {@code 2x}: write {@code 2*x}. */
        IMPLICIT_MULTIPLICATION,
        /** A function name the language does not have; {@link #suggestions()} lists near names. */
        UNKNOWN_FUNCTION,
        /** A function called with the wrong number of arguments. */
        WRONG_ARGUMENT_COUNT,
        /** A variable that the formula does not declare, or a point coordinate for one. */
        UNKNOWN_VARIABLE,
        /** A variable name that is not an identifier, or declared twice. */
        INVALID_VARIABLE_NAME,
        /** The formula text is longer than {@link Limits#MAX_FORMULA_LENGTH}. */
        FORMULA_TOO_LONG,
        /** Parentheses, function calls, signs or powers nested deeper than {@link Limits#MAX_DEPTH}. */
        NESTING_TOO_DEEP,
        /** An expression with more than {@link Limits#MAX_NODES} distinct nodes. */
        TOO_MANY_NODES,
        /** A numeric literal or exact constant too large to keep exactly. */
        NUMBER_TOO_LARGE,
        /** A point, direction, multi-index or output array of the wrong length. */
        DIMENSION_MISMATCH,
        /** A point coordinate that is NaN or infinite. */
        NON_FINITE_POINT,
        /** A derivative order beyond the provider's capability or beyond {@link Limits#MAX_ORDER}. */
        ORDER_NOT_SUPPORTED,
        /** A request the provider's capabilities exclude (error estimates, symbolic output, …). */
        NOT_SUPPORTED,
        /** No provider with the requested id. */
        UNKNOWN_PROVIDER,
        /** An output index outside the formula's outputs. */
        NO_SUCH_OUTPUT,
        /** A result (for example an exact expansion) larger than its stated limit. */
        RESULT_TOO_LARGE,
        /** An argument outside its documented range (negative count, empty list, …). */
        INVALID_ARGUMENT
    }

    private final Kind kind;
    private final String source;
    private final int column;
    private final String name;
    private final int order;
    private final String providerId;
    private final String[] suggestions;

    private PartialsException(Builder b) {
        super(b.message(), b.cause);
        this.kind = b.kind;
        this.source = b.source;
        this.column = b.column;
        this.name = b.name;
        this.order = b.order;
        this.providerId = b.providerId;
        this.suggestions = b.suggestions.toArray(String[]::new);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The one-line description without the formula and caret. */
    public String detail() {
        String m = getMessage();
        int caret = m.lastIndexOf("^ column ");
        return caret >= 0 ? m.substring(m.indexOf(':', caret) + 2) : m;
    }

    /** The formula text the error is about, if any. */
    public java.util.Optional<String> source() {
        return java.util.Optional.ofNullable(source);
    }

    /** The 1-based column in {@link #source()} where the error was found, if any. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    /** The variable, function or provider name the error is about, if any. */
    public java.util.Optional<String> name() {
        return java.util.Optional.ofNullable(name);
    }

    /** The derivative order (or the count, for {@link Kind#DIMENSION_MISMATCH}) involved, if any. */
    public OptionalInt order() {
        return order >= 0 ? OptionalInt.of(order) : OptionalInt.empty();
    }

    /** The id of the provider that refused the request, if any. */
    public java.util.Optional<String> providerId() {
        return java.util.Optional.ofNullable(providerId);
    }

    /**
     * Suggestions: nearest known function names for {@link Kind#UNKNOWN_FUNCTION}, available
     * providers for {@link Kind#UNKNOWN_PROVIDER}, providers that can serve the request for
     * {@link Kind#ORDER_NOT_SUPPORTED} and {@link Kind#NOT_SUPPORTED}.
     */
    public List<String> suggestions() {
        return List.of(suggestions);
    }

    /** Starts an exception of {@code kind} with the one-line {@code detail}. */
    public static Builder builder(Kind kind, String detail) {
        return new Builder(kind, detail);
    }

    static PartialsException invalidVariableName(String name) {
        return builder(Kind.INVALID_VARIABLE_NAME,
                "\"" + name + "\" is not a variable name: use letters, digits and '_', starting with a letter or '_'")
                .name(name).build();
    }

    /** Builds a {@link PartialsException}; used by the parser, the registry and providers. */
    public static final class Builder {
        private final Kind kind;
        private final String detail;
        private String source;
        private int column = -1;
        private String name;
        private int order = -1;
        private String providerId;
        private List<String> suggestions = List.of();
        private Throwable cause;

        private Builder(Kind kind, String detail) {
            this.kind = Objects.requireNonNull(kind);
            this.detail = Objects.requireNonNull(detail);
        }

        /** The formula text and the 1-based column of the error in it. */
        public Builder at(String source, int column) {
            this.source = source;
            this.column = column;
            return this;
        }

        /** The variable, function or provider name involved. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The order or count involved. */
        public Builder order(int order) {
            this.order = order;
            return this;
        }

        /** The provider that refused the request. */
        public Builder provider(String providerId) {
            this.providerId = providerId;
            return this;
        }

        /** Names to suggest (functions, providers). */
        public Builder suggestions(List<String> suggestions) {
            this.suggestions = suggestions;
            return this;
        }

        /** The underlying cause. */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** The exception. */
        public PartialsException build() {
            return new PartialsException(this);
        }

        private String message() {
            if (source == null || column <= 0) {
                return detail;
            }
            // Show at most 70 characters around the column, so a huge formula prints one short line.
            int from = Math.max(0, column - 1 - 35);
            int to = Math.min(source.length(), from + 70);
            // Control characters (newline, tab, carriage return, bell…) would break the caret line.
            StringBuilder shownChars = new StringBuilder(to - from);
            for (int i = from; i < to; i++) {
                char c = source.charAt(i);
                shownChars.append(Character.isISOControl(c) ? ' ' : c);
            }
            String shown = shownChars.toString();
            String prefix = from > 0 ? "..." : "";
            String suffix = to < source.length() ? "..." : "";
            int caret = prefix.length() + column - 1 - from;
            return "cannot parse formula\n  " + prefix + shown + suffix + "\n  "
                    + " ".repeat(Math.max(0, caret)) + "^ column " + column + ": " + detail;
        }
    }
}
