package dev.partials.spi;

import dev.partials.Binary;
import dev.partials.Expression;
import dev.partials.Unary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Iterative traversal of expression DAGs, for providers that walk expressions (symbolic rules,
 * compilers). Never recursive, so deep expressions cannot overflow the stack; each distinct node
 * (by identity) is visited once, so shared subexpressions cost once.
 *
 * {@snippet :
 * Expression f = Formula.parse("sin(x)*sin(x)").output(0);
 * for (Expression node : Traversal.postOrder(List.of(f))) {
 *     // operands are always visited before the node that uses them
 * }
 * }
 *
 * @since 0.1
 */
public final class Traversal {

    private Traversal() {
    }

    /** The operands of {@code e}: none for a leaf, one for {@link Unary}, left then right for {@link Binary}. */
    public static List<Expression> operands(Expression e) {
        return switch (e) {
            case Unary u -> List.of(u.operand());
            case Binary b -> List.of(b.left(), b.right());
            default -> List.of();
        };
    }

    /**
     * The distinct nodes reachable from {@code roots} in post order: every node after its operands,
     * left operands before right ones, roots in the order given.
     */
    public static List<Expression> postOrder(Collection<? extends Expression> roots) {
        List<Expression> order = new ArrayList<>();
        IdentityHashMap<Expression, Boolean> state = new IdentityHashMap<>(); // FALSE: open, TRUE: done
        ArrayList<Expression> stack = new ArrayList<>();
        for (Expression root : roots) {
            if (state.containsKey(root)) {
                continue;
            }
            stack.add(root);
            while (!stack.isEmpty()) {
                Expression top = stack.get(stack.size() - 1);
                Boolean s = state.get(top);
                if (s == null) {
                    state.put(top, Boolean.FALSE);
                    switch (top) {
                        case Unary u -> pushIfNew(stack, state, u.operand());
                        case Binary b -> {
                            pushIfNew(stack, state, b.right());
                            pushIfNew(stack, state, b.left());
                        }
                        default -> { }
                    }
                } else {
                    stack.remove(stack.size() - 1);
                    if (s == Boolean.FALSE) {
                        state.put(top, Boolean.TRUE);
                        order.add(top);
                    }
                }
            }
        }
        return order;
    }

    private static void pushIfNew(ArrayList<Expression> stack, IdentityHashMap<Expression, Boolean> state,
                                  Expression e) {
        if (!state.containsKey(e)) {
            stack.add(e);
        }
    }
}
