package dev.partials.conformance;

import dev.partials.MultiIndex;
import dev.partials.Rational;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The shrinker of {@link PolynomialCase}s; see {@link Shrinker#polynomialCases()}. */
final class PolynomialCaseShrinker implements Shrinker<PolynomialCase> {

    static final PolynomialCaseShrinker INSTANCE = new PolynomialCaseShrinker();

    private PolynomialCaseShrinker() {
    }

    @Override
    public Stream<PolynomialCase> candidates(PolynomialCase c) {
        List<Supplier<PolynomialCase>> out = new ArrayList<>();
        PolynomialFormula f = c.formula();
        int n = f.dimension();
        int m = f.outputCount();
        for (int k = 0; k < m && m > 1; k++) {
            int drop = k;
            int output = c.output() == k ? 0 : (c.output() > k ? c.output() - 1 : c.output());
            out.add(() -> new PolynomialCase(f.withoutOutput(drop), c.point(), output, c.index(), c.direction()));
        }
        for (int j = 0; j < n && n > 1; j++) {
            int v = j;
            if (!f.uses(j) && c.index().count(j) == 0) {
                out.add(() -> new PolynomialCase(f.withoutVariable(v), c.point().without(v), c.output(),
                        withoutCount(c.index(), v), c.direction().without(v)));
            }
        }
        for (int k = 0; k < m; k++) {
            int output = k;
            for (Supplier<PolynomialFormula.Sum> s : sumCandidates(f.outputs().get(k))) {
                out.add(() -> new PolynomialCase(f.withOutput(output, s.get()), c.point(), c.output(), c.index(),
                        c.direction()));
            }
        }
        for (int j = 0; j < n; j++) {
            if (c.index().count(j) > 0) {
                int[] counts = c.index().counts();
                counts[j]--;
                out.add(() -> new PolynomialCase(f, c.point(), c.output(), MultiIndex.of(counts), c.direction()));
            }
        }
        for (int j = 0; j < n; j++) {
            int v = j;
            for (Rational r : simpler(c.point().coordinate(j))) {
                out.add(() -> new PolynomialCase(f, c.point().with(v, r), c.output(), c.index(), c.direction()));
            }
        }
        for (int j = 0; j < n; j++) {
            int v = j;
            for (Rational r : simpler(c.direction().coordinate(j))) {
                out.add(() -> new PolynomialCase(f, c.point(), c.output(), c.index(), c.direction().with(v, r)));
            }
        }
        return out.stream().map(PolynomialCaseShrinker::build).filter(Objects::nonNull);
    }

    private static PolynomialCase build(Supplier<PolynomialCase> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            return null; // an edit that makes no valid case (a base that cancels to zero)
        }
    }

    private static List<Supplier<PolynomialFormula.Sum>> sumCandidates(PolynomialFormula.Sum sum) {
        List<Supplier<PolynomialFormula.Sum>> out = new ArrayList<>();
        List<PolynomialFormula.Product> ps = sum.products();
        for (int i = 0; i < ps.size() && ps.size() > 1; i++) {
            int drop = i;
            out.add(() -> {
                List<PolynomialFormula.Product> l = new ArrayList<>(ps);
                l.remove(drop);
                return new PolynomialFormula.Sum(l);
            });
        }
        for (int i = 0; i < ps.size(); i++) {
            int at = i;
            for (Supplier<PolynomialFormula.Product> p : productCandidates(ps.get(i))) {
                out.add(() -> {
                    List<PolynomialFormula.Product> l = new ArrayList<>(ps);
                    l.set(at, p.get());
                    return new PolynomialFormula.Sum(l);
                });
            }
        }
        return out;
    }

    private static List<Supplier<PolynomialFormula.Product>> productCandidates(PolynomialFormula.Product p) {
        List<Supplier<PolynomialFormula.Product>> out = new ArrayList<>();
        List<PolynomialFormula.Power> ws = p.factors();
        for (int i = 0; i < ws.size(); i++) {
            int drop = i;
            out.add(() -> {
                List<PolynomialFormula.Power> l = new ArrayList<>(ws);
                l.remove(drop);
                return new PolynomialFormula.Product(p.coefficient(), l);
            });
        }
        for (int i = 0; i < ws.size(); i++) {
            int at = i;
            PolynomialFormula.Power w = ws.get(i);
            List<Integer> exponents = new ArrayList<>();
            if (w.exponent() > 1) {
                exponents.add(1);
            }
            if (w.exponent() > 2) {
                exponents.add(w.exponent() - 1);
            }
            for (int e : exponents) {
                out.add(() -> replace(p, at, new PolynomialFormula.Power(w.base(), e)));
            }
            for (Supplier<Polynomial> b : baseCandidates(w.base())) {
                out.add(() -> replace(p, at, new PolynomialFormula.Power(b.get(), w.exponent())));
            }
        }
        for (Rational c : simplerCoefficients(p.coefficient())) {
            out.add(() -> new PolynomialFormula.Product(c, ws));
        }
        return out;
    }

    private static PolynomialFormula.Product replace(PolynomialFormula.Product p, int at, PolynomialFormula.Power w) {
        List<PolynomialFormula.Power> l = new ArrayList<>(p.factors());
        l.set(at, w);
        return new PolynomialFormula.Product(p.coefficient(), l);
    }

    private static List<Supplier<Polynomial>> baseCandidates(Polynomial base) {
        List<Supplier<Polynomial>> out = new ArrayList<>();
        List<Map.Entry<int[], Rational>> terms = base.entries();
        int n = base.dimension();
        for (int t = 0; t < terms.size() && terms.size() > 1; t++) {
            int drop = t;
            out.add(() -> {
                Polynomial p = Polynomial.zero(n);
                for (int i = 0; i < terms.size(); i++) {
                    if (i != drop) {
                        p = p.plus(Polynomial.monomial(n, terms.get(i).getValue(), terms.get(i).getKey()));
                    }
                }
                return p;
            });
        }
        for (int t = 0; t < terms.size(); t++) {
            int at = t;
            int[] e = terms.get(t).getKey();
            for (int j = 0; j < n; j++) {
                if (e[j] > 0) {
                    int[] lower = e.clone();
                    lower[j]--;
                    out.add(() -> replaceTerm(base, terms.get(at), terms.get(at).getValue(), lower));
                }
            }
            for (Rational c : simplerCoefficients(terms.get(t).getValue())) {
                out.add(() -> replaceTerm(base, terms.get(at), c, terms.get(at).getKey()));
            }
        }
        return out;
    }

    private static Polynomial replaceTerm(Polynomial base, Map.Entry<int[], Rational> old, Rational c, int[] exps) {
        int n = base.dimension();
        Polynomial p = base.minus(Polynomial.monomial(n, old.getValue(), old.getKey()))
                .plus(Polynomial.monomial(n, c, exps));
        if (p.isZero()) {
            throw new IllegalArgumentException("the base cancels");
        }
        return p;
    }

    /** 1, the sign, the nearest integer and the numerator, as far as they differ from {@code c}. */
    private static List<Rational> simplerCoefficients(Rational c) {
        List<Rational> out = new ArrayList<>();
        out.add(Rational.ONE);
        out.add(Rational.of(c.signum()));
        if (!c.isInteger()) {
            Rational r = nearestInteger(c);
            if (r.signum() != 0) {
                out.add(r);
            }
            out.add(Rational.of(c.numerator()));
        }
        out.removeIf(r -> r.equals(c));
        return out.stream().distinct().toList();
    }

    /** 0, 1 or -1, the nearest integer, the absolute value and the nearest half, as far as they differ from {@code x}. */
    private static List<Rational> simpler(Rational x) {
        List<Rational> out = new ArrayList<>();
        out.add(Rational.ZERO);
        out.add(x.signum() < 0 ? Rational.MINUS_ONE : Rational.ONE);
        out.add(nearestInteger(x));
        out.add(x.abs());
        out.add(nearestInteger(x.multiply(Rational.TWO)).divide(Rational.TWO));
        out.removeIf(r -> r.equals(x));
        return out.stream().distinct().toList();
    }

    private static Rational nearestInteger(Rational r) {
        return Rational.of(new java.math.BigDecimal(r.numerator())
                .divide(new java.math.BigDecimal(r.denominator()), 0, RoundingMode.HALF_EVEN).toBigIntegerExact());
    }

    private static MultiIndex withoutCount(MultiIndex index, int j) {
        int[] c = index.counts();
        int[] d = new int[c.length - 1];
        for (int i = 0, k = 0; i < c.length; i++) {
            if (i != j) {
                d[k++] = c[i];
            }
        }
        return MultiIndex.of(d);
    }

    @Override
    public long size(PolynomialCase c) {
        PolynomialFormula f = c.formula();
        long s = 100_000L * (f.dimension() - 1) + 100_000L * (f.outputCount() - 1);
        for (PolynomialFormula.Sum sum : f.outputs()) {
            for (PolynomialFormula.Product p : sum.products()) {
                s += 10_000 + coefficientSize(p.coefficient());
                for (PolynomialFormula.Power w : p.factors()) {
                    s += 1_000 + 200L * (w.exponent() - 1);
                    for (Map.Entry<int[], Rational> t : w.base().entries()) {
                        int degree = 0;
                        for (int e : t.getKey()) {
                            degree += e;
                        }
                        s += 500 + 50L * degree + coefficientSize(t.getValue());
                    }
                }
            }
        }
        s += 20L * c.index().order();
        for (Rational x : c.point().coordinates()) {
            s += coordinateSize(x);
        }
        for (Rational x : c.direction().coordinates()) {
            s += coordinateSize(x);
        }
        return s + c.output();
    }

    /** 0 for 1, 1 for -1, else the bits of numerator and denominator plus sign and fraction marks. */
    private static long coefficientSize(Rational c) {
        if (c.equals(Rational.ONE)) {
            return 0;
        }
        if (c.equals(Rational.MINUS_ONE)) {
            return 1;
        }
        return 1 + bits(c.numerator()) + bits(c.denominator()) + (c.signum() < 0 ? 1 : 0);
    }

    private static long coordinateSize(Rational x) {
        if (x.signum() == 0) {
            return 0;
        }
        return bits(x.numerator()) + bits(x.denominator()) + (x.signum() < 0 ? 1 : 0);
    }

    private static long bits(BigInteger b) {
        return b.abs().bitLength();
    }
}
