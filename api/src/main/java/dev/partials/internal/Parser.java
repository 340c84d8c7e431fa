package dev.partials.internal;

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
import dev.partials.internal.Lexer.Token;
import dev.partials.internal.Lexer.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parser of the formula language: precedence climbing in one loop, with an explicit stack in
 * place of recursion.
 *
 * <h2>Grammar</h2>
 * <pre>
 * formula  = expr | "[" expr { "," expr } "]"          (brackets only around the whole formula)
 * expr     = operand { binop operand }                 (precedence climbing)
 * operand  = ("-" | "+") operand | primary
 * primary  = number | identifier | identifier "(" expr { "," expr } ")" | "(" expr ")"
 * </pre>
 *
 * <table class="striped">
 * <caption>Operators, loosest first</caption>
 * <thead><tr><th>operator</th><th>precedence</th><th>associativity</th></tr></thead>
 * <tbody>
 * <tr><td>{@code + -}</td><td>1</td><td>left</td></tr>
 * <tr><td>{@code * /}</td><td>2</td><td>left</td></tr>
 * <tr><td>unary {@code -} (and unary {@code +}, accepted and ignored)</td><td>3</td><td>prefix</td></tr>
 * <tr><td>{@code ^}</td><td>4</td><td>right; its right operand may start with a sign</td></tr>
 * </tbody>
 * </table>
 *
 * <p>So {@code -x^2} is {@code -(x^2)}, {@code 2^3^2} is {@code 2^(3^2)}, {@code x^-2} is
 * {@code x^(-2)}, {@code a-b-c} is {@code (a-b)-c}. Implicit multiplication ({@code 2x},
 * {@code (x)(y)}) is rejected with a hint. Unary plus is accepted and ignored, as in most languages;
 * the printer never writes it.
 *
 * <h2>Literals</h2>
 * Numbers are exact: {@code 0.125} is the {@link Constant} 1/8. Two foldings make the printer's
 * output read back to the same expression, and no other folding is done ({@code 2*3} stays a product):
 * <ul>
 * <li>a minus sign directly before a bare number literal gives a negative constant: {@code -3} is
 *     {@code Constant(-3)} and {@code 2^-3} is {@code 2^Constant(-3)}, but {@code -(3)} is
 *     {@code NEGATE(3)} and {@code -3^2} is {@code -(3^2)};</li>
 * <li>a {@code /} between two bare literals (number literals, possibly signed, or the result of such
 *     a fold) is one rational constant: {@code 1/3}, {@code -1/3}, {@code 2/3/4} = 1/6; but
 *     {@code (1)/3} stays a division, and so does {@code 1/0} (never an error: evaluation gives ∞ or
 *     NaN). A fold of an already folded value is made only when its operands have at most
 *     {@link Limits#MAX_EXACT_BITS} bits together and the result can be written back with literals of
 *     at most {@link Limits#MAX_LITERAL_DIGITS} digits; otherwise the division stays symbolic, so a
 *     chain {@code 1/3/3/3/…} costs linear time and still prints and reads back.</li>
 * </ul>
 *
 * <h2>Names</h2>
 * Without declared variables, every identifier that is not {@code pi}, {@code e} or a function is a
 * variable. With declared variables, the declared names are variables (also {@code e} and
 * {@code pi}: a formula cannot then use the constant of that name), {@code pi} and {@code e} are
 * otherwise the constants, and any other identifier is {@link Kind#UNKNOWN_VARIABLE}. An identifier
 * followed by {@code (} is a function call. A function name without {@code (} is a syntax error
 * unless it is a declared variable.
 *
 * <h2>Limits</h2>
 * The text is checked against {@link Limits#MAX_FORMULA_LENGTH} before any work. The formula itself
 * is nesting level 1 and every open parenthesis, bracket, function call, sign and power exponent adds
 * one level; more than {@link Limits#MAX_DEPTH} levels is {@link Kind#NESTING_TOO_DEEP}, reported at
 * the token that opened the level too many.
 *
 * <p>The parser does not recurse at all. A recursive descent would need one or more Java frames per
 * level, and measured on JDK 25 a cold (interpreted) JVM needs more than the default 1 MB thread
 * stack for 1,000 levels of {@code sin(}: the limit could not then protect the caller from a
 * {@link StackOverflowError}. Instead, pending operators and open groups are kept on a list (at most
 * {@link Limits#MAX_DEPTH} nesting entries, plus at most one pending operator per precedence level in
 * between), so stack use is constant and memory and time are linear in the length of the text.
 *
 * <p>Every error is a {@link PartialsException} with its kind, 1-based column and a caret rendering.
 */
public final class Parser {

    private static final int ADDITIVE = 1;
    private static final int MULTIPLICATIVE = 2;
    private static final int SIGN = 3;
    private static final int POWER = 4;

    /** Bareness of a parsed value (see the class doc): the literal folds need it. */
    private static final int NOT_BARE = 0;
    /** A number literal, possibly with a folded sign: it folds with anything bare. */
    private static final int LITERAL = 1;
    /** The result of a fold: folds again only within the limits. */
    private static final int FOLDED = 2;

    /** Integers of at most this many bits have at most {@link Limits#MAX_LITERAL_DIGITS} digits. */
    private static final int LITERAL_BITS = (int) Math.floor(Limits.MAX_LITERAL_DIGITS * Math.log(10) / Math.log(2));

    private static final String OPERAND = "a number, variable, function or '('";

    /** What an entry of the pending stack is. */
    private enum Pending {
        /** A binary operator whose left operand is on the value stack. */
        BINARY,
        /** A prefix sign waiting for its operand. */
        SIGN,
        /** An open parenthesis. */
        PAREN,
        /** An open function call. */
        CALL,
        /** The open bracket of a vector formula. */
        BRACKET
    }

    /** An entry of the pending stack: an operator waiting for operands, or an open group. */
    private static final class Frame {
        final Pending pending;
        final Token token; // the operator, the opening token, or the function name
        final Op op;       // the binary operation, NEGATE (null for unary plus), or the function
        final int precedence;
        final boolean nests;
        int arguments = 1; // CALL: commas seen + 1
        int openColumn;    // CALL: the column of its '('

        Frame(Pending pending, Token token, Op op, int precedence) {
            this.pending = pending;
            this.token = token;
            this.op = op;
            this.precedence = precedence;
            this.nests = pending != Pending.BINARY || op == Op.POWER;
        }

        boolean isOperator() {
            return pending == Pending.BINARY || pending == Pending.SIGN;
        }
    }

    /** A parsed value with its bareness (for the literal folds). */
    private record Value(Expression expression, int bare) {
    }

    private final Lexer lexer;
    private final String source;
    private final Set<String> declared;
    private final Map<String, Variable> variables = new HashMap<>();
    private final ArrayList<Frame> frames = new ArrayList<>();
    private final ArrayList<Value> values = new ArrayList<>();
    private Token token;
    private int previousEnd;
    private int depth = 1;
    private int lastOperandStart;

    private Parser(String source, List<String> declared) {
        this.source = source;
        this.lexer = new Lexer(source);
        this.declared = declared == null ? null : new HashSet<>(declared);
    }

    /**
     * The outputs of a formula.
     *
     * @param outputs the output expressions, at least one
     * @param vector whether the formula was written as a vector {@code [f1, f2, …]}
     */
    public record Result(List<Expression> outputs, boolean vector) {

        /** Copies the outputs. */
        public Result {
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * Parses {@code source}.
     *
     * @param source the formula text
     * @param declared the variable names, or {@code null}: then every identifier that is not
     *        {@code pi}, {@code e} or a function is a variable. When non-null, the declared names are
     *        variables (also {@code pi}/{@code e} when declared), {@code pi}/{@code e} are otherwise
     *        constants, and any other identifier is {@link Kind#UNKNOWN_VARIABLE}.
     * @return the outputs, and whether the formula was a vector
     * @throws PartialsException for any malformed or oversized formula, with its kind and column
     */
    public static Result parse(String source, List<String> declared) {
        Objects.requireNonNull(source, "source");
        if (source.length() > Limits.MAX_FORMULA_LENGTH) {
            throw PartialsException.builder(Kind.FORMULA_TOO_LONG, "the formula has " + source.length()
                    + " characters; at most " + Limits.MAX_FORMULA_LENGTH + " are allowed").build();
        }
        return new Parser(source, declared).formula();
    }

    /**
     * The one loop. It alternates between expecting an operand (signs and openings are pushed, a
     * primary becomes a value) and expecting an operator (pending operators that bind at least as
     * tightly are reduced, then the new one is pushed; a closing token reduces down to its group).
     */
    private Result formula() {
        advance();
        List<Expression> outputs = new ArrayList<>();
        boolean vector = token.type() == Type.LEFT_BRACKET;
        if (vector) {
            push(new Frame(Pending.BRACKET, token, null, 0));
            advance();
        }
        boolean expectOperand = true;
        while (true) {
            Token t = token;
            if (expectOperand) {
                switch (t.type()) {
                    case MINUS -> push(new Frame(Pending.SIGN, t, Op.NEGATE, SIGN));
                    case PLUS -> push(new Frame(Pending.SIGN, t, null, SIGN));
                    case LEFT_PAREN -> push(new Frame(Pending.PAREN, t, null, 0));
                    case NUMBER -> {
                        values.add(new Value(new Constant(t.value()), LITERAL));
                        lastOperandStart = t.start();
                        expectOperand = false;
                    }
                    case IDENTIFIER -> {
                        expectOperand = identifier(t);
                        continue; // identifier() has read the token after the name
                    }
                    default -> throw expectedOperand(t);
                }
                advance();
                continue;
            }
            switch (t.type()) {
                case PLUS, MINUS, STAR, SLASH, CARET -> {
                    Op op = binary(t.type());
                    int precedence = precedence(op);
                    boolean rightAssociative = op == Op.POWER;
                    while (top() != null && top().isOperator() && (top().precedence > precedence
                            || (top().precedence == precedence && !rightAssociative))) {
                        reduce();
                    }
                    push(new Frame(Pending.BINARY, t, op, precedence));
                    expectOperand = true;
                }
                case RIGHT_PAREN -> close(t);
                case COMMA -> {
                    comma(t, outputs);
                    expectOperand = true;
                }
                case RIGHT_BRACKET -> {
                    closeBracket(t, outputs);
                    advance();
                    if (token.type() != Type.END) {
                        throw syntax("expected the end of the formula after ']' but found " + found(token)
                                + "; a vector [f1, f2, ...] must be the whole formula", token);
                    }
                    return new Result(outputs, true);
                }
                case END -> {
                    return new Result(List.of(end(t)), false);
                }
                case NUMBER, IDENTIFIER, LEFT_PAREN -> throw implicitMultiplication(t);
                default -> throw syntax("expected " + expectedAfterOperand() + " but found " + found(t), t);
            }
            advance();
        }
    }

    /**
     * Handles an identifier (the current token is its name): a function call is opened, anything else
     * becomes a value. Leaves the token after the construct current.
     *
     * @return whether an operand is expected next (a call was opened)
     */
    private boolean identifier(Token t) {
        String name = source.substring(t.start(), t.end());
        advance();
        if (token.type() == Type.LEFT_PAREN) {
            Op op = function(t, name);
            Frame call = new Frame(Pending.CALL, t, op, 0);
            call.openColumn = token.column();
            push(call);
            advance();
            if (token.type() == Type.RIGHT_PAREN) {
                throw wrongArgumentCount(call, 0);
            }
            return true;
        }
        values.add(new Value(name(t, name), NOT_BARE));
        lastOperandStart = t.start();
        return false;
    }

    private Expression name(Token t, String name) {
        boolean isDeclared = declared != null && declared.contains(name);
        if (!isDeclared && Op.function(name).isPresent()) {
            throw syntax("function " + name + " needs its argument: " + name + "(...)", t);
        }
        if (!isDeclared) {
            if (name.equals("pi")) {
                return MathConstant.PI;
            }
            if (name.equals("e")) {
                return MathConstant.E;
            }
            if (declared != null) {
                throw PartialsException.builder(Kind.UNKNOWN_VARIABLE, "unknown variable " + quote(name)
                                + "; the declared variables are " + declaredList())
                        .at(source, t.column()).name(name).build();
            }
        }
        return variables.computeIfAbsent(name, Variable::new);
    }

    /** The function called {@code name} (the current token is the '(' after it). */
    private Op function(Token t, String name) {
        Op op = Op.function(name).orElse(null);
        if (op != null) {
            return op;
        }
        boolean value = name.equals("pi") || name.equals("e") || (declared != null && declared.contains(name));
        if (value) {
            throw PartialsException.builder(Kind.IMPLICIT_MULTIPLICATION, "missing operator between "
                            + quote(name) + " and '(': implicit multiplication is not supported; write "
                            + name + "*(...)")
                    .at(source, token.column()).name(name).build();
        }
        List<String> near = suggestions(name);
        String detail = "unknown function " + quote(name) + (near.isEmpty()
                ? "; the functions are " + String.join(", ", Op.functionNames())
                : "; did you mean " + String.join(" or ", near) + "?");
        if (declared == null && name.length() <= 3 && near.isEmpty()) {
            detail += " (for a product, write " + name + "*(...))";
        }
        throw PartialsException.builder(Kind.UNKNOWN_FUNCTION, detail)
                .at(source, t.column()).name(name).suggestions(near).build();
    }

    /** {@code )}: closes the innermost parenthesis or call. */
    private void close(Token t) {
        reduceOperators();
        Frame open = top();
        if (open == null) {
            throw syntax("expected an operator or the end of the formula but found ')', which has no matching '('", t);
        }
        switch (open.pending) {
            case PAREN -> {
                pop();
                Value v = values.removeLast();
                values.add(new Value(v.expression(), NOT_BARE));
            }
            case CALL -> {
                if (open.arguments != open.op.arity()) {
                    throw wrongArgumentCount(open, open.arguments);
                }
                pop();
                Expression call;
                if (open.op.arity() == 1) {
                    call = new Unary(open.op, values.removeLast().expression());
                } else {
                    Expression right = values.removeLast().expression();
                    call = new Binary(open.op, values.removeLast().expression(), right);
                }
                values.add(new Value(call, NOT_BARE));
            }
            default -> throw syntax("expected ',' or ']' to close the '[' at column " + open.token.column()
                    + " but found ')'", t);
        }
        lastOperandStart = open.token.start();
    }

    /** {@code ,}: separates the arguments of a call or the outputs of a vector. */
    private void comma(Token t, List<Expression> outputs) {
        reduceOperators();
        Frame open = top();
        if (open == null) {
            throw syntax("expected an operator or the end of the formula but found ','; several outputs are"
                    + " written as a vector [f1, f2, ...]", t);
        }
        switch (open.pending) {
            case CALL -> open.arguments++;
            case BRACKET -> outputs.add(values.removeLast().expression());
            default -> throw unclosedParen(open, t);
        }
    }

    /** {@code ]}: closes the vector. */
    private void closeBracket(Token t, List<Expression> outputs) {
        reduceOperators();
        Frame open = top();
        if (open == null) {
            throw syntax("expected an operator or the end of the formula but found ']', which has no matching '['", t);
        }
        switch (open.pending) {
            case BRACKET -> {
                pop();
                outputs.add(values.removeLast().expression());
            }
            case CALL -> throw unclosedCall(open, t);
            default -> throw unclosedParen(open, t);
        }
    }

    /** The end of the text after an operand: everything pending must reduce to one value. */
    private Expression end(Token t) {
        reduceOperators();
        Frame open = top();
        if (open != null) {
            throw switch (open.pending) {
                case CALL -> unclosedCall(open, t);
                case BRACKET -> syntax("expected ',' or ']' to close the '[' at column " + open.token.column()
                        + " but found the end of the formula", t);
                default -> unclosedParen(open, t);
            };
        }
        return values.removeLast().expression();
    }

    private void reduceOperators() {
        while (top() != null && top().isOperator()) {
            reduce();
        }
    }

    /** Applies the operator on top of the pending stack to the values it is waiting for. */
    private void reduce() {
        Frame f = pop();
        if (f.pending == Pending.SIGN) {
            Value v = values.removeLast();
            if (f.op == null) {
                values.add(v); // unary plus is ignored, bareness included
            } else if (v.bare() == LITERAL && v.expression() instanceof Constant c) {
                values.add(new Value(new Constant(c.value().negate()), LITERAL)); // -3 is a literal
            } else {
                values.add(new Value(new Unary(Op.NEGATE, v.expression()), NOT_BARE));
            }
            return;
        }
        Value right = values.removeLast();
        Value left = values.removeLast();
        values.add(combine(f.op, left, right));
    }

    private static Value combine(Op op, Value left, Value right) {
        if (op == Op.DIVIDE && left.bare() != NOT_BARE && right.bare() != NOT_BARE
                && left.expression() instanceof Constant l && right.expression() instanceof Constant r
                && r.value().signum() != 0) {
            Rational a = l.value();
            Rational b = r.value();
            // Two literals always fold: that is how the printer writes a rational. A fold of a fold
            // only within the exact-size limit (so chains like 1/3/3/3/... stay linear) and only when
            // the result can be written back as literals of at most MAX_LITERAL_DIGITS digits.
            if (left.bare() == LITERAL && right.bare() == LITERAL) {
                return new Value(new Constant(a.divide(b)), FOLDED);
            }
            if (a.bitLength() + b.bitLength() <= Limits.MAX_EXACT_BITS) {
                Rational q = a.divide(b);
                if (q.numerator().bitLength() <= LITERAL_BITS && q.denominator().bitLength() <= LITERAL_BITS) {
                    return new Value(new Constant(q), FOLDED);
                }
            }
        }
        return new Value(new Binary(op, left.expression(), right.expression()), NOT_BARE);
    }

    private void push(Frame f) {
        if (f.nests && ++depth > Limits.MAX_DEPTH) {
            throw PartialsException.builder(Kind.NESTING_TOO_DEEP, "parentheses, brackets, function calls,"
                            + " signs and powers are nested deeper than " + Limits.MAX_DEPTH + " levels")
                    .at(source, f.token.column()).order(depth).build();
        }
        frames.add(f);
    }

    private Frame pop() {
        Frame f = frames.removeLast();
        if (f.nests) {
            depth--;
        }
        return f;
    }

    private Frame top() {
        return frames.isEmpty() ? null : frames.getLast();
    }

    private void advance() {
        if (token != null) {
            previousEnd = token.end();
        }
        token = lexer.next();
    }

    private static Op binary(Type type) {
        return switch (type) {
            case PLUS -> Op.ADD;
            case MINUS -> Op.SUBTRACT;
            case STAR -> Op.MULTIPLY;
            case SLASH -> Op.DIVIDE;
            case CARET -> Op.POWER;
            default -> throw new IllegalStateException("not a binary operator: " + type);
        };
    }

    private static int precedence(Op op) {
        return switch (op) {
            case ADD, SUBTRACT -> ADDITIVE;
            case MULTIPLY, DIVIDE -> MULTIPLICATIVE;
            default -> POWER;
        };
    }

    // ---------------------------------------------------------------- errors

    private PartialsException expectedOperand(Token t) {
        String hint = "";
        if (t.type() == Type.STAR && previousEnd == t.start() && previousEnd > 0
                && source.charAt(previousEnd - 1) == '*') {
            hint = "; write powers with '^', as in x^2";
        } else if (t.type() == Type.LEFT_BRACKET) {
            hint = "; a vector [f1, f2, ...] must be the whole formula";
        }
        return syntax("expected " + OPERAND + " but found " + found(t) + hint, t);
    }

    private String expectedAfterOperand() {
        Frame open = null;
        for (int i = frames.size() - 1; i >= 0 && open == null; i--) {
            if (!frames.get(i).isOperator()) {
                open = frames.get(i);
            }
        }
        if (open == null) {
            return "an operator or the end of the formula";
        }
        return switch (open.pending) {
            case PAREN -> "an operator or ')'";
            case CALL -> "an operator, ',' or ')'";
            default -> "an operator, ',' or ']'";
        };
    }

    private PartialsException unclosedParen(Frame open, Token t) {
        return syntax("expected ')' to close the '(' at column " + open.token.column() + " but found " + found(t), t);
    }

    private PartialsException unclosedCall(Frame open, Token t) {
        String name = source.substring(open.token.start(), open.token.end());
        return syntax("expected ',' or ')' in the call " + abbreviate(name) + "(...) opened at column "
                + open.openColumn + " but found " + found(t), t);
    }

    private PartialsException wrongArgumentCount(Frame call, int got) {
        String name = call.op.symbol();
        int arity = call.op.arity();
        return PartialsException.builder(Kind.WRONG_ARGUMENT_COUNT, name + " takes " + arity
                        + (arity == 1 ? " argument" : " arguments") + " but got " + got)
                .at(source, call.token.column()).name(name).build();
    }

    private PartialsException implicitMultiplication(Token next) {
        String left = source.substring(lastOperandStart, previousEnd);
        if (left.length() > 24) {
            left = "(...)";
        }
        String right = next.type() == Type.LEFT_PAREN ? "(...)" : abbreviate(source.substring(next.start(), next.end()));
        return PartialsException.builder(Kind.IMPLICIT_MULTIPLICATION, "missing operator before " + found(next)
                        + ": implicit multiplication is not supported; write " + left + "*" + right)
                .at(source, next.column()).build();
    }

    private PartialsException syntax(String detail, Token at) {
        return PartialsException.builder(Kind.SYNTAX, detail).at(source, at.column()).build();
    }

    private String found(Token t) {
        return t.type() == Type.END ? "the end of the formula" : quote(source.substring(t.start(), t.end()));
    }

    private String declaredList() {
        List<String> names = new ArrayList<>(declared);
        names.sort(Comparator.naturalOrder());
        String all = names.toString();
        return all.length() > 200 ? all.substring(0, 200) + "...]" : all;
    }

    /** {@code 'text'}, shortened when long (the message must stay one readable line). */
    static String quote(String text) {
        return "'" + abbreviate(text) + "'";
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /**
     * The known function names nearest to {@code name}: a case-insensitive match first, then names
     * within a small edit distance (1 for names of up to 3 letters, else 2), nearest first, at most 3.
     */
    static List<String> suggestions(String name) {
        if (name.length() > 20) {
            return List.of(); // no function name is that long: nothing is near
        }
        List<String> result = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name) && Op.function(lower).isPresent()) {
            result.add(lower);
        }
        int limit = name.length() <= 3 ? 1 : 2;
        Map<String, Integer> distance = new HashMap<>();
        for (String candidate : Op.functionNames()) {
            distance.put(candidate, editDistance(lower, candidate));
        }
        List<String> names = new ArrayList<>(distance.keySet());
        names.sort(Comparator.comparing((String n) -> distance.get(n)).thenComparing(Comparator.naturalOrder()));
        for (String candidate : names) {
            if (result.size() >= 3 || distance.get(candidate) > limit) {
                break;
            }
            if (!result.contains(candidate)) {
                result.add(candidate);
            }
        }
        return List.copyOf(result);
    }

    /** Levenshtein distance (insert, delete, substitute), two rows. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
