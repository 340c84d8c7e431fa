package dev.partials.symbolic.internal;

import dev.partials.MultiIndex;
import dev.partials.symbolic.internal.Node.Fn;
import dev.partials.symbolic.internal.Node.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The logarithms of an expression and the variables each depends on: the domain guards of {@link Prepared}. */
final class Logarithms {

    private Logarithms() {
    }

    /** A {@code log(argument)} of the expression and the variables it depends on. */
    record Guard(Node argument, BitSet variables) {
        /** Whether the multi-index differentiates by a variable this logarithm depends on. */
        boolean dependsOnAny(MultiIndex index) {
            for (int j = variables.nextSetBit(0); j >= 0; j = variables.nextSetBit(j + 1)) {
                if (j < index.dimension() && index.count(j) > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The guards of {@code root}, one per distinct non-constant logarithm. */
    static List<Guard> of(Node root, int dimension) {
        List<Node> order = postOrder(root);
        boolean any = false;
        for (Node x : order) {
            any |= x instanceof Fn f && f.fun == Fun.LOG;
        }
        List<Guard> out = new ArrayList<>();
        if (!any) {
            return out;
        }
        Map<Node, BitSet> deps = new HashMap<>();
        for (Node x : order) {
            BitSet d = new BitSet(dimension);
            if (x instanceof Var v) {
                d.set(v.index);
            }
            for (Node k : x.kids) {
                d.or(deps.get(k));
            }
            deps.put(x, d);
            if (x instanceof Fn f && f.fun == Fun.LOG && !d.isEmpty()) {
                out.add(new Guard(f.args[0], d));
            }
        }
        return out;
    }

    private static List<Node> postOrder(Node root) {
        List<Node> order = new ArrayList<>();
        Map<Node, Boolean> seen = new HashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node x = stack.peek();
            Boolean s = seen.get(x);
            if (s == null) {
                seen.put(x, Boolean.FALSE);
                for (Node k : x.kids) {
                    if (!seen.containsKey(k)) {
                        stack.push(k);
                    }
                }
            } else {
                stack.pop();
                if (!s) {
                    seen.put(x, Boolean.TRUE);
                    order.add(x);
                }
            }
        }
        return order;
    }
}
