package dev.partials.symbolic.internal;

import dev.partials.PartialsException;
import dev.partials.PartialsException.Kind;
import dev.partials.Rational;
import dev.partials.symbolic.internal.Node.Add;
import dev.partials.symbolic.internal.Node.Fn;
import dev.partials.symbolic.internal.Node.Mul;
import dev.partials.symbolic.internal.Node.Num;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Multiplies out products of sums and positive integer powers of sums, inside function arguments
 * too, within a limit on the number of terms that is checked before the work is done.
 */
final class Expand {

    private final Algebra a;
    private final int maxTerms;
    private final IdentityHashMap<Node, Node> memo = new IdentityHashMap<>();

    Expand(Algebra a, int maxTerms) {
        this.a = a;
        this.maxTerms = maxTerms;
    }

    /** {@code root} expanded. */
    Node expand(Node root) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (memo.containsKey(n)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (Node k : n.kids) {
                if (!memo.containsKey(k)) {
                    stack.push(k);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                memo.put(n, rebuild(n));
            }
        }
        return memo.get(root);
    }

    private Node rebuild(Node n) {
        return switch (n) {
            case Fn f -> {
                Node[] args = new Node[f.args.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = memo.get(f.args[i]);
                }
                yield a.fn(f.fun, args);
            }
            case Add s -> {
                Algebra.Sum sum = a.sum().plus(Rational.ONE, a.num(s.constant));
                for (int i = 0; i < s.terms.length; i++) {
                    sum.plus(s.coefs[i], memo.get(s.terms[i]));
                }
                yield check(sum.build());
            }
            case Mul m -> {
                Node acc = a.num(m.coef);
                for (int i = 0; i < m.bases.length; i++) {
                    Node b = memo.get(m.bases[i]);
                    Node x = memo.get(m.exps[i]);
                    Node f = b instanceof Add s && x instanceof Num k && k.value.isInteger() && k.value.signum() > 0
                            ? power(s, k.value.numerator())
                            : a.pow(b, x);
                    acc = times(acc, f, true);
                }
                yield acc;
            }
            default -> n;
        };
    }

    /** The terms of {@code n} as a sum: coefficient and body (null body for the constant). */
    private record Term(Rational coef, Node body) {
    }

    private List<Term> terms(Node n) {
        List<Term> out = new ArrayList<>();
        if (n instanceof Add s) {
            for (int i = 0; i < s.terms.length; i++) {
                out.add(new Term(s.coefs[i], s.terms[i]));
            }
            if (s.constant.signum() != 0) {
                out.add(new Term(s.constant, null));
            }
        } else {
            out.add(new Term(Rational.ONE, n));
        }
        return out;
    }

    private Node times(Node p, Node q, boolean check) {
        if (!(p instanceof Add) && !(q instanceof Add)) {
            return a.multiply(p, q);
        }
        List<Term> x = terms(p);
        List<Term> y = terms(q);
        long pairs = (long) x.size() * y.size();
        if (check && pairs > maxTerms) {
            throw tooLarge(BigInteger.valueOf(pairs));
        }
        Algebra.Sum sum = a.sum();
        for (Term s : x) {
            for (Term t : y) {
                Node body = s.body == null ? (t.body == null ? a.one : t.body)
                        : t.body == null ? s.body : a.multiply(s.body, t.body);
                sum.plus(s.coef.multiply(t.coef), body);
            }
        }
        return check(sum.build());
    }

    /** {@code s^k}, refused when its multinomial term count C(k + t - 1, t - 1) exceeds the limit. */
    private Node power(Add s, BigInteger k) {
        int t = terms(s).size();
        BigInteger count = BigInteger.ONE;
        // C(k + t - 1, t - 1), stopping as soon as it exceeds the limit
        BigInteger limit = BigInteger.valueOf(maxTerms);
        for (int i = 1; i < t && count.compareTo(limit) <= 0; i++) {
            count = count.multiply(k.add(BigInteger.valueOf(i))).divide(BigInteger.valueOf(i));
        }
        if (count.compareTo(limit) > 0) {
            throw tooLarge(count);
        }
        Node r = s;
        for (BigInteger i = BigInteger.ONE; i.compareTo(k) < 0; i = i.add(BigInteger.ONE)) {
            r = times(r, s, false);
        }
        return r;
    }

    private Node check(Node n) {
        if (n instanceof Add s && s.terms.length + (s.constant.signum() != 0 ? 1 : 0) > maxTerms) {
            throw tooLarge(BigInteger.valueOf(s.terms.length));
        }
        return n;
    }

    private PartialsException tooLarge(BigInteger terms) {
        return PartialsException.builder(Kind.RESULT_TOO_LARGE,
                "expanding needs " + (terms.bitLength() > 40 ? "more than 2^40" : terms.toString())
                        + " terms; the limit is " + maxTerms + " (pass a larger maxTerms, or keep the factored form)")
                .order(maxTerms).build();
    }
}
