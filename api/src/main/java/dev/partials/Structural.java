package dev.partials;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/** Structural equality of expressions without recursion, linear in the distinct node pairs. */
final class Structural {

    private Structural() {
    }

    static boolean equal(Expression a, Expression b) {
        if (a == b) {
            return true;
        }
        ArrayDeque<Expression> work = new ArrayDeque<>();
        // Pairs already known equal (or being compared): a shared DAG is compared once per pair.
        Map<Expression, Map<Expression, Boolean>> seen = new IdentityHashMap<>();
        work.push(a);
        work.push(b);
        while (!work.isEmpty()) {
            Expression y = work.pop();
            Expression x = work.pop();
            if (x == y) {
                continue;
            }
            if (x.hashCode() != y.hashCode()) {
                return false;
            }
            Map<Expression, Boolean> partners = seen.computeIfAbsent(x, k -> new IdentityHashMap<>());
            if (partners.put(y, Boolean.TRUE) != null) {
                continue;
            }
            switch (x) {
                case Unary u when y instanceof Unary v -> {
                    if (u.op() != v.op()) {
                        return false;
                    }
                    work.push(u.operand());
                    work.push(v.operand());
                }
                case Binary u when y instanceof Binary v -> {
                    if (u.op() != v.op()) {
                        return false;
                    }
                    work.push(u.left());
                    work.push(v.left());
                    work.push(u.right());
                    work.push(v.right());
                }
                case Unary u -> {
                    return false;
                }
                case Binary u -> {
                    return false;
                }
                default -> {
                    if (!x.equals(y)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
