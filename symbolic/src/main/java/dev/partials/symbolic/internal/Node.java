package dev.partials.symbolic.internal;

import dev.partials.MathConstant;
import dev.partials.Rational;

/**
 * A node of the canonical form: hash-consed by its {@link Algebra}, so that two nodes of one algebra
 * are structurally equal exactly when they are the same object. Nodes use identity
 * {@code equals}/{@code hashCode} (from {@link Object}), which is structural equality here.
 *
 * <p>Shapes and invariants (established by the smart constructors of {@link Algebra}):
 * <ul>
 * <li>{@link Num}: an exact rational.</li>
 * <li>{@link Var}: variable {@code index} of the formula.</li>
 * <li>{@link Const}: π or e.</li>
 * <li>{@link Fn}: a function of one or two arguments.</li>
 * <li>{@link Add}: {@code constant + Σ coefficient_i · term_i}, n-ary, like terms collected; no term is
 *     a number, a product with a coefficient other than 1, or a sum (except a sum of more than
 *     {@link Algebra#FLATTEN_LIMIT} terms, kept grouped); terms sorted in the canonical (textbook)
 *     order; at least one term, and a non-zero constant if there is only one.</li>
 * <li>{@link Mul}: {@code coefficient · Π base_i ^ exponent_i}, n-ary, equal bases merged; no exponent
 *     is 0; a base is a product only under a non-integer exponent or when it has more than
 *     {@link Algebra#FLATTEN_LIMIT} factors (kept grouped); a number times a single sum is
 *     distributed into an {@link Add} instead (up to that size); factors sorted in the canonical order.</li>
 * </ul>
 */
abstract sealed class Node permits Node.Num, Node.Var, Node.Const, Node.Fn, Node.Add, Node.Mul {

    private static final Node[] NONE = new Node[0];

    /** Creation number within its algebra: a last-resort tie-break of the canonical order. */
    final int id;
    /** A structural fingerprint, independent of creation order. */
    final long print;
    /** The operands to traverse: arguments, terms, or bases then exponents. */
    final Node[] kids;
    /** Lazily computed ordering key of this node as the body of a term (see {@link Order}). */
    Order.Monomial monomial;

    Node(int id, long print, Node[] kids) {
        this.id = id;
        this.print = print;
        this.kids = kids;
    }

    /** An exact rational constant. */
    static final class Num extends Node {
        final Rational value;

        Num(int id, long print, Rational value) {
            super(id, print, NONE);
            this.value = value;
        }
    }

    /** Variable {@code index} of the formula, named {@code name}. */
    static final class Var extends Node {
        final int index;
        final String name;

        Var(int id, long print, int index, String name) {
            super(id, print, NONE);
            this.index = index;
            this.name = name;
        }
    }

    /** A symbolic constant: π or e. */
    static final class Const extends Node {
        final MathConstant constant;

        Const(int id, long print, MathConstant constant) {
            super(id, print, NONE);
            this.constant = constant;
        }
    }

    /** A function applied to its arguments. */
    static final class Fn extends Node {
        final Fun fun;
        final Node[] args;

        Fn(int id, long print, Fun fun, Node[] args) {
            super(id, print, args);
            this.fun = fun;
            this.args = args;
        }
    }

    /** {@code constant + Σ coefs[i]·terms[i]}. */
    static final class Add extends Node {
        final Rational constant;
        final Node[] terms;
        final Rational[] coefs;

        Add(int id, long print, Rational constant, Node[] terms, Rational[] coefs) {
            super(id, print, terms);
            this.constant = constant;
            this.terms = terms;
            this.coefs = coefs;
        }
    }

    /** {@code coef · Π bases[i]^exps[i]}. */
    static final class Mul extends Node {
        final Rational coef;
        final Node[] bases;
        final Node[] exps;

        Mul(int id, long print, Rational coef, Node[] bases, Node[] exps, Node[] kids) {
            super(id, print, kids);
            this.coef = coef;
            this.bases = bases;
            this.exps = exps;
        }
    }
}
