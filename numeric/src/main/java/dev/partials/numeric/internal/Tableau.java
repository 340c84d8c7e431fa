package dev.partials.numeric.internal;

/**
 * Ridders' extrapolation tableau for one quantity, fed one difference quotient per step of a
 * geometric sequence {@code h, h/c, h/c², …} (Numerical Recipes, {@code dfridr}; C. J. F. Ridders,
 * Adv. Eng. Software 4 (1982) 75–76).
 *
 * <p>Row i holds {@code A(i,0) = D(h/c^i)} and the extrapolations
 * {@code A(i,j) = A(i,j-1) + (A(i,j-1) - A(i-1,j-1)) / (c^(p_j) - 1)}, where {@code p_j = p + (j-1) q}
 * is the exponent of the error term that level j eliminates. The error of an entry is estimated as the
 * largest of its differences from its two parents (Ridders) and from the entry of the same level one
 * row up (a third witness, which makes agreement by chance of noisy quotients much rarer). Each row
 * keeps its entry of smallest error; a row's best must also agree with the next row's best; the value
 * kept is the row best with the smallest estimate relative to its value. Extrapolation stops when the
 * diagonal starts to move by more than {@link #SAFE} times the best estimate (rounding has taken
 * over).
 *
 * <p>Every estimate is floored by the rounding error of the entry: the rounding of the difference
 * quotient (ε/2 times the absolute sum of the stencil terms) times the worst-case amplification
 * {@code Π (c^(p_l) + 1)/(c^(p_l) - 1)} of the extrapolation, and at least the rounding bound carried
 * through the tableau — each row's own quotient rounding, propagated with the absolute weights of the
 * recurrence, plus ε times the parents' size for the recurrence's own arithmetic. The two agree when
 * the rounding of the quotients grows as the steps shrink (f of unit size: {@code ε|f|/h^k}); where f
 * vanishes to high order at the point, the quotients of the largest steps round the most and the
 * smaller steps' quotients agree far better than that, which only the propagated bound accounts for
 * (issue 8: {@code -4x^8 + x^7/5} at 0 gave {@code 7.9e-31} with an estimate of {@code 5.8e-32}).
 *
 * <p>Mutable; one per thread and quantity.
 */
final class Tableau {

    /** Numerical Recipes' SAFE: stop when the higher order is worse by this factor. */
    static final double SAFE = 2.0;

    /**
     * An estimate within this factor of the entry's rounding bound is at the rounding floor: smaller
     * steps cannot improve it.
     */
    static final double FLOOR = 100.0;

    private final double[] factorMinusOne;   // index j ≥ 1: c^(p_j) - 1
    private final double[] amplification;    // index j: Π_{l ≤ j} (c^(p_l) + 1)/(c^(p_l) - 1)
    private double[] prev;
    private double[] cur;
    private double[] prevRounding;           // the rounding bound of each entry of the previous row
    private double[] curRounding;
    private int rows;
    private double best;
    private double error;
    private double noise;
    private double score;
    private boolean stopped;
    private final double[] rowValue;   // per row: the entry with the smallest error, its error and rounding
    private final double[] rowError;
    private final double[] rowNoise;
    private double magnitude;          // the largest |raw quotient| of the current sequence
    private double d0;          // the latest raw quotients, newest first
    private double d1;
    private double d2;
    private double lastRoundoff;

    Tableau(int capacity) {
        factorMinusOne = new double[capacity];
        amplification = new double[capacity];
        prev = new double[capacity];
        cur = new double[capacity];
        prevRounding = new double[capacity];
        curRounding = new double[capacity];
        rowValue = new double[capacity];
        rowError = new double[capacity];
        rowNoise = new double[capacity];
    }

    /** Starts over for a sequence with ratio {@code c} and error exponents {@code p, p+q, p+2q, …}. */
    void reset(double ratio, int p, int q) {
        amplification[0] = 1;
        for (int j = 1; j < factorMinusOne.length; j++) {
            double fac = Math.pow(ratio, p + (j - 1) * q);
            factorMinusOne[j] = fac - 1;
            amplification[j] = amplification[j - 1] * (fac + 1) / (fac - 1);
        }
        restart();
        stopped = false;
    }

    private void restart() {
        rows = 0;
        best = Double.NaN;
        error = Double.POSITIVE_INFINITY;
        noise = Double.NaN;
        score = Double.POSITIVE_INFINITY;
        magnitude = 0;
        d0 = Double.NaN;
        d1 = Double.NaN;
        d2 = Double.NaN;
    }

    /**
     * Adds the difference quotient {@code d} of the next (smaller) step, with its rounding error
     * {@code roundoff}. A non-finite quotient ends the tableau if it already has an estimate, and
     * restarts it otherwise (the larger steps left the domain).
     */
    void add(double d, double roundoff) {
        if (stopped) {
            return;
        }
        if (!Double.isFinite(d)) {
            if (hasEstimate()) {
                stopped = true;
            } else {
                restart();
            }
            return;
        }
        cur[0] = d;
        curRounding[0] = roundoff;
        d2 = d1;
        d1 = d0;
        d0 = d;
        lastRoundoff = roundoff;
        magnitude = Math.max(magnitude, Math.abs(d));
        if (rows == 0) {
            best = d;
            noise = roundoff;
        }
        double rowBestError = Double.POSITIVE_INFINITY;
        for (int j = 1; j <= rows; j++) {
            cur[j] = cur[j - 1] + (cur[j - 1] - prev[j - 1]) / factorMinusOne[j];
            // A(i,j) = (c^p A(i,j-1) - A(i-1,j-1)) / (c^p - 1): its parents' rounding errors propagate
            // with the absolute values of these weights, and its own subtraction, division and addition
            // round by at most ε times its parents' size.
            curRounding[j] = ((factorMinusOne[j] + 1) * curRounding[j - 1] + prevRounding[j - 1]) / factorMinusOne[j]
                    + Steps.EPS * (Math.abs(cur[j - 1]) + Math.abs(prev[j - 1]));
            double e = Math.max(Math.abs(cur[j] - cur[j - 1]), Math.abs(cur[j] - prev[j - 1]));
            if (j < rows) {
                e = Math.max(e, Math.abs(cur[j] - prev[j]));
            }
            if (e <= rowBestError) {
                rowBestError = e;
                rowValue[rows] = cur[j];
                rowError[rows] = e;
                rowNoise[rows] = Math.max(roundoff * amplification[j], curRounding[j]);
            }
        }
        if (rows >= 1) {
            // Re-rank the rows' best entries on the current scale of the sequence. An entry must also
            // agree with the next row's best: two quotients can agree by chance (a polynomial whose
            // error terms cancel at two steps), and only the following steps contradict them.
            for (int i = 1; i <= rows; i++) {
                double e = rowError[i];
                if (i < rows) {
                    e = Math.max(e, Math.abs(rowValue[i] - rowValue[i + 1]));
                }
                double sc = relative(e, rowValue[i], rowNoise[i]);
                if (i == 1 || sc <= score) {
                    score = sc;
                    error = e;
                    best = rowValue[i];
                    noise = rowNoise[i];
                }
            }
        }
        if (rows >= 1 && Math.abs(cur[rows] - prev[rows - 1]) >= SAFE * error && converged()) {
            stopped = true;
        }
        double[] t = prev;
        prev = cur;
        cur = t;
        t = prevRounding;
        prevRounding = curRounding;
        curRounding = t;
        rows++;
    }

    /**
     * Adds the quotient of a step without extrapolating (one-step mode): the estimate of the latest
     * quotient is the change from the previous one divided by {@code c^p - 1} (Richardson's estimate
     * of the leading error term).
     */
    void addPlain(double d, double roundoff) {
        if (!Double.isFinite(d)) {
            best = d;
            error = Double.NaN;
            noise = Double.NaN;
            stopped = true;
            return;
        }
        if (rows == 0) {
            error = Double.POSITIVE_INFINITY;
        } else {
            error = Math.abs(d - prev[0]) / factorMinusOne[1];
        }
        best = d;
        noise = roundoff;
        prev[0] = d;
        d1 = d0;
        d0 = d;
        rows++;
    }

    /**
     * The error relative to the value: the criterion that picks the best entry (the smallest error
     * within each row, as in Ridders' method; then the row whose best is smallest relative to its
     * value). Ridders' original picks the smallest absolute error over the whole tableau, which prefers
     * an entry of a sequence that has not converged yet (steps larger than the distance to a
     * singularity give small, wrong quotients with small differences) over a converged entry of a
     * larger value. Values below 100 times their rounding error, or below √ε times the largest
     * quotient of the sequence, count as that size, so that a derivative that is 0 is still judged by
     * its absolute error.
     */
    private double relative(double error, double value, double roundoff) {
        if (error == 0) {
            return 0;
        }
        return error / Math.max(Math.abs(value), Math.max(100 * roundoff, Steps.SQRT_EPS * magnitude));
    }

    /** {@link #relative} of the best entry, with its floored error; +∞ without an estimate, NaN without a value. */
    double score() {
        if (Double.isNaN(best)) {
            return Double.NaN;
        }
        return relative(error(), best, noise);
    }

    /**
     * Whether the estimate is as good as this tableau can be expected to make it: small (half the
     * digits, or within 100 times rounding), and the raw quotients {@link #settled() settled}.
     */
    boolean converged() {
        return error <= Math.max(Steps.SQRT_EPS * Math.abs(best), 100 * noise) && settled();
    }

    /**
     * Whether the raw quotients behave as the error model says: their changes shrink from step to
     * step (by {@code c^-p} in the asymptotic range; 3/4 is accepted) or are within rounding. Steps
     * far larger than the scale on which f varies ({@code sin x} at {@code x = 1e8} with steps
     * relative to |x|) give quotients whose extrapolations can agree by chance; this test rejects
     * them.
     */
    boolean settled() {
        double change = Math.abs(d0 - d1);
        double floor = 100 * lastRoundoff;
        if (rows >= 3) {
            return change <= Math.max(0.75 * Math.abs(d1 - d2), floor);
        }
        return rows == 2 && change <= Math.max(Steps.SQRT_EPS * Math.abs(d0), floor);
    }

    /**
     * Whether the estimate of the best entry is within {@link #FLOOR} times its rounding bound, so
     * that further (smaller) steps cannot improve it.
     */
    boolean atRoundingFloor() {
        return error <= FLOOR * noise;
    }

    /** Whether any entry has an error estimate (at least two rows). */
    boolean hasEstimate() {
        return error < Double.POSITIVE_INFINITY;
    }

    /** Stops taking rows. */
    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    int rows() {
        return rows;
    }

    /** The best value: NaN when no step gave a finite quotient. */
    double value() {
        return best;
    }

    /**
     * The error estimate of {@link #value()}: the tableau's, floored by rounding; when the quotients
     * have not {@link #settled() settled} (noise, or steps too large for the function), at least the
     * latest change of the raw quotients and the distance to the latest one; +∞ with a single row,
     * NaN without a value.
     */
    double error() {
        if (Double.isNaN(best)) {
            return Double.NaN;
        }
        double e = Math.max(error, noise);
        if (rows >= 3 && !settled()) {
            e = Math.max(e, Math.max(Math.abs(d0 - best), Math.abs(d0 - d1)));
        }
        return e;
    }
}
