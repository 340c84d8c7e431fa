package dev.partials.conformance;

import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * Runs the properties of the {@link ProviderContract} on a provider programmatically, without a JUnit
 * engine: for tools ({@code partials verify}), for a provider's own checks at start-up, or for a
 * report in a build step. It runs exactly the properties that the contract's {@code @TestFactory}
 * methods run, with the same generators, shrinking and messages.
 *
 * {@snippet class=dev.partials.conformance.ContractRunnerExample region=run}
 *
 * <p>Each property ends in one {@link Status}: {@code PASSED} when every check held;
 * {@code FAILED} when a check did not (its message carries the shrunk counterexample, the seed of its
 * try and the line that replays it); {@code SKIPPED} when it does not apply to the provider's
 * capabilities (the message says why); {@code ERROR} when the property itself could not run. The
 * run is deterministic from {@link KitSettings#seed()}.
 *
 * @since 0.1
 */
public final class ContractRunner {

    private ContractRunner() {
    }

    /** How a property ended. */
    public enum Status {
        /** Every check held. */
        PASSED,
        /** A check did not hold; the messages show the shrunk counterexample. */
        FAILED,
        /** The property does not apply to the provider's capabilities; the messages say why. */
        SKIPPED,
        /** The property could not run (it threw something other than a failed check). */
        ERROR
    }

    /**
     * The outcome of one property on one provider.
     *
     * @param provider the provider's id
     * @param property the property's name, as the contract's method ({@code partialsMatchExactOracle})
     * @param status   how it ended
     * @param nanos    how long it ran
     * @param messages for {@code FAILED} and {@code ERROR}, the failure messages (each with the shrunk
     *                 counterexample and its replay line); for {@code SKIPPED}, the reasons; else empty
     */
    public record Outcome(String provider, String property, Status status, long nanos, List<String> messages) {
        /** Copies the messages. */
        public Outcome {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(property);
            Objects.requireNonNull(status);
            messages = List.copyOf(messages);
        }
    }

    /**
     * The outcomes of a run of the contract on one provider.
     *
     * @param provider the provider's id
     * @param settings the seed and tries of the run
     * @param outcomes one per property run, in the order they ran
     */
    public record Report(String provider, KitSettings settings, List<Outcome> outcomes) {
        /** Copies the outcomes. */
        public Report {
            outcomes = List.copyOf(outcomes);
        }

        /** Whether no property failed or erred (skipped ones do not count against it). */
        public boolean passed() {
            return outcomes.stream().noneMatch(o -> o.status() == Status.FAILED || o.status() == Status.ERROR);
        }

        /** The outcomes with {@code status}. */
        public List<Outcome> withStatus(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).toList();
        }

        /** The outcome of property {@code name}, if it was run. */
        public java.util.Optional<Outcome> outcome(String name) {
            return outcomes.stream().filter(o -> o.property().equals(name)).findFirst();
        }

        /** A table of the properties and their status, with the message of every failure and skip. */
        public String text() {
            int w = outcomes.stream().mapToInt(o -> o.property().length()).max().orElse(8);
            StringBuilder sb = new StringBuilder();
            sb.append("contract of \"").append(provider).append("\": seed ").append(settings.seed()).append(", ")
                    .append(settings.tries()).append(" tries per random property\n");
            for (Outcome o : outcomes) {
                sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %s%n", o.property(), o.status()));
                for (String m : o.messages()) {
                    sb.append("      ").append(m.strip().replace("\n", "\n      ")).append('\n');
                }
            }
            sb.append(String.format(Locale.ROOT, "%d passed, %d failed, %d skipped, %d errors%n",
                    withStatus(Status.PASSED).size(), withStatus(Status.FAILED).size(),
                    withStatus(Status.SKIPPED).size(), withStatus(Status.ERROR).size()));
            return sb.toString();
        }
    }

    /** One property: its name and the contract method that makes its dynamic tests. */
    private record Property(String name, Function<ProviderContract, Stream<DynamicTest>> tests) {
    }

    /** Every property of {@link ProviderContract}, sorted by name. */
    private static final List<Property> PROPERTIES = Stream.of(
            new Property("valuesMatchExactOracle", ProviderContract::valuesMatchExactOracle),
            new Property("partialsMatchExactOracle", ProviderContract::partialsMatchExactOracle),
            new Property("gradientMatchesExactOracle", ProviderContract::gradientMatchesExactOracle),
            new Property("gradientMatchesPartials", ProviderContract::gradientMatchesPartials),
            new Property("hessianMatchesExactOracle", ProviderContract::hessianMatchesExactOracle),
            new Property("hessianMatchesPartials", ProviderContract::hessianMatchesPartials),
            new Property("jacobianMatchesExactOracle", ProviderContract::jacobianMatchesExactOracle),
            new Property("jacobianMatchesPartials", ProviderContract::jacobianMatchesPartials),
            new Property("mixedPartialsUpToMaxOrder", ProviderContract::mixedPartialsUpToMaxOrder),
            new Property("allocationFreeTwinsMatch", ProviderContract::allocationFreeTwinsMatch),
            new Property("batchMatchesSinglePoints", ProviderContract::batchMatchesSinglePoints),
            new Property("jvpMatchesJacobianTimesDirection", ProviderContract::jvpMatchesJacobianTimesDirection),
            new Property("conventions", ProviderContract::conventions),
            new Property("structuralZeros", ProviderContract::structuralZeros),
            new Property("elementaryFunctionsMatchDerivativeTable", ProviderContract::elementaryFunctionsMatchDerivativeTable),
            new Property("rejectsBadInput", ProviderContract::rejectsBadInput),
            new Property("rejectsRequestsBeyondCapabilities", ProviderContract::rejectsRequestsBeyondCapabilities),
            new Property("derivativeExpressionsMatchExactOracle", ProviderContract::derivativeExpressionsMatchExactOracle),
            new Property("isThreadSafe", ProviderContract::isThreadSafe),
            new Property("isReusable", ProviderContract::isReusable),
            new Property("errorEstimatesAreHonest", ProviderContract::errorEstimatesAreHonest))
            .sorted(Comparator.comparing(Property::name)).toList();

    /** The names of every property of the contract, sorted: the names of its {@code @TestFactory} methods. */
    public static List<String> properties() {
        return PROPERTIES.stream().map(Property::name).toList();
    }

    /** Runs every property on {@code provider} with {@code settings} and the default tolerances. */
    public static Report run(PartialDerivative provider, KitSettings settings) {
        return run(new FixedContract(provider, settings), properties(), o -> {
        });
    }

    /**
     * Runs every property of {@code contract} (its provider, settings and
     * {@link ProviderContract#approximateTolerance(int) tolerances}).
     */
    public static Report run(ProviderContract contract) {
        return run(contract, properties(), o -> {
        });
    }

    /**
     * Runs the named properties of {@code contract}, in the order given (each once), handing each
     * outcome to {@code listener} as soon as it is known (for progress output).
     *
     * @throws IllegalArgumentException naming the properties if a name is not one of {@link #properties()}
     */
    public static Report run(ProviderContract contract, Collection<String> names, Consumer<? super Outcome> listener) {
        for (String name : names) {
            if (!properties().contains(name)) {
                throw new IllegalArgumentException("no property \"" + name + "\"; the properties are " + properties());
            }
        }
        PartialDerivative provider = contract.provider();
        KitSettings settings = contract.settings();
        List<Outcome> outcomes = new ArrayList<>();
        for (String name : new java.util.LinkedHashSet<>(names)) {
            Property p = PROPERTIES.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
            Outcome o = run(contract, provider.id(), p);
            outcomes.add(o);
            listener.accept(o);
        }
        return new Report(provider.id(), settings, outcomes);
    }

    private static Outcome run(ProviderContract contract, String id, Property property) {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> aborted = new ArrayList<>();
        int count = 0;
        boolean error = false;
        try {
            Stream<DynamicTest> tests = property.tests().apply(contract);
            for (DynamicTest t : (Iterable<DynamicTest>) tests::iterator) {
                count++;
                try {
                    t.getExecutable().execute();
                } catch (TestAbortedException e) {
                    aborted.add(e.getMessage() == null ? t.getDisplayName() : e.getMessage());
                } catch (AssertionError e) {
                    String m = String.valueOf(e.getMessage());
                    failures.add(m.contains(t.getDisplayName()) ? m : t.getDisplayName() + ": " + m);
                } catch (Throwable e) {
                    error = true;
                    failures.add(t.getDisplayName() + ": the property threw " + e);
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            error = true;
            failures.add("the property could not start: " + e);
        }
        long nanos = System.nanoTime() - start;
        Status status = !failures.isEmpty() ? (error ? Status.ERROR : Status.FAILED)
                : count > 0 && aborted.size() == count ? Status.SKIPPED : Status.PASSED;
        return new Outcome(id, property.name(), status, nanos,
                failures.isEmpty() ? aborted : failures);
    }

    /** The contract of a provider with fixed settings (a record, which JUnit does not take for a test class). */
    private record FixedContract(PartialDerivative provider, KitSettings settings) implements ProviderContract {
    }
}
