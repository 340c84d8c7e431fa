package dev.partials.conformance;

import java.util.Iterator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Simplifies a failing case: proposes simpler candidates and keeps any that still fails, until no
 * candidate helps or a budget of attempts is spent.
 *
 * <p>Only candidates strictly smaller by {@link #size} are tried, so shrinking always terminates. The
 * search is greedy: the first candidate (in the order {@link #candidates} proposes them, boldest
 * first) that still fails becomes the new case, and the search restarts from it.
 *
 * {@snippet :
 * Shrinker.Shrunk<PolynomialCase> s = Shrinker.polynomialCases()
 *         .shrink(failing, c -> check(c).isPresent(), 2_000);
 * PolynomialCase minimal = s.value();
 * }
 *
 * @param <T> the type of the cases
 * @since 0.1
 */
public interface Shrinker<T> {

    /** The default budget of attempts (predicate evaluations) per shrink. */
    int DEFAULT_MAX_ATTEMPTS = 2_000;

    /** Simpler variants of {@code value}, boldest first. Candidates not smaller by {@link #size} are skipped. */
    Stream<T> candidates(T value);

    /** A measure of complexity; each accepted step strictly lowers it. */
    long size(T value);

    /**
     * The result of shrinking.
     *
     * @param value    the smallest failing case found
     * @param steps    how many simplifications were kept
     * @param attempts how many candidates were tried
     * @param <T>      the type of the cases
     */
    record Shrunk<T>(T value, int steps, int attempts) {
    }

    /**
     * Shrinks {@code failing}, keeping every candidate for which {@code stillFails} is true, trying
     * at most {@code maxAttempts} candidates.
     */
    default Shrunk<T> shrink(T failing, Predicate<? super T> stillFails, int maxAttempts) {
        T current = failing;
        long currentSize = size(current);
        int steps = 0;
        int attempts = 0;
        boolean improved = true;
        while (improved && attempts < maxAttempts) {
            improved = false;
            Iterator<T> it = candidates(current).iterator();
            while (it.hasNext() && attempts < maxAttempts) {
                T candidate = it.next();
                long s = size(candidate);
                if (s >= currentSize) {
                    continue;
                }
                attempts++;
                if (stillFails.test(candidate)) {
                    current = candidate;
                    currentSize = s;
                    steps++;
                    improved = true;
                    break;
                }
            }
        }
        return new Shrunk<>(current, steps, attempts);
    }

    /**
     * The shrinker of another case type that contains a {@code T}: it shrinks the contained value and
     * rebuilds the case around each candidate.
     */
    default <U> Shrinker<U> on(Function<? super U, ? extends T> part, java.util.function.BiFunction<? super U, ? super T, ? extends U> rebuild) {
        Shrinker<T> self = this;
        return new Shrinker<>() {
            @Override
            public Stream<U> candidates(U value) {
                return self.candidates(part.apply(value)).map(t -> rebuild.apply(value, t));
            }

            @Override
            public long size(U value) {
                return self.size(part.apply(value));
            }
        };
    }

    /**
     * The shrinker of {@link PolynomialCase}s. In order, it tries to: drop an output, drop an unused
     * variable, drop a product of a sum, drop a factor of a product, lower a power's exponent (to 1,
     * or by one), drop a term of a base, lower an exponent of a term, replace a coefficient by 1 or
     * by its nearest integer, lower the multi-index, and round each coordinate of the point and the
     * direction to 0, 1, an integer or a half.
     */
    static Shrinker<PolynomialCase> polynomialCases() {
        return PolynomialCaseShrinker.INSTANCE;
    }

    /**
     * The shrinker of {@link ElementaryCase}s. In order, it tries to: drop an output other than the
     * one looked at; replace an operation (outermost first) by one of its operands, a power's
     * non-constant exponent by 2, an operation by a variable or by 1, and a constant by 1; drop an
     * unused variable; lower the multi-index; and round each coordinate to 0, an integer or a half.
     * Only candidates that are still {@linkplain ElementaryCase#valid() valid} (every operation inside
     * its domain with margin at the point) are proposed.
     */
    static Shrinker<ElementaryCase> elementaryCases() {
        return ElementaryExpressions.SHRINKER;
    }
}
