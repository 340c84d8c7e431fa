package dev.partials.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.MathConstant;
import dev.partials.MultiIndex;
import dev.partials.Op;
import dev.partials.Unary;
import dev.partials.Variable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The generator of nested elementary expressions ({@link Generators#elementaryCases}), its shrinker,
 * and the kit's Taylor jets that give the cross-validation its tolerances.
 */
class ElementaryExpressionsTests {

    private static final KitSettings SEEDS = KitSettings.defaults().withTries(3000);
    private static final Generator<ElementaryCase> STANDARD = Generators.elementaryCases(ElementarySpec.standard());

    private static List<ElementaryCase> draw(Generator<ElementaryCase> g, int count) {
        List<ElementaryCase> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(g.next(SEEDS.randomForTry(i)));
        }
        return out;
    }

    /**
     * The value of {@code e} at {@code x} by {@link Op}'s functions, checking the domain condition of
     * every operation on the way, written out again here: a broken condition in the generator fails.
     */
    private static double checkedValue(Expression e, List<String> names, double[] x, List<String> violations) {
        return switch (e) {
            case Constant c -> c.value().doubleValue();
            case MathConstant m -> m.doubleValue();
            case Variable v -> x[names.indexOf(v.name())];
            case Unary u -> {
                double a = checkedValue(u.operand(), names, x, violations);
                boolean ok = switch (u.op()) {
                    case LOG, SQRT -> a >= 0.25;
                    case ASIN, ACOS -> Math.abs(a) <= 0.8;
                    case TAN -> Math.abs(Math.cos(a)) >= 0.3;
                    case ABS, RELU -> Math.abs(a) >= 0.25;
                    case EXP, SINH, COSH -> Math.abs(a) <= 4;
                    default -> Math.abs(a) <= 100;
                };
                if (!ok) {
                    violations.add(u.op() + " at " + a);
                }
                yield u.op().apply(a);
            }
            case Binary b -> {
                double a = checkedValue(b.left(), names, x, violations);
                double c = checkedValue(b.right(), names, x, violations);
                boolean integerExponent = b.right() instanceof Constant k && k.value().isInteger();
                boolean ok = switch (b.op()) {
                    case DIVIDE -> Math.abs(c) >= 0.25;
                    case MIN, MAX -> Math.abs(a - c) >= 0.25;
                    case POWER -> integerExponent ? (c >= 0 || Math.abs(a) >= 0.25) : a >= 0.25;
                    case ATAN2 -> Math.hypot(a, c) >= 0.25 && (c >= 0.25 || Math.abs(a) >= 0.25);
                    default -> true;
                };
                if (!ok) {
                    violations.add(b.op() + " at (" + a + ", " + c + ")");
                }
                yield b.op().apply(a, c);
            }
        };
    }

    @Test
    void domainConditionsHoldWithMarginAtEveryNodeForThousandsOfSeeds() {
        for (ElementaryCase c : draw(STANDARD, SEEDS.tries())) {
            assertTrue(c.valid(), c.toString());
            List<Jet> jets = ElementaryExpressions.jets(c);
            for (int k = 0; k < c.outputs().size(); k++) {
                List<String> violations = new ArrayList<>();
                double v = checkedValue(c.outputs().get(k), c.variables(), c.point(), violations);
                assertEquals(List.of(), violations, c.toString());
                assertTrue(Double.isFinite(v) && Math.abs(v) <= 100, c.toString());
                // the kit's jet evaluates the same value as Op's functions, within its own error bound
                Jet jet = jets.get(k);
                double bound = CrossValidation.EXPRESSION_SLACK * Tolerances.U * jet.errorBound(MultiIndex.zero(c.dimension()));
                assertEquals(v, jet.value(), bound, c.toString());
                assertTrue(jets.get(k).maxMagnitude() <= ElementaryExpressions.MAX_PARTIAL, c.toString());
            }
        }
    }

    @Test
    void everyOperationOfTheLanguageAppears() {
        Set<Op> seen = EnumSet.noneOf(Op.class);
        for (ElementaryCase c : draw(STANDARD, 500)) {
            for (Expression e : c.outputs()) {
                seen.addAll(ElementaryExpressions.operations(e));
            }
        }
        assertEquals(EnumSet.allOf(Op.class), seen);
    }

    @Test
    void depthReachesTheSpecsMaximumAndNeverExceedsIt() {
        int[] depths = new int[ElementarySpec.MAX_DEPTH + 1];
        for (ElementaryCase c : draw(STANDARD, 1000)) {
            depths[c.depth()]++;
        }
        for (int d = 1; d <= 6; d++) {
            assertTrue(depths[d] >= 50, "depth " + d + " drawn " + depths[d] + " times in 1000");
        }
        for (int d = 7; d < depths.length; d++) {
            assertEquals(0, depths[d]);
        }
        for (ElementaryCase c : draw(Generators.elementaryCases(ElementarySpec.standard().withMaxDepth(2)), 300)) {
            assertTrue(c.depth() <= 2, c.toString());
        }
        int deepest = draw(Generators.elementaryCases(ElementarySpec.standard().withMaxDepth(9)), 300).stream()
                .mapToInt(ElementaryCase::depth).max().orElseThrow();
        assertEquals(9, deepest);
    }

    @Test
    void variablesOutputsAndIndicesRespectTheSpec() {
        Set<Integer> dimensions = new java.util.HashSet<>();
        Set<Integer> outputs = new java.util.HashSet<>();
        for (ElementaryCase c : draw(STANDARD, 1000)) {
            dimensions.add(c.dimension());
            outputs.add(c.outputs().size());
            assertTrue(c.index().order() >= 1 && c.index().order() <= 4, c.toString());
            assertTrue(c.output() < c.outputs().size());
            c.formula(); // the formula API accepts it
        }
        assertEquals(Set.of(1, 2, 3, 4), dimensions);
        assertEquals(Set.of(1, 2, 3), outputs);
    }

    @Test
    void isDeterministicFromTheSeed() {
        for (int i = 0; i < 50; i++) {
            ElementaryCase a = STANDARD.next(SEEDS.randomForTry(i));
            ElementaryCase b = STANDARD.next(SEEDS.randomForTry(i));
            assertEquals(a, b);
            assertEquals(a.toString(), b.toString());
        }
        assertNotEquals(STANDARD.next(SEEDS.randomForTry(1)), STANDARD.next(SEEDS.randomForTry(2)));
    }

    @Test
    void shrinkCandidatesAreSmallerAndStillValid() {
        Shrinker<ElementaryCase> s = Shrinker.elementaryCases();
        for (ElementaryCase c : draw(STANDARD, 150)) {
            long size = s.size(c);
            s.candidates(c).limit(200).forEach(x -> {
                assertTrue(x.valid(), x.toString());
                if (s.size(x) < size) {
                    assertTrue(x.depth() <= c.depth(), x + " from " + c);
                }
            });
        }
    }

    @Test
    void shrinksAFailingDivisionToASmallDivision() {
        Predicate<ElementaryCase> divides = c -> c.outputs().stream()
                .anyMatch(e -> ElementaryExpressions.operations(e).contains(Op.DIVIDE));
        int shrunk = 0;
        for (ElementaryCase c : draw(STANDARD, 400)) {
            if (!divides.test(c) || ElementaryExpressions.size(c.outputs().getFirst()) < 6) {
                continue;
            }
            Shrinker.Shrunk<ElementaryCase> r = Shrinker.elementaryCases().shrink(c, divides, Shrinker.DEFAULT_MAX_ATTEMPTS);
            ElementaryCase m = r.value();
            assertTrue(m.valid(), m.toString());
            assertTrue(divides.test(m), m.toString());
            // a/b is three nodes; another output may remain when it is the one the case looks at (one leaf)
            int nodes = m.outputs().stream().mapToInt(ElementaryExpressions::size).sum();
            assertTrue(nodes == 3 || (nodes == 4 && m.outputs().size() == 2), "shrunk to a/b: " + m);
            assertTrue(r.steps() > 0);
            shrunk++;
        }
        assertTrue(shrunk >= 20, "only " + shrunk + " cases shrunk");
    }

    @Test
    void jetsMatchTheReferenceProviderWithinTheirErrorBounds() {
        ReferenceProvider reference = ReferenceProvider.correct();
        int compared = 0;
        for (ElementaryCase c : draw(STANDARD, 300)) {
            // the reference's higher-order rule for min and max mixes both branches, (da + dc)/2 ∓ (da - dc)·sign/2,
            // which rounds to a few u of the other branch: compare its first order only there
            boolean branches = c.outputs().stream().anyMatch(e -> ElementaryExpressions.operations(e).stream()
                    .anyMatch(o -> o == Op.MIN || o == Op.MAX));
            List<Jet> jets = ElementaryExpressions.jets(c);
            Derivatives d = reference.prepare(c.formula());
            double[] x = c.point();
            int n = x.length;
            List<MultiIndex> indices = new ArrayList<>(List.of(MultiIndex.zero(n), c.index()));
            for (int j = 0; j < n; j++) {
                indices.add(MultiIndex.unit(n, j));
                indices.add(MultiIndex.pair(n, j, n - 1 - j));
            }
            for (MultiIndex index : indices) {
                if (branches && index.order() > 1) {
                    continue;
                }
                Jet jet = jets.get(c.output());
                double expected = d.partial(c.output(), index, x);
                double tolerance = CrossValidation.EXPRESSION_SLACK * Tolerances.U * jet.errorBound(index);
                assertEquals(expected, jet.partial(index), tolerance, c + ", partial " + index);
                compared++;
            }
        }
        assertTrue(compared > 1000);
    }

    @Test
    void aJetOfAProductOfFunctionsHasTheClosedFormPartials() {
        // f = sin(x)·exp(y) at (0.5, -0.25): ∂x = cos·e, ∂y = sin·e, ∂x∂y = cos·e, ∂x² = -sin·e, ∂x³∂y = -cos·e
        Expression f = new Binary(Op.MULTIPLY, new Unary(Op.SIN, new Variable("x")), new Unary(Op.EXP, new Variable("y")));
        Jet j = Jet.of(f, List.of("x", "y"), new double[] {0.5, -0.25}, 4);
        double s = Math.sin(0.5);
        double c = Math.cos(0.5);
        double e = Math.exp(-0.25);
        double ulps = 8 * Math.ulp(1.0); // a product of two library results, each within 1 ulp, and a factorial
        assertEquals(s * e, j.value(), ulps);
        assertEquals(c * e, j.partial(MultiIndex.of(1, 0)), ulps);
        assertEquals(s * e, j.partial(MultiIndex.of(0, 1)), ulps);
        assertEquals(c * e, j.partial(MultiIndex.of(1, 1)), ulps);
        assertEquals(-s * e, j.partial(MultiIndex.of(2, 0)), ulps);
        assertEquals(-c * e, j.partial(MultiIndex.of(3, 1)), ulps);
        assertTrue(j.errorBound(MultiIndex.of(3, 1)) > 0);
        assertFalse(j.magnitude(MultiIndex.of(2, 0)) < Math.abs(j.partial(MultiIndex.of(2, 0))));
    }

    @Test
    void theMagnitudeOfADifferenceIsTheSumOfMagnitudes() {
        // (x - y) at (100, 99.875): the value is 1/8, its magnitude 199.875, and its error bound at least that
        Expression f = new Binary(Op.SUBTRACT, new Variable("x"), new Variable("y"));
        Jet j = Jet.of(f, List.of("x", "y"), new double[] {100, 99.875}, 2);
        assertEquals(0.125, j.value());
        assertEquals(199.875, j.magnitude(MultiIndex.of(0, 0)));
        assertTrue(j.errorBound(MultiIndex.of(0, 0)) >= 199.875);
        assertEquals(-1, j.partial(MultiIndex.of(0, 1)));
    }
}
