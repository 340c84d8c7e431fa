/**
 * The implementation of the {@code dual} provider (not exported): the compiled tape with per-chunk
 * sub-tapes, the Hessian plans, the Taylor table and the multivariate jets.
 *
 * <p>Null policy: no method of this package accepts or returns {@code null} unless its
 * documentation says so.
 */
package dev.partials.dual.internal;
