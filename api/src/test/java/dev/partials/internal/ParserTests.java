package dev.partials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.Limits;
import dev.partials.MathConstant;
import dev.partials.Op;
import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.Variable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ParserTests {

    private static final Expression X = new Variable("x");
    private static final Expression Y = new Variable("y");
    private static final Expression A = new Variable("a");
    private static final Expression B = new Variable("b");
    private static final Expression C = new Variable("c");

    static Expression c(long n) {
        return new Constant(Rational.of(n));
    }

    static Expression c(long p, long q) {
        return new Constant(Rational.of(p, q));
    }

    static Expression bin(Op op, Expression l, Expression r) {
        return new Binary(op, l, r);
    }

    static Expression neg(Expression e) {
        return new Unary(Op.NEGATE, e);
    }

    static Expression one(String source) {
        Parser.Result r = Parser.parse(source, null);
        assertThat(r.vector()).as("vector flag of %s", source).isFalse();
        assertThat(r.outputs()).as("outputs of %s", source).hasSize(1);
        return r.outputs().get(0);
    }

    static PartialsException error(String source) {
        return error(source, null);
    }

    static PartialsException error(String source, List<String> declared) {
        PartialsException e = catchThrowableOfType(PartialsException.class, () -> Parser.parse(source, declared));
        assertThat(e).as("parsing %s must fail", source).isNotNull();
        return e;
    }

    @Test
    void seedExampleParsesToTheHandBuiltTree() {
        Expression expected = bin(Op.ADD, bin(Op.POWER, X, c(2)), bin(Op.MULTIPLY, bin(Op.MULTIPLY, c(3), X), Y));
        assertThat(one("x^2 + 3*x*y")).isEqualTo(expected);
    }

    static Stream<Arguments> precedenceAndAssociativity() {
        return Stream.of(
                Arguments.of("-x^2", neg(bin(Op.POWER, X, c(2)))),
                Arguments.of("2^3^2", bin(Op.POWER, c(2), bin(Op.POWER, c(3), c(2)))),
                Arguments.of("a-b-c", bin(Op.SUBTRACT, bin(Op.SUBTRACT, A, B), C)),
                Arguments.of("a/b/c", bin(Op.DIVIDE, bin(Op.DIVIDE, A, B), C)),
                Arguments.of("a+b*c", bin(Op.ADD, A, bin(Op.MULTIPLY, B, C))),
                Arguments.of("a*b+c", bin(Op.ADD, bin(Op.MULTIPLY, A, B), C)),
                Arguments.of("(a+b)*c", bin(Op.MULTIPLY, bin(Op.ADD, A, B), C)),
                Arguments.of("a-(b-c)", bin(Op.SUBTRACT, A, bin(Op.SUBTRACT, B, C))),
                Arguments.of("x^-2", bin(Op.POWER, X, c(-2))),
                Arguments.of("2^-x", bin(Op.POWER, c(2), neg(X))),
                Arguments.of("2^-x^2", bin(Op.POWER, c(2), neg(bin(Op.POWER, X, c(2))))),
                Arguments.of("x^-y*a", bin(Op.MULTIPLY, bin(Op.POWER, X, neg(Y)), A)),
                Arguments.of("-x*y", bin(Op.MULTIPLY, neg(X), Y)),
                Arguments.of("a*-b", bin(Op.MULTIPLY, A, neg(B))),
                Arguments.of("a - -b", bin(Op.SUBTRACT, A, neg(B))),
                Arguments.of("--x", neg(neg(X))),
                Arguments.of("(-x)^2", bin(Op.POWER, neg(X), c(2))),
                Arguments.of("sin(x)^2", bin(Op.POWER, new Unary(Op.SIN, X), c(2))),
                Arguments.of("a^b/c", bin(Op.DIVIDE, bin(Op.POWER, A, B), C)),
                Arguments.of("+x", X),
                Arguments.of("a*+b", bin(Op.MULTIPLY, A, B)),
                Arguments.of(" \t\na\n+\tb ", bin(Op.ADD, A, B)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void precedenceAndAssociativity(String source, Expression expected) {
        assertThat(one(source)).isEqualTo(expected);
    }

    static Stream<Arguments> literalsAreExact() {
        return Stream.of(
                Arguments.of("12", c(12)),
                Arguments.of("0.125", c(1, 8)),
                Arguments.of("1e-3", c(1, 1000)),
                Arguments.of(".5", c(1, 2)),
                Arguments.of("2.5E+4", c(25_000)),
                Arguments.of("2.5e4", c(25_000)),
                Arguments.of("1.", c(1)),
                Arguments.of("0.1", c(1, 10)),
                Arguments.of("007", c(7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void literalsAreExact(String source, Expression expected) {
        assertThat(one(source)).isEqualTo(expected);
    }

    static Stream<Arguments> literalFoldingIsExactlyWhatThePrinterNeeds() {
        return Stream.of(
                Arguments.of("-3", c(-3)),
                Arguments.of("-(3)", neg(c(3))),
                Arguments.of("-3^2", neg(bin(Op.POWER, c(3), c(2)))),
                Arguments.of("2^-3", bin(Op.POWER, c(2), c(-3))),
                Arguments.of("1/3", c(1, 3)),
                Arguments.of("-1/3", c(-1, 3)),
                Arguments.of("2/3/4", c(1, 6)),
                Arguments.of("(1)/3", bin(Op.DIVIDE, c(1), c(3))),
                Arguments.of("1/(3)", bin(Op.DIVIDE, c(1), c(3))),
                Arguments.of("-(1)/3", bin(Op.DIVIDE, neg(c(1)), c(3))),
                Arguments.of("1/0", bin(Op.DIVIDE, c(1), c(0))),
                Arguments.of("1/0/2", bin(Op.DIVIDE, bin(Op.DIVIDE, c(1), c(0)), c(2))),
                Arguments.of("2*3", bin(Op.MULTIPLY, c(2), c(3))),
                Arguments.of("2+3", bin(Op.ADD, c(2), c(3))),
                Arguments.of("2^3/4", bin(Op.DIVIDE, bin(Op.POWER, c(2), c(3)), c(4))),
                Arguments.of("x^-1/3", bin(Op.DIVIDE, bin(Op.POWER, X, c(-1)), c(3))),
                Arguments.of("2*3/4", bin(Op.DIVIDE, bin(Op.MULTIPLY, c(2), c(3)), c(4))),
                Arguments.of("x - -1/3", bin(Op.SUBTRACT, X, c(-1, 3))),
                Arguments.of("1/3*x", bin(Op.MULTIPLY, c(1, 3), X)),
                Arguments.of("0.5/0.25", c(2)),
                Arguments.of("9^9^9^9", bin(Op.POWER, c(9), bin(Op.POWER, c(9), bin(Op.POWER, c(9), c(9))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void literalFoldingIsExactlyWhatThePrinterNeeds(String source, Expression expected) {
        assertThat(one(source)).isEqualTo(expected);
    }

    @Test
    void longChainOfDivisionsStopsFoldingWithinTheLiteralLimit() {
        String source = "1" + "/3".repeat(5_000);
        Expression e = one(source);
        // the fold stops once 3^k no longer fits a literal, and everything after it stays symbolic
        int divisions = 0;
        while (e instanceof Binary b && b.op() == Op.DIVIDE) {
            assertThat(b.right()).isEqualTo(c(3));
            divisions++;
            e = b.left();
        }
        assertThat(e).isInstanceOf(Constant.class);
        Rational folded = ((Constant) e).value();
        assertThat(folded.numerator()).isEqualTo(java.math.BigInteger.ONE);
        assertThat(folded.denominator()).isEqualTo(java.math.BigInteger.valueOf(3).pow(5_000 - divisions));
        assertThat(folded.denominator().toString().length()).isLessThanOrEqualTo(Limits.MAX_LITERAL_DIGITS);
        assertThat(divisions).isPositive();
    }

    @Test
    void everyFunctionParsesToItsOperation() {
        for (String name : Op.functionNames()) {
            Op op = Op.function(name).orElseThrow();
            Expression expected = op.arity() == 1 ? new Unary(op, X) : new Binary(op, X, Y);
            String source = op.arity() == 1 ? name + "(x)" : name + "(x, y)";
            assertThat(one(source)).as(source).isEqualTo(expected);
        }
        assertThat(one("pow(a, b)")).isEqualTo(bin(Op.POWER, A, B));
        assertThat(one("atan2(y, x)")).isEqualTo(bin(Op.ATAN2, Y, X));
    }

    @Test
    void piAndEAreConstantsAndOtherIdentifiersVariables() {
        assertThat(one("pi*e")).isEqualTo(bin(Op.MULTIPLY, MathConstant.PI, MathConstant.E));
        assertThat(one("x_2 + alpha + _t + w10")).isEqualTo(bin(Op.ADD, bin(Op.ADD, bin(Op.ADD,
                new Variable("x_2"), new Variable("alpha")), new Variable("_t")), new Variable("w10")));
        assertThat(one("exp(e)")).isEqualTo(new Unary(Op.EXP, MathConstant.E));
    }

    @Test
    void vectorFormulaHasOneOutputPerElement() {
        Parser.Result r = Parser.parse("[x*y, sin(x)]", null);
        assertThat(r.vector()).isTrue();
        assertThat(r.outputs()).containsExactly(bin(Op.MULTIPLY, X, Y), new Unary(Op.SIN, X));
        Parser.Result single = Parser.parse(" [ x ] ", null);
        assertThat(single.vector()).isTrue();
        assertThat(single.outputs()).containsExactly(X);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            []           | 2
            [x]*2        | 4
            [x, ]        | 5
            [x y]        | 4
            [x, y        | 6
            x, y         | 2
            x + [y]      | 5
            [[x]]        | 2
            """)
    void vectorsAreOnlyAroundTheWholeFormula(String source, int column) {
        PartialsException e = error(source);
        assertThat(e.kind()).isIn(Kind.SYNTAX, Kind.IMPLICIT_MULTIPLICATION);
        assertThat(e.column()).hasValue(column);
    }

    @Test
    void designExampleRendersTheCaretUnderColumnSeven() {
        PartialsException e = error("x^2 + * y");
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.column()).hasValue(7);
        assertThat(e.getMessage()).isEqualTo("""
                cannot parse formula
                  x^2 + * y
                        ^ column 7: expected a number, variable, function or '(' but found '*'""");
    }

    @ParameterizedTest(name = "[{0}] at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""          | 1  | expected a number, variable, function or '(' but found the end of the formula
            "   "       | 4  | but found the end of the formula
            x +         | 4  | expected a number, variable, function or '(' but found the end of the formula
            * y         | 1  | expected a number, variable, function or '(' but found '*'
            x )         | 3  | no matching '('
            (x + 1      | 7  | expected ')' to close the '(' at column 1 but found the end of the formula
            sin(x       | 6  | expected ',' or ')'
            (x + 1]     | 7  | expected ')' to close the '(' at column 1 but found ']'
            x # y       | 3  | unexpected character '#'
            x = 1       | 3  | unexpected character '='
            x**2        | 3  | write powers with '^'
            sin + 1     | 1  | function sin needs its argument: sin(...)
            1.2.3       | 4  | malformed number
            x ^         | 4  | but found the end of the formula
            .           | 1  | unexpected character '.'
            """)
    void syntaxErrorsSayWhatWasExpectedAndWhere(String source, int column, String detail) {
        PartialsException e = error(source);
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.column()).hasValue(column);
        assertThat(e.detail()).contains(detail);
    }

    @Test
    void controlAndUnicodeCharactersAreNamedByCodePoint() {
        PartialsException e = error("x \u0007 y");
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.column()).hasValue(3);
        assertThat(e.detail()).contains("U+0007");
        PartialsException minus = error("x \u2212 y");
        assertThat(minus.column()).hasValue(3);
        assertThat(minus.detail()).contains("U+2212").contains("'-'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2x        | 2  | write 2*x
            2 x       | 3  | write 2*x
            2(x+1)    | 2  | write 2*(...)
            (x)(y)    | 4  | write (x)*(...)
            x y       | 3  | write x*y
            (x+1)x    | 6  | write (x+1)*x
            sin(x)y   | 7  | write sin(x)*y
            2 3       | 3  | write 2*3
            2e        | 2  | write 2*e
            pi(2)     | 3  | write pi*(...)
            """)
    void rejectsImplicitMultiplicationWithHint(String source, int column, String hint) {
        PartialsException e = error(source);
        assertThat(e.kind()).isEqualTo(Kind.IMPLICIT_MULTIPLICATION);
        assertThat(e.column()).hasValue(column);
        assertThat(e.detail()).contains(hint);
    }

    @Test
    void declaredVariableCalledLikeAFunctionIsImplicitMultiplication() {
        PartialsException e = error("x(y)", List.of("x", "y"));
        assertThat(e.kind()).isEqualTo(Kind.IMPLICIT_MULTIPLICATION);
        assertThat(e.column()).hasValue(2);
    }

    @Test
    void unknownFunctionSuggestsNearestNames() {
        PartialsException e = error("1 + sinn(x)");
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_FUNCTION);
        assertThat(e.column()).hasValue(5);
        assertThat(e.name()).hasValue("sinn");
        assertThat(e.suggestions()).contains("sin").doesNotContain("cos", "exp");
        assertThat(e.detail()).contains("did you mean sin");

        assertThat(error("sqr(x)").suggestions()).containsExactly("sqrt");
        assertThat(error("SIN(x)").suggestions()).startsWith("sin");
        PartialsException far = error("foo(x)");
        assertThat(far.kind()).isEqualTo(Kind.UNKNOWN_FUNCTION);
        assertThat(far.suggestions()).isEmpty();
        assertThat(far.detail()).contains("atan2", "sigmoid");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sin(x, y)      | 1
            atan2(y)       | 1
            x + max(1)     | 5
            sin()          | 1
            pow(2, 3, 4)   | 1
            """)
    void checksTheArgumentCountOfEveryCall(String source, int column) {
        PartialsException e = error(source);
        assertThat(e.kind()).isEqualTo(Kind.WRONG_ARGUMENT_COUNT);
        assertThat(e.column()).hasValue(column);
    }

    @Test
    void declaredNamesAreVariablesEvenEAndPi() {
        Parser.Result r = Parser.parse("e^x + pi", List.of("e", "x"));
        assertThat(r.outputs()).containsExactly(
                bin(Op.ADD, bin(Op.POWER, new Variable("e"), X), MathConstant.PI));
        assertThat(Parser.parse("pi", List.of("pi")).outputs()).containsExactly(new Variable("pi"));
        assertThat(Parser.parse("exp", List.of("exp")).outputs()).containsExactly(new Variable("exp"));
    }

    @Test
    void rejectsUndeclaredVariableWithItsColumnAndName() {
        PartialsException e = error("x + z", List.of("x", "y"));
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_VARIABLE);
        assertThat(e.column()).hasValue(5);
        assertThat(e.name()).hasValue("z");
        assertThat(e.detail()).contains("[x, y]");
        assertThat(error("sin(z)", List.of()).kind()).isEqualTo(Kind.UNKNOWN_VARIABLE);
    }

    @Test
    void rejectsOversizedLiteralsInstantly() {
        PartialsException huge = error("x + 1e999999999");
        assertThat(huge.kind()).isEqualTo(Kind.NUMBER_TOO_LARGE);
        assertThat(huge.column()).hasValue(5);
        assertThat(error("1e-" + (Limits.MAX_LITERAL_DIGITS + 1)).kind()).isEqualTo(Kind.NUMBER_TOO_LARGE);
        assertThat(error("9".repeat(Limits.MAX_LITERAL_DIGITS + 1)).kind()).isEqualTo(Kind.NUMBER_TOO_LARGE);
        assertThat(one("9".repeat(Limits.MAX_LITERAL_DIGITS)))
                .isEqualTo(new Constant(Rational.of(new java.math.BigInteger("9".repeat(Limits.MAX_LITERAL_DIGITS)))));
        assertThat(one("1e-" + Limits.MAX_LITERAL_DIGITS)).isEqualTo(new Constant(Rational.of(java.math.BigInteger.ONE,
                java.math.BigInteger.TEN.pow(Limits.MAX_LITERAL_DIGITS))));
    }

    @Test
    void rejectsTooLongFormulaBeforeReadingIt() {
        // invalid everywhere: only the length check can answer first
        PartialsException e = error("#".repeat(Limits.MAX_FORMULA_LENGTH + 1));
        assertThat(e.kind()).isEqualTo(Kind.FORMULA_TOO_LONG);
    }

    @Test
    void nestingOneLevelBeyondTheLimitIsRejectedAtItsColumn() {
        int allowed = Limits.MAX_DEPTH - 1; // the formula itself is level 1
        assertThat(one("(".repeat(allowed) + "x" + ")".repeat(allowed))).isEqualTo(X);
        PartialsException e = error("(".repeat(allowed + 1) + "x" + ")".repeat(allowed + 1));
        assertThat(e.kind()).isEqualTo(Kind.NESTING_TOO_DEEP);
        assertThat(e.column()).hasValue(allowed + 1);
        assertThat(one("-".repeat(allowed) + "x")).isInstanceOf(Unary.class);
        assertThat(error("-".repeat(allowed + 1) + "x").kind()).isEqualTo(Kind.NESTING_TOO_DEEP);
        assertThat(one("x^".repeat(allowed) + "x")).isInstanceOf(Binary.class);
        assertThat(error("x^".repeat(allowed + 1) + "x").kind()).isEqualTo(Kind.NESTING_TOO_DEEP);
        assertThat(error("[" + "(".repeat(allowed) + "x" + ")".repeat(allowed) + "]").kind())
                .isEqualTo(Kind.NESTING_TOO_DEEP);
    }
}
