package dev.partials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.partials.Binary;
import dev.partials.Expression;
import dev.partials.Limits;
import dev.partials.Op;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No input string breaks the parser: every string either parses or gives a {@link PartialsException};
 * never another exception, a {@link StackOverflowError}, an {@link OutOfMemoryError} or a hang.
 */
class ParserRobustnessTests {

    private static final long SEED = Long.getLong("partials.seed", 20261126L);
    private static final int TRIES = Integer.getInteger("partials.tries", 100);
    /** Per generator; three generators, so at least 6,000 strings. */
    private static final int STRINGS = Math.max(2_000, TRIES * 20);

    private static final String[] TOKENS = {
        "x", "y", "z", "e", "pi", "w1", "_t", "0", "1", "2", "12", "0.5", ".5", "1.", "1e-3", "2.5E+4", "1e", "1e+",
        "(", ")", "(", ")", "[", "]", ",", "+", "-", "-", "*", "/", "^", "^", "**", " ", " ", "\t", "\n",
        "sin", "sin(", "atan2(", "pow(", "min(", "sqrt", "sinn(", "foo(", "#", "=", "\u2212", "\u00D7", ".",
        "e5", "E", "9999999999999999999999", "1e999999999",
    };

    private static final String[] VALID = {
        "x^2 + 3*x*y", "[x*y, sin(x)]", "-x^2", "2^-3", "1/3*x - -1/3", "atan2(y, x) + min(a, b)",
        "sqrt(abs(x))/(1 + exp(-x))", "(x - 1)^(1/3)", "sigmoid(w1*x + w2*y + b)", "pow(x, y)^-2",
        "1e-3*x + .5", "-(3)/2", "(1)/0", "max(x, relu(y)) - softplus(z)", "log(cosh(x))^2",
    };

    private static final int[] ODD_CHARS = {
        0, 7, 8, 0x1B, 0x7F, 0x85, 0xA0, 0xAD, 0xE9, 0x3C0, 0x2212, 0x2028, 0x200B, 0xFEFF, 0xFFFD, 0xFFFF,
        0xD800, 0xDC00, 0x1F600, 0x10FFFF,
    };

    /** Parses and reports anything but success or a {@link PartialsException}, naming the input. */
    private static void parsesOrRejects(String source, List<String> declared, String how) {
        Parser.Result result;
        try {
            result = Parser.parse(source, declared);
        } catch (PartialsException expected) {
            assertThat(expected.kind()).isNotNull();
            assertThat(expected.getMessage()).isNotBlank();
            return;
        } catch (Throwable t) {
            throw new AssertionError(how + " (seed " + SEED + "): " + t + " for input " + escape(source), t);
        }
        // What parses also prints and reads back to the same expressions.
        for (Expression e : result.outputs()) {
            String text = Printer.text(e);
            Parser.Result back;
            try {
                back = Parser.parse(text, declared);
            } catch (Throwable t) {
                throw new AssertionError(how + " (seed " + SEED + "): " + escape(source) + " printed as "
                        + escape(text) + ", which does not read back: " + t, t);
            }
            if (!back.outputs().equals(List.of(e))) {
                throw new AssertionError(how + " (seed " + SEED + "): " + escape(source) + " printed as "
                        + escape(text) + ", which reads back differently");
            }
            Printer.latex(e);
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().limit(300).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\') {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\u{%X}", cp));
            }
        });
        if (s.length() > 300) {
            b.append("...(").append(s.length()).append(" chars)");
        }
        return b.append('"').toString();
    }

    @Test
    void randomTokenStringsParseOrFailWithAPartialsException() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < STRINGS; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int k = 0; k < n; k++) {
                b.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            parsesOrRejects(b.toString(), random.nextInt(4) == 0 ? List.of("x", "y", "e") : null, "tokens #" + i);
        }
    }

    @Test
    void randomCharactersIncludingUnicodeAndControlsParseOrFail() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < STRINGS; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(30);
            for (int k = 0; k < n; k++) {
                int pick = random.nextInt(10);
                if (pick < 6) {
                    b.append((char) random.nextInt(0x20, 0x7F));
                } else if (pick < 8) {
                    b.appendCodePoint(ODD_CHARS[random.nextInt(ODD_CHARS.length)]);
                } else if (pick == 8) {
                    b.append((char) random.nextInt(0x20));
                } else {
                    b.append((char) random.nextInt(0x10000)); // may be a lone surrogate
                }
            }
            parsesOrRejects(b.toString(), null, "characters #" + i);
        }
    }

    @Test
    void mutationsOfValidFormulasParseOrFail() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int i = 0; i < STRINGS; i++) {
            StringBuilder b = new StringBuilder(VALID[random.nextInt(VALID.length)]);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations && !b.isEmpty(); m++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(5)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, randomChar(random));
                    case 2 -> b.insert(at, b.charAt(at));
                    case 3 -> {
                        int to = Math.min(b.length(), at + 1 + random.nextInt(6));
                        b.insert(at, b.substring(at, to));
                    }
                    default -> {
                        if (at + 1 < b.length()) {
                            char t = b.charAt(at);
                            b.setCharAt(at, b.charAt(at + 1));
                            b.setCharAt(at + 1, t);
                        }
                    }
                }
            }
            parsesOrRejects(b.toString(), null, "mutation #" + i);
        }
    }

    private static String randomChar(SplittableRandom random) {
        String pool = "xyze0123456789.()[],+-*/^ \tsinpow";
        if (random.nextInt(5) == 0) {
            return Character.toString(ODD_CHARS[random.nextInt(ODD_CHARS.length)]);
        }
        return String.valueOf(pool.charAt(random.nextInt(pool.length())));
    }

    private static PartialsException rejection(String source) {
        PartialsException e = catchThrowableOfType(PartialsException.class, () -> Parser.parse(source, null));
        assertThat(e).as("%s must be rejected", escape(source)).isNotNull();
        return e;
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1_000, 10_000, 100_000, 1_000_000})
    void deepNestingIsATypedErrorNotAStackOverflow(int depth) {
        List<Function<Integer, String>> shapes = List.of(
                n -> "(".repeat(n),
                n -> "(".repeat(n) + "x" + ")".repeat(n),
                n -> "-".repeat(n),
                n -> "-".repeat(n) + "x",
                n -> "+".repeat(n) + "x",
                n -> "-+".repeat(n / 2) + "x",
                n -> "sin(".repeat(n),
                n -> "sin(".repeat(n) + "x" + ")".repeat(n),
                n -> "x^".repeat(n),
                n -> "x^".repeat(n) + "x",
                n -> "2^-".repeat(n) + "x",
                n -> "atan2(1, ".repeat(n) + "x" + ")".repeat(n),
                n -> "[" + "(".repeat(n) + "x" + ")".repeat(n) + "]");
        for (Function<Integer, String> shape : shapes) {
            String source = shape.apply(depth);
            PartialsException e = rejection(source);
            if (source.length() > Limits.MAX_FORMULA_LENGTH) {
                // the balanced million-deep call is 5,000,001 characters: the length check answers first
                assertThat(e.kind()).as(escape(source)).isEqualTo(Kind.FORMULA_TOO_LONG);
            } else {
                assertThat(e.kind()).as(escape(source)).isEqualTo(Kind.NESTING_TOO_DEEP);
                assertThat(e.column()).isPresent();
            }
        }
    }

    @Test
    void hugeLiteralsAreTypedErrors() {
        assertThat(rejection("1e999999999").kind()).isEqualTo(Kind.NUMBER_TOO_LARGE);
        assertThat(rejection("1e-" + "9".repeat(100_000)).kind()).isEqualTo(Kind.NUMBER_TOO_LARGE);
        assertThat(rejection("x + " + "7".repeat(100_000)).kind()).isEqualTo(Kind.NUMBER_TOO_LARGE);
        assertThat(rejection("0." + "0".repeat(100_000) + "1").kind()).isEqualTo(Kind.NUMBER_TOO_LARGE);
    }

    @Test
    void hundredThousandTermSumParsesAsALeftChain() {
        int terms = 100_000;
        String source = String.join(" + ", java.util.Collections.nCopies(terms, "x"));
        Expression e = Parser.parse(source, null).outputs().get(0);
        int depth = 0;
        while (e instanceof Binary b) {
            assertThat(b.op()).isEqualTo(Op.ADD);
            depth++;
            e = b.left();
        }
        assertThat(depth).isEqualTo(terms - 1);
        assertThat(Printer.text(Parser.parse(source, null).outputs().get(0))).isEqualTo(source);
    }

    @Test
    void longChainsOfEveryLeftAssociativeOperatorParse() {
        int terms = 100_000;
        for (String op : List.of(" - ", "*", "/")) {
            String source = String.join(op, java.util.Collections.nCopies(terms, "x"));
            assertThat(Parser.parse(source, null).outputs()).hasSize(1);
        }
        // divisions of literals fold until the literal limit, then stay symbolic: still linear
        String thirds = "1" + "/3".repeat(terms);
        assertThat(Parser.parse(thirds, null).outputs()).hasSize(1);
    }

    @Test
    void formulaLongerThanTheLimitIsRejectedBeforeParsing() {
        String source = "x+".repeat(Limits.MAX_FORMULA_LENGTH / 2) + "x";
        assertThat(source.length()).isGreaterThan(Limits.MAX_FORMULA_LENGTH);
        assertThat(rejection(source).kind()).isEqualTo(Kind.FORMULA_TOO_LONG);
    }

    @Test
    void errorInAHugeFormulaShowsAShortExcerpt() {
        String source = "x + ".repeat(200_000) + "* y";
        PartialsException e = rejection(source);
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.column()).hasValue(source.length() - 2);
        assertThat(e.getMessage().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(200));
    }
}
