package dev.partials.conformance;

import dev.partials.Rational;
import java.util.ArrayList;
import java.util.List;

/**
 * A point whose coordinates are exact rationals that are also exactly {@code double}s: the point a
 * provider receives and the point the {@link ExactOracle} evaluates at are the same number, so the
 * oracle's answer is the exact derivative at the provider's input, with no error from converting the
 * point.
 *
 * <p>The constructor enforces this by rounding each coordinate to the nearest {@code double} and
 * keeping that double's exact value. Coordinates drawn as fractions {@code p/q} with {@code q} a power
 * of two (most draws of {@link Generators#points}) are doubles already; {@code 1/3} becomes
 * {@code 6004799503160661/18014398509481984}.
 *
 * @param coordinates one exact coordinate per variable
 * @since 0.1
 */
public record RationalPoint(List<Rational> coordinates) {

    /** Rounds each coordinate to the nearest double and keeps its exact value. */
    public RationalPoint {
        List<Rational> exact = new ArrayList<>(coordinates.size());
        for (Rational c : coordinates) {
            exact.add(Rational.ofDouble(c.doubleValue()));
        }
        coordinates = List.copyOf(exact);
    }

    /** The point with these coordinates. */
    public static RationalPoint of(double... coordinates) {
        List<Rational> c = new ArrayList<>(coordinates.length);
        for (double d : coordinates) {
            c.add(Rational.ofDouble(d));
        }
        return new RationalPoint(c);
    }

    /** The point with these coordinates, each rounded to the nearest double. */
    public static RationalPoint of(Rational... coordinates) {
        return new RationalPoint(List.of(coordinates));
    }

    /** The number of coordinates. */
    public int dimension() {
        return coordinates.size();
    }

    /** Coordinate {@code j}. */
    public Rational coordinate(int j) {
        return coordinates.get(j);
    }

    /** The coordinates as doubles (exactly: every coordinate is a double). */
    public double[] doubles() {
        double[] d = new double[coordinates.size()];
        for (int j = 0; j < d.length; j++) {
            d[j] = coordinates.get(j).doubleValue();
        }
        return d;
    }

    /** This point with coordinate {@code j} replaced. */
    public RationalPoint with(int j, Rational value) {
        List<Rational> c = new ArrayList<>(coordinates);
        c.set(j, value);
        return new RationalPoint(c);
    }

    /** This point without coordinate {@code j}. */
    public RationalPoint without(int j) {
        List<Rational> c = new ArrayList<>(coordinates);
        c.remove(j);
        return new RationalPoint(c);
    }

    /** {@code (0.5, 2.0)}: the coordinates as doubles. */
    @Override
    public String toString() {
        return Text.tuple(doubles());
    }
}
