package dev.partials.symbolic.internal;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.MathConstant;
import dev.partials.Op;
import dev.partials.Rational;
import dev.partials.Unary;
import dev.partials.Variable;
import dev.partials.spi.Traversal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Converts expressions of the language into the canonical form of an {@link Algebra}.
 *
 * <p>One pass in post order, each distinct expression node once. A chain of additions and
 * subtractions (or of multiplications and divisions) whose inner nodes are used only by the chain —
 * what a Java loop that accumulates a sum builds — is gathered into one n-ary sum (product) in one
 * step, so a sum of 100,000 terms costs linear time, not quadratic.
 */
final class Canon {

    private Canon() {
    }

    /** The canonical forms of {@code roots}, in order. */
    static List<Node> convert(Algebra a, List<? extends Expression> roots) {
        List<Expression> order = Traversal.postOrder(roots);
        IdentityHashMap<Expression, Integer> uses = new IdentityHashMap<>();
        IdentityHashMap<Expression, Op> parent = new IdentityHashMap<>();
        for (Expression r : roots) {
            uses.merge(r, 2, Integer::sum); // a root is never absorbed
        }
        for (Expression e : order) {
            Op op = op(e);
            for (Expression o : Traversal.operands(e)) {
                uses.merge(o, 1, Integer::sum);
                parent.put(o, op);
            }
        }
        IdentityHashMap<Expression, Boolean> absorbed = new IdentityHashMap<>();
        for (Expression e : order) {
            if (uses.getOrDefault(e, 0) == 1) {
                Op p = parent.get(e);
                if ((additive(op(e)) && additive(p)) || (multiplicative(op(e)) && multiplicative(p))) {
                    absorbed.put(e, Boolean.TRUE);
                }
            }
        }
        IdentityHashMap<Expression, Node> nodes = new IdentityHashMap<>();
        for (Expression e : order) {
            if (!absorbed.containsKey(e)) {
                nodes.put(e, node(a, e, nodes, absorbed));
            }
        }
        List<Node> out = new ArrayList<>(roots.size());
        for (Expression r : roots) {
            out.add(nodes.get(r));
        }
        return out;
    }

    private static Op op(Expression e) {
        return switch (e) {
            case Unary u -> u.op();
            case Binary b -> b.op();
            default -> null;
        };
    }

    private static boolean additive(Op op) {
        return op == Op.ADD || op == Op.SUBTRACT || op == Op.NEGATE;
    }

    private static boolean multiplicative(Op op) {
        return op == Op.MULTIPLY || op == Op.DIVIDE;
    }

    private static Node node(Algebra a, Expression e, IdentityHashMap<Expression, Node> nodes,
                             IdentityHashMap<Expression, Boolean> absorbed) {
        return switch (e) {
            case Constant c -> a.num(c.value());
            case MathConstant c -> a.constant(c);
            case Variable v -> {
                int i = a.indexOf(v.name());
                if (i < 0) {
                    throw new IllegalArgumentException("variable " + v.name() + " is not among " + a.variables());
                }
                yield a.variable(i);
            }
            case Unary u when u.op() == Op.NEGATE -> sum(a, e, nodes, absorbed);
            case Unary u -> a.fn(Fun.of(u.op()), nodes.get(u.operand()));
            case Binary b -> switch (b.op()) {
                case ADD, SUBTRACT -> sum(a, e, nodes, absorbed);
                case MULTIPLY, DIVIDE -> product(a, e, nodes, absorbed);
                case POWER -> a.pow(nodes.get(b.left()), nodes.get(b.right()));
                default -> a.fn(Fun.of(b.op()), nodes.get(b.left()), nodes.get(b.right()));
            };
        };
    }

    private record Signed(Expression e, Rational c) {
    }

    private static Node sum(Algebra a, Expression root, IdentityHashMap<Expression, Node> nodes,
                            IdentityHashMap<Expression, Boolean> absorbed) {
        Algebra.Sum sum = a.sum();
        ArrayList<Signed> stack = new ArrayList<>();
        stack.add(new Signed(root, Rational.ONE));
        while (!stack.isEmpty()) {
            Signed s = stack.remove(stack.size() - 1);
            Expression e = s.e();
            if (e == root || absorbed.containsKey(e)) {
                switch (e) {
                    case Unary u -> stack.add(new Signed(u.operand(), s.c().negate()));
                    case Binary b -> {
                        stack.add(new Signed(b.right(), b.op() == Op.SUBTRACT ? s.c().negate() : s.c()));
                        stack.add(new Signed(b.left(), s.c()));
                    }
                    default -> throw new IllegalStateException();
                }
            } else {
                sum.plus(s.c(), nodes.get(e));
            }
        }
        return sum.build();
    }

    private static Node product(Algebra a, Expression root, IdentityHashMap<Expression, Node> nodes,
                                IdentityHashMap<Expression, Boolean> absorbed) {
        List<Node> bases = new ArrayList<>();
        List<Node> exps = new ArrayList<>();
        ArrayList<Signed> stack = new ArrayList<>();
        stack.add(new Signed(root, Rational.ONE));
        while (!stack.isEmpty()) {
            Signed s = stack.remove(stack.size() - 1);
            Expression e = s.e();
            if ((e == root || absorbed.containsKey(e)) && e instanceof Binary b) {
                stack.add(new Signed(b.right(), b.op() == Op.DIVIDE ? s.c().negate() : s.c()));
                stack.add(new Signed(b.left(), s.c()));
            } else {
                bases.add(nodes.get(e));
                exps.add(s.c().signum() > 0 ? a.one : a.minusOne);
            }
        }
        return a.product(Rational.ONE, bases, exps);
    }
}
