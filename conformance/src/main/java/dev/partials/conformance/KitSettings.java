package dev.partials.conformance;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How many tries each property makes and from which seed: {@code -Dpartials.seed=N} (default
 * {@value #DEFAULT_SEED}) and {@code -Dpartials.tries=N} (default {@value #DEFAULT_TRIES}).
 *
 * <p>Try {@code i} draws its case from its own generator, seeded with {@link #seedOfTry(int)}; try 0
 * uses the seed itself. A failure reports the seed of its try, so
 * {@code -Dpartials.seed=<that seed> -Dpartials.tries=1} replays exactly the failing case (and shrinks
 * it again to the same minimal case).
 *
 * {@snippet :
 * KitSettings s = KitSettings.fromSystemProperties();
 * for (int i = 0; i < s.tries(); i++) {
 *     RandomGenerator random = s.randomForTry(i);
 *     // draw a case from random
 * }
 * }
 *
 * @param seed  the seed of try 0, from which every try's seed derives
 * @param tries how many cases each random property checks; at least 1
 * @since 0.1
 */
public record KitSettings(long seed, int tries) {

    /** The seed used when {@code partials.seed} is not set: the project's birthday. */
    public static final long DEFAULT_SEED = 20261126L;

    /** The number of tries used when {@code partials.tries} is not set. */
    public static final int DEFAULT_TRIES = 100;

    /** The system property that sets the seed. */
    public static final String SEED_PROPERTY = "partials.seed";

    /** The system property that sets the number of tries. */
    public static final String TRIES_PROPERTY = "partials.tries";

    /**
     * Checks {@code tries} is positive.
     *
     * @throws IllegalArgumentException if it is not
     */
    public KitSettings {
        if (tries < 1) {
            throw new IllegalArgumentException("partials.tries must be at least 1, got " + tries);
        }
    }

    /** The defaults: seed {@value #DEFAULT_SEED}, {@value #DEFAULT_TRIES} tries. */
    public static KitSettings defaults() {
        return new KitSettings(DEFAULT_SEED, DEFAULT_TRIES);
    }

    /**
     * The settings from the system properties {@code partials.seed} and {@code partials.tries}, each
     * falling back to its default when unset or blank.
     *
     * @throws IllegalArgumentException naming the property if a value is not an integer
     */
    public static KitSettings fromSystemProperties() {
        return new KitSettings(
                parse(SEED_PROPERTY, System.getProperty(SEED_PROPERTY), DEFAULT_SEED),
                (int) parse(TRIES_PROPERTY, System.getProperty(TRIES_PROPERTY), DEFAULT_TRIES));
    }

    private static long parse(String name, String value, long fallback) {
        if (value == null || value.isBlank() || value.startsWith("${")) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be an integer, got \"" + value + "\"", e);
        }
    }

    /** These settings with {@code tries} tries. */
    public KitSettings withTries(int tries) {
        return new KitSettings(seed, tries);
    }

    /** These settings with seed {@code seed}. */
    public KitSettings withSeed(long seed) {
        return new KitSettings(seed, tries);
    }

    /**
     * The seed of try {@code i}: the seed itself for try 0, a well-mixed function of the seed and
     * {@code i} (SplitMix64's finaliser) for the others.
     */
    public long seedOfTry(int i) {
        if (i == 0) {
            return seed;
        }
        long z = seed + i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A fresh generator for try {@code i}, seeded with {@link #seedOfTry(int)}. */
    public RandomGenerator randomForTry(int i) {
        return new SplittableRandom(seedOfTry(i));
    }

    /** A number of tries scaled down for expensive properties: {@code ceil(tries / divisor)}, at least 1. */
    public int scaledTries(int divisor) {
        return Math.max(1, (tries + divisor - 1) / divisor);
    }
}
