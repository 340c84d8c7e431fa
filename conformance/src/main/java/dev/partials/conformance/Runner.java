package dev.partials.conformance;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the properties of one contract: the tries of a random property with seeded generation and
 * shrinking, fixed cases, and the failure messages with their reproduction.
 */
final class Runner {

    /** How a case is shown in a failure message. */
    record View(String formula, List<String> variables, double[] point) {
        static View of(PolynomialCase c) {
            return new View(c.formula().text(), c.formula().variables(), c.point().doubles());
        }
    }

    /** A provider call that threw; carries the call for the failure message. */
    static final class ProviderThrew extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String call;

        ProviderThrew(String call, Throwable cause) {
            super(cause);
            this.call = call;
        }
    }

    final ProviderContract contract;
    final PartialDerivative provider;
    final Capabilities capabilities;
    final KitSettings settings;

    private Runner(ProviderContract contract) {
        this.contract = contract;
        this.provider = contract.provider();
        this.capabilities = provider.capabilities();
        this.settings = contract.settings();
    }

    static Runner of(ProviderContract contract) {
        return new Runner(contract);
    }

    boolean exact() {
        return capabilities.exact();
    }

    /** The highest order to test: the provider's maximum, capped at {@code cap}. */
    int maxOrder(int cap) {
        return Math.min(capabilities.maxOrder(), cap);
    }

    /** Whether the provider's Hessian can be asked for a formula in {@code n} variables. */
    boolean hessianSupported(int n) {
        return capabilities.maxOrder() >= 2 && (capabilities.mixedPartials() || n == 1);
    }

    Derivatives prepare(Formula f) {
        return call("provider.prepare(formula)", () -> provider.prepare(f));
    }

    /** Runs a provider call, turning anything it throws into a {@link ProviderThrew} naming the call. */
    static <T> T call(String call, Supplier<T> s) {
        try {
            return s.get();
        } catch (RuntimeException | StackOverflowError e) {
            throw new ProviderThrew(call, e);
        }
    }

    /** As {@link #call(String, Supplier)} for calls that return nothing. */
    static void run(String call, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | StackOverflowError e) {
            throw new ProviderThrew(call, e);
        }
    }

    /** The tolerance of a partial (see {@link Tolerances#partial}). */
    double tolerance(ExactOracle oracle, int output, dev.partials.MultiIndex index, double[] point,
                     ExactOracle.Answer answer) {
        return Tolerances.partial(contract, exact(), oracle, output, index, point, answer);
    }

    /** One aborted dynamic test saying why the property does not apply. */
    static Stream<DynamicTest> notApplicable(String reason) {
        return Stream.of(DynamicTest.dynamicTest("not applicable: " + reason, () -> Assumptions.abort(reason)));
    }

    /**
     * The dynamic test of a random property: {@code tries} cases, case {@code i} drawn with the seed
     * of try {@code i}; the first failing case is shrunk and reported.
     */
    <C> Stream<DynamicTest> random(String property, int tries, Generator<C> generator, Shrinker<C> shrinker,
                                   Function<C, View> view, Function<C, Optional<Failure>> check) {
        String name = tries + (tries == 1 ? " try" : " tries") + " from seed " + settings.seed();
        return Stream.of(DynamicTest.dynamicTest(name, () -> {
            for (int i = 0; i < tries; i++) {
                long seed = settings.seedOfTry(i);
                C c = generator.next(settings.randomForTry(i));
                Optional<Failure> f = guarded(check, c);
                if (f.isPresent()) {
                    Shrinker.Shrunk<C> s = shrinker.shrink(c, x -> guarded(check, x).isPresent(),
                            Shrinker.DEFAULT_MAX_ATTEMPTS);
                    Optional<Failure> g = guarded(check, s.value());
                    C shown = g.isPresent() ? s.value() : c;
                    Assertions.fail(message(property, i, tries, seed, view.apply(shown), g.orElse(f.get()),
                            view.apply(c), g.isPresent() ? s.steps() : 0));
                }
            }
        }));
    }

    /** Runs a check, turning an exception into a failure. */
    static <C> Optional<Failure> guarded(Function<C, Optional<Failure>> check, C c) {
        try {
            return check.apply(c);
        } catch (ProviderThrew e) {
            return Failure.threw("the provider answers without an exception", e.getCause(), e.call);
        } catch (RuntimeException | StackOverflowError e) {
            return Failure.threw("the check completes", e, "(during the check)");
        }
    }

    /** The message of a failing random property, with the shrunk case and its reproduction. */
    String message(String property, int tryIndex, int tries, long seed, View shown, Failure f, View original,
                   int steps) {
        StringBuilder sb = new StringBuilder();
        sb.append(property).append(" fails for provider \"").append(provider.id()).append("\" (try ")
                .append(tryIndex + 1).append(" of ").append(tries).append(", seed ").append(seed).append(")\n");
        appendCase(sb, shown, f);
        if (steps > 0) {
            sb.append("  shrunk:     in ").append(steps).append(" steps from ").append(original.formula())
                    .append(" at ").append(Text.tuple(original.point())).append('\n');
        } else {
            sb.append("  shrunk:     no simpler failing case found\n");
        }
        sb.append("  reproduce:  -D").append(KitSettings.SEED_PROPERTY).append('=').append(seed).append(" -D")
                .append(KitSettings.TRIES_PROPERTY).append("=1, e.g. ./mvnw verify -Dtest='")
                .append(contract.getClass().getSimpleName()).append('#').append(property).append("*' -D")
                .append(KitSettings.SEED_PROPERTY).append('=').append(seed).append(" -D")
                .append(KitSettings.TRIES_PROPERTY).append("=1\n");
        appendJava(sb, shown, f);
        return sb.toString();
    }

    /** The message of a failing fixed case. */
    String fixedMessage(String property, String caseName, View shown, Failure f) {
        StringBuilder sb = new StringBuilder();
        sb.append(property).append(" fails for provider \"").append(provider.id()).append("\": ")
                .append(caseName).append('\n');
        appendCase(sb, shown, f);
        appendJava(sb, shown, f);
        return sb.toString();
    }

    private static void appendCase(StringBuilder sb, View v, Failure f) {
        sb.append("  claim:      ").append(f.claim()).append('\n');
        sb.append("  formula:    ").append(v.formula()).append("    over (")
                .append(String.join(", ", v.variables())).append(")\n");
        sb.append("  point:      ").append(Text.tuple(v.point())).append('\n');
        sb.append("  expected:   ").append(f.expected()).append('\n');
        sb.append("  actual:     ").append(f.actual()).append('\n');
        if (!f.tolerance().isEmpty()) {
            sb.append("  tolerance:  ").append(f.tolerance()).append('\n');
        }
    }

    private void appendJava(StringBuilder sb, View v, Failure f) {
        sb.append("  java:       Derivatives d = PartialDerivative.of(\"").append(provider.id())
                .append("\").prepare(Formula.parse(\"").append(v.formula()).append("\", ")
                .append(Text.javaNames(v.variables())).append("));\n");
        sb.append("              ").append(f.call()).append(";\n");
    }

    /** {@code d.partial(0, MultiIndex.of(1, 0), new double[] {0.5, 2.0})}. */
    static String partialCall(int output, dev.partials.MultiIndex index, double[] point) {
        return "d.partial(" + output + ", " + Text.javaIndex(index) + ", " + Text.javaArray(point) + ")";
    }
}
