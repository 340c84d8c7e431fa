package dev.partials.symbolic.internal;

import dev.partials.Rational;
import dev.partials.symbolic.internal.Node.Add;
import dev.partials.symbolic.internal.Node.Const;
import dev.partials.symbolic.internal.Node.Fn;
import dev.partials.symbolic.internal.Node.Mul;
import dev.partials.symbolic.internal.Node.Num;
import dev.partials.symbolic.internal.Node.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Differentiates canonical nodes with the {@link Rules}: iteratively (an explicit stack), each
 * distinct node once per variable (memoised, and the memo kept for later requests, so higher
 * orders and other outputs reuse it), and without building anything for a node that does not
 * depend on the variable. Time is linear in the distinct nodes, except that a product of k factors
 * costs O(k²) (its derivative has k terms of k factors).
 *
 * <p>Not thread-safe: shares its {@link Algebra}'s owner's lock.
 */
final class Differentiator {

    private final Algebra a;
    private final List<Map<Node, Node>> memo = new ArrayList<>();

    Differentiator(Algebra a) {
        this.a = a;
    }

    /** ∂root/∂x_variable, canonical. */
    Node derivative(Node root, int variable) {
        while (memo.size() <= variable) {
            memo.add(new HashMap<>());
        }
        Map<Node, Node> d = memo.get(variable);
        Node known = d.get(root);
        if (known != null) {
            return known;
        }
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (d.containsKey(n)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (Node k : n.kids) {
                if (!d.containsKey(k)) {
                    stack.push(k);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                d.put(n, rule(n, variable, d));
            }
        }
        return d.get(root);
    }

    private Node rule(Node n, int variable, Map<Node, Node> d) {
        return switch (n) {
            case Num x -> a.zero;
            case Const x -> a.zero;
            case Var x -> x.index == variable ? a.one : a.zero;
            case Add s -> {
                Algebra.Sum sum = a.sum();
                for (int i = 0; i < s.terms.length; i++) {
                    sum.plus(s.coefs[i], d.get(s.terms[i]));
                }
                yield sum.build();
            }
            case Mul m -> product(m, d);
            case Fn f -> {
                Node[] partials = null;
                Algebra.Sum sum = a.sum();
                for (int i = 0; i < f.args.length; i++) {
                    Node da = d.get(f.args[i]);
                    if (da != a.zero) {
                        if (partials == null) {
                            partials = Rules.partials(a, f);
                        }
                        sum.plus(Rational.ONE, a.multiply(partials[i], da));
                    }
                }
                yield sum.build();
            }
        };
    }

    /** The n-ary product rule, with the power row of the table for each factor. */
    private Node product(Mul m, Map<Node, Node> d) {
        Algebra.Sum sum = a.sum();
        int k = m.bases.length;
        for (int i = 0; i < k; i++) {
            Node b = m.bases[i];
            Node e = m.exps[i];
            Node db = d.get(b);
            Node de = d.get(e);
            if (db == a.zero && de == a.zero) {
                continue;
            }
            List<Node> bases = new ArrayList<>(k + 2);
            List<Node> exps = new ArrayList<>(k + 2);
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    bases.add(m.bases[j]);
                    exps.add(m.exps[j]);
                }
            }
            if (db != a.zero) {
                sum.plus(Rational.ONE, term(m, bases, exps, Rules.powerBase(a, b, e), db));
            }
            if (de != a.zero) {
                sum.plus(Rational.ONE, term(m, bases, exps, Rules.powerExponent(a, b, e), de));
            }
        }
        return sum.build();
    }

    private Node term(Mul m, List<Node> bases, List<Node> exps, Node partial, Node inner) {
        List<Node> b = new ArrayList<>(bases);
        List<Node> x = new ArrayList<>(exps);
        b.add(partial);
        x.add(a.one);
        b.add(inner);
        x.add(a.one);
        return a.product(m.coef, b, x);
    }
}
