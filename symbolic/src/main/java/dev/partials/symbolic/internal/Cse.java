package dev.partials.symbolic.internal;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.MathConstant;
import dev.partials.Op;
import dev.partials.Unary;
import dev.partials.Variable;
import dev.partials.spi.Traversal;
import dev.partials.symbolic.CommonSubexpressions;
import dev.partials.symbolic.CommonSubexpressions.Definition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common-subexpression elimination for printing: structurally equal subexpressions are identified
 * (value numbering, one pass in post order), and every non-leaf subexpression used more than once
 * is named, operands before the expressions that use them. Linear in the distinct nodes.
 */
final class Cse {

    private Cse() {
    }

    /** A structural key: the operation and the identities of the (already numbered) operands. */
    private record Key(Object kind, Expression left, Expression right) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kind.equals(kind) && k.left == left && k.right == right;
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + System.identityHashCode(left) * 17 + System.identityHashCode(right);
        }
    }

    static CommonSubexpressions of(List<Expression> roots) {
        // 1. Value numbering: one representative per structurally distinct subexpression.
        IdentityHashMap<Expression, Expression> rep = new IdentityHashMap<>();
        Map<Object, Expression> table = new HashMap<>();
        for (Expression e : Traversal.postOrder(roots)) {
            Object key = switch (e) {
                case Unary u -> new Key(u.op(), rep.get(u.operand()), null);
                case Binary b -> new Key(b.op(), rep.get(b.left()), rep.get(b.right()));
                default -> e; // leaves: records and enums compare by value
            };
            Expression r = table.get(key);
            if (r == null) {
                r = switch (e) {
                    case Unary u -> rep.get(u.operand()) == u.operand() ? u : new Unary(u.op(), rep.get(u.operand()));
                    case Binary b -> rep.get(b.left()) == b.left() && rep.get(b.right()) == b.right()
                            ? b : new Binary(b.op(), rep.get(b.left()), rep.get(b.right()));
                    default -> e;
                };
                table.put(key, r);
            }
            rep.put(e, r);
        }
        List<Expression> roots2 = new ArrayList<>();
        for (Expression e : roots) {
            roots2.add(rep.get(e));
        }
        // 2. Uses in the numbered DAG.
        List<Expression> order = Traversal.postOrder(roots2);
        IdentityHashMap<Expression, Integer> uses = new IdentityHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Expression e : roots2) {
            uses.merge(e, 1, Integer::sum);
        }
        for (Expression e : order) {
            for (Expression o : Traversal.operands(e)) {
                uses.merge(o, 1, Integer::sum);
            }
            if (e instanceof Variable v) {
                taken.add(v.name());
            }
        }
        // 3. Name the shared non-leaf subexpressions, operands first.
        List<Definition> definitions = new ArrayList<>();
        IdentityHashMap<Expression, Expression> replaced = new IdentityHashMap<>();
        int next = 1;
        for (Expression e : order) {
            Expression r = switch (e) {
                case Unary u -> replaced.get(u.operand()) == u.operand() ? u : new Unary(u.op(), replaced.get(u.operand()));
                case Binary b -> replaced.get(b.left()) == b.left() && replaced.get(b.right()) == b.right()
                        ? b : new Binary(b.op(), replaced.get(b.left()), replaced.get(b.right()));
                default -> e;
            };
            if (uses.get(e) > 1 && worthNaming(e)) {
                String name;
                do {
                    name = "t" + next++;
                } while (taken.contains(name));
                definitions.add(new Definition(name, r));
                r = new Variable(name);
            }
            replaced.put(e, r);
        }
        List<Expression> results = new ArrayList<>();
        for (Expression e : roots2) {
            results.add(replaced.get(e));
        }
        return new CommonSubexpressions(definitions, results);
    }

    /** Leaves, and a sign on a leaf, are shorter than a name. */
    private static boolean worthNaming(Expression e) {
        return switch (e) {
            case Constant c -> false;
            case Variable v -> false;
            case MathConstant m -> false;
            case Unary u -> !(u.op() == Op.NEGATE && Traversal.operands(u.operand()).isEmpty());
            case Binary b -> true;
        };
    }
}
