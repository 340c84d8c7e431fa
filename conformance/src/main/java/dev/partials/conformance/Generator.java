package dev.partials.conformance;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A seeded source of random test cases: plain Java over {@link RandomGenerator}, so that any
 * property-testing library can wrap it. The same generator given generators in the same state
 * yields equal values.
 *
 * {@snippet :
 * Generator<PolynomialFormula> formulas = Generators.polynomialFormulas(PolynomialSpec.standard());
 * PolynomialFormula f = formulas.next(new SplittableRandom(42));
 * }
 *
 * <p>Implementations MUST draw all their randomness from the generator they are given (no hidden
 * state), so a case is reproducible from its seed.
 *
 * @param <T> the type of the values
 * @since 0.1
 */
@FunctionalInterface
public interface Generator<T> {

    /** The next value, drawn from {@code random}. */
    T next(RandomGenerator random);

    /** A generator of {@code f} applied to this generator's values. */
    default <R> Generator<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f);
        return random -> f.apply(next(random));
    }

    /**
     * A generator of the values that satisfy {@code accept}, drawing at most {@code maxDraws} values
     * per call.
     *
     * @throws IllegalStateException from {@link #next} when no value is accepted in time
     */
    default Generator<T> filter(Predicate<? super T> accept, int maxDraws) {
        return random -> {
            for (int i = 0; i < maxDraws; i++) {
                T t = next(random);
                if (accept.test(t)) {
                    return t;
                }
            }
            throw new IllegalStateException("no acceptable value in " + maxDraws + " draws");
        };
    }

    /** The generator that always returns {@code value}. */
    static <T> Generator<T> constant(T value) {
        return random -> value;
    }

    /** A generator of one of {@code values}, uniformly. */
    static <T> Generator<T> oneOf(List<T> values) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one value");
        }
        return random -> copy.get(random.nextInt(copy.size()));
    }
}
