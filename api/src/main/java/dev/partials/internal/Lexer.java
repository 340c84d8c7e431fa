package dev.partials.internal;

import dev.partials.Limits;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import dev.partials.Rational;
import java.math.BigDecimal;

/**
 * Splits formula text into tokens, one at a time on demand, so that an error early in the text is
 * reported before anything after it is read and a huge input costs nothing past its first error.
 *
 * <p>Number literals are {@code 12}, {@code 0.125}, {@code .5}, {@code 1.}, {@code 1e-3},
 * {@code 2.5E+4}. An {@code e} after a number is an exponent only when digits follow it (optionally
 * after a sign); otherwise the number ends there, so {@code 2e} reads as {@code 2} then the
 * identifier {@code e} (and the parser reports the implicit multiplication).
 */
final class Lexer {

    /** Token kinds of the formula language. */
    enum Type {
        NUMBER, IDENTIFIER, PLUS, MINUS, STAR, SLASH, CARET, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET,
        RIGHT_BRACKET, COMMA, END
    }

    /**
     * One token: its type, its {@code [start, end)} range in the source, and for a number its exact
     * value.
     */
    record Token(Type type, int start, int end, Rational value) {

        /** The 1-based column of the token's first character. */
        int column() {
            return start + 1;
        }
    }

    private final String source;
    private int pos;

    Lexer(String source) {
        this.source = source;
    }

    /** The next token; {@link Type#END} (repeatedly) at the end of the text. */
    Token next() {
        int n = source.length();
        while (pos < n && isSpace(source.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= n) {
            return new Token(Type.END, n, n, null);
        }
        char c = source.charAt(pos);
        Type single = switch (c) {
            case '+' -> Type.PLUS;
            case '-' -> Type.MINUS;
            case '*' -> Type.STAR;
            case '/' -> Type.SLASH;
            case '^' -> Type.CARET;
            case '(' -> Type.LEFT_PAREN;
            case ')' -> Type.RIGHT_PAREN;
            case '[' -> Type.LEFT_BRACKET;
            case ']' -> Type.RIGHT_BRACKET;
            case ',' -> Type.COMMA;
            default -> null;
        };
        if (single != null) {
            pos++;
            return new Token(single, start, pos, null);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(source.charAt(pos + 1)))) {
            return number(start);
        }
        if (isIdentifierStart(c)) {
            pos++;
            while (pos < n && isIdentifierPart(source.charAt(pos))) {
                pos++;
            }
            return new Token(Type.IDENTIFIER, start, pos, null);
        }
        throw unexpectedCharacter(start);
    }

    private Token number(int start) {
        int n = source.length();
        int digits = 0;
        while (pos < n && isDigit(source.charAt(pos))) {
            pos++;
            digits++;
        }
        if (pos < n && source.charAt(pos) == '.') {
            pos++;
            while (pos < n && isDigit(source.charAt(pos))) {
                pos++;
                digits++;
            }
        }
        int mantissaEnd = pos;
        long exponent = 0;
        if (pos < n && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
            int p = pos + 1;
            boolean negative = false;
            if (p < n && (source.charAt(p) == '+' || source.charAt(p) == '-')) {
                negative = source.charAt(p) == '-';
                p++;
            }
            if (p < n && isDigit(source.charAt(p))) {
                // Accumulate with saturation: a 10^6-digit exponent must not be parsed into a BigInteger.
                while (p < n && isDigit(source.charAt(p))) {
                    exponent = Math.min(exponent * 10 + (source.charAt(p) - '0'), Integer.MAX_VALUE);
                    p++;
                }
                if (negative) {
                    exponent = -exponent;
                }
                pos = p;
            }
        }
        if (pos < n && (source.charAt(pos) == '.' || isDigit(source.charAt(pos)))) {
            throw PartialsException.builder(Kind.SYNTAX, "malformed number "
                    + Parser.quote(source.substring(start, Math.min(n, pos + 1)))
                    + ": a number has at most one '.' and its exponent is written 1e-3")
                    .at(source, pos + 1).build();
        }
        if (digits > Limits.MAX_LITERAL_DIGITS) {
            throw PartialsException.builder(Kind.NUMBER_TOO_LARGE, "the number has " + digits
                    + " digits; at most " + Limits.MAX_LITERAL_DIGITS + " are allowed")
                    .at(source, start + 1).order(digits).build();
        }
        if (Math.abs(exponent) > Limits.MAX_LITERAL_DIGITS) {
            throw PartialsException.builder(Kind.NUMBER_TOO_LARGE, "the number's exponent "
                    + (exponent >= Integer.MAX_VALUE ? "is too large" : "is " + exponent)
                    + "; at most " + Limits.MAX_LITERAL_DIGITS + " in size is allowed")
                    .at(source, start + 1).build();
        }
        // Both bounds hold, so the value has at most a few thousand digits: cheap to make exact.
        BigDecimal decimal = new BigDecimal(source.substring(start, mantissaEnd)).scaleByPowerOfTen((int) exponent);
        return new Token(Type.NUMBER, start, pos, Rational.ofDecimal(decimal));
    }

    private PartialsException unexpectedCharacter(int index) {
        int cp = source.codePointAt(index);
        String hint = switch (cp) {
            case '\u2212', '\u2013', '\u2014' -> "; write '-' for minus";
            case '\u00D7', '\u00B7', '\u22C5', '\u2219' -> "; write '*' for multiplication";
            case '\u00F7', '\u2215' -> "; write '/' for division";
            case '\u00B2', '\u00B3' -> "; write powers with '^', as in x^2";
            case '{', '}' -> "; group with '(' and ')'";
            case '=' -> "; write only the expression, without 'f(x) ='";
            case '\u03C0' -> "; write pi";
            default -> "";
        };
        return PartialsException.builder(Kind.SYNTAX, "unexpected character " + describe(cp) + hint)
                .at(source, index + 1).build();
    }

    /** {@code '#'} for printable ASCII, {@code 'é' (U+00E9)} for other visible characters, else {@code U+0007}. */
    static String describe(int cp) {
        String code = String.format("U+%04X", cp);
        if (cp > 0x20 && cp < 0x7F) {
            return "'" + (char) cp + "'";
        }
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || !Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.PRIVATE_USE) {
            return code;
        }
        return "'" + Character.toString(cp) + "' (" + code + ")";
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
