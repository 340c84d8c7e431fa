package dev.partials.cli;

import dev.partials.PartialDerivative;
import dev.partials.conformance.ContractRunner;
import dev.partials.conformance.CrossValidation;
import dev.partials.conformance.KitSettings;
import dev.partials.conformance.ProviderContract;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the conformance kit's properties against providers, outside JUnit, through the kit's
 * {@link ContractRunner}: the properties of {@link ProviderContract}, each ending passed, failed (its
 * message carries the shrunk counterexample and a reproduction line), skipped (it does not apply to the
 * provider's capabilities) or in error.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Runs the conformance kit's properties against providers.",
        description = {"Runs the conformance kit's properties (exact rational oracle, conventions, structural zeros, "
                + "bad input, thread safety, …) against one provider or all, and prints a pass/fail table; a failing "
                + "property shows its shrunk counterexample and the line that replays it.",
            "With --cross, checks every pair of providers against each other on the same random polynomial and "
                + "elementary cases instead, and prints the provider × provider matrix.",
            "Exit code 1 when a property fails (or, with --cross, when a pair disagrees)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials verify",
            "  partials verify --provider dual --tries 1000",
            "  partials verify --provider finite-difference --seed 42 --property partialsMatchExactOracle",
            "  partials verify --cross --tries 1000",
            "  partials verify --format json"})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--provider"}, paramLabel = "ID", description = "Verify only this provider (default: all).")
    String providerId;

    @Option(names = "--tries", paramLabel = "N", description = "Cases per random property (default: 100, or -Dpartials.tries).")
    Integer tries;

    @Option(names = "--seed", paramLabel = "S", description = "The seed of the first try (default: 20261126, or -Dpartials.seed).")
    Long seed;

    @Option(names = "--property", paramLabel = "NAME", split = ",",
            description = "Run only these properties (names as listed by a full run).")
    List<String> only;

    @Option(names = "--cross", description = "Cross-validate every pair of providers (the --tries cases each) and "
            + "print the provider × provider matrix instead of the properties.")
    boolean cross;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table (default) or json.")
    OutputFormat format;

    /** One property's outcome for one provider. */
    record Outcome(String provider, String property, String result, long nanos, List<String> messages) {
    }

    @Override
    public Integer call() {
        if (format == OutputFormat.csv) {
            throw new ParameterException(spec.commandLine(), "--format csv is for batch results; use table or json");
        }
        if (tries != null && tries < 1) {
            throw new ParameterException(spec.commandLine(), "--tries must be at least 1");
        }
        KitSettings defaults = KitSettings.fromSystemProperties();
        KitSettings settings = new KitSettings(seed == null ? defaults.seed() : seed, tries == null ? defaults.tries() : tries);
        List<PartialDerivative> providers = providerId == null ? PartialDerivative.all() : List.of(PartialDerivative.of(providerId));
        if (providers.isEmpty()) {
            throw new CliException("no providers are available to verify. Add provider modules (dev.partials.dual, …) "
                    + "to the module path.");
        }
        if (cross) {
            return cross(providers, settings);
        }
        List<String> properties = properties();
        boolean json = format == OutputFormat.json;
        PrintWriter out = spec.commandLine().getOut();
        int width = properties.stream().mapToInt(String::length).max().orElse(10);
        int idWidth = providers.stream().mapToInt(p -> p.id().length()).max().orElse(8);
        String row = "%-" + idWidth + "s  %-" + width + "s  %-8s  %s%n";
        if (!json) {
            out.printf(Locale.ROOT, "partials verify: seed %d, %d tries per random property%n%n", settings.seed(), settings.tries());
            out.printf(Locale.ROOT, row, "provider", "property", "result", "time");
            out.flush();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (PartialDerivative p : providers) {
            ProviderContract contract = new ProviderContract() {
                @Override
                public PartialDerivative provider() {
                    return p;
                }

                @Override
                public KitSettings settings() {
                    return settings;
                }
            };
            ContractRunner.run(contract, properties, r -> {
                Outcome o = new Outcome(r.provider(), r.property(), result(r.status()), r.nanos(), r.messages());
                outcomes.add(o);
                if (!json) {
                    out.printf(Locale.ROOT, row, o.provider(), o.property(), o.result(), Numbers.duration(o.nanos()));
                    if (!o.result().equals("pass")) {
                        for (String msg : o.messages()) {
                            if (o.result().equals("skipped")) {
                                out.println("    " + msg);
                            } else {
                                out.println(indent(msg));
                            }
                        }
                    }
                    out.flush();
                }
            });
        }
        long failed = outcomes.stream().filter(o -> o.result().equals("FAIL") || o.result().equals("ERROR")).count();
        long passed = outcomes.stream().filter(o -> o.result().equals("pass")).count();
        long skipped = outcomes.size() - failed - passed;
        if (json) {
            Map<String, Object> m = Json.object();
            m.put("command", "verify");
            m.put("seed", settings.seed());
            m.put("tries", settings.tries());
            List<Object> rs = new ArrayList<>();
            for (Outcome o : outcomes) {
                Map<String, Object> r = Json.object();
                r.put("provider", o.provider());
                r.put("property", o.property());
                r.put("result", o.result().toLowerCase(Locale.ROOT));
                r.put("nanos", o.nanos());
                r.put("messages", o.messages());
                rs.add(r);
            }
            m.put("results", rs);
            m.put("passed", failed == 0);
            out.println(Json.write(m));
        } else {
            out.println();
            out.printf(Locale.ROOT, "verify: %d properties held, %d failed, %d did not apply (%d provider(s))%n",
                    passed, failed, skipped, providers.size());
        }
        out.flush();
        return failed == 0 ? Main.OK : Main.BAD_INPUT;
    }

    /** {@code --cross}: the matrix of {@link CrossValidation}; exit 1 when a pair disagrees. */
    private int cross(List<PartialDerivative> providers, KitSettings settings) {
        if (only != null) {
            throw new ParameterException(spec.commandLine(), "--property does not apply to --cross");
        }
        if (providers.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--cross needs at least two providers; available: "
                    + PartialDerivative.all().stream().map(PartialDerivative::id).toList());
        }
        CrossValidation.Report report = CrossValidation.run(providers, settings);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            Map<String, Object> m = Json.object();
            m.put("command", "verify --cross");
            m.put("seed", settings.seed());
            m.put("tries", settings.tries());
            m.put("providers", report.providers());
            List<Object> cells = new ArrayList<>();
            for (CrossValidation.Cell c : report.cells()) {
                Map<String, Object> r = Json.object();
                r.put("first", c.first());
                r.put("second", c.second());
                r.put("cases", c.cases());
                r.put("maxRelativeDeviation", c.maxRelativeDeviation());
                r.put("failures", c.failures().stream().map(CrossValidation.Mismatch::text).toList());
                cells.add(r);
            }
            m.put("pairs", cells);
            m.put("passed", report.passed());
            out.println(Json.write(m));
        } else {
            out.print(report.text());
        }
        out.flush();
        return report.passed() ? Main.OK : Main.BAD_INPUT;
    }

    /** The properties to run: all of the contract's ({@link ContractRunner#properties()}), or those of {@code --property}. */
    private List<String> properties() {
        List<String> all = ContractRunner.properties();
        if (only == null) {
            return all;
        }
        List<String> chosen = new ArrayList<>();
        for (String name : only) {
            String n = name.strip();
            if (!all.contains(n)) {
                throw new ParameterException(spec.commandLine(), "no property \"" + name + "\"; the properties are " + all);
            }
            chosen.add(n);
        }
        return chosen;
    }

    /** The word printed for a status: {@code pass}, {@code FAIL}, {@code skipped}, {@code ERROR}. */
    private static String result(ContractRunner.Status status) {
        return switch (status) {
            case PASSED -> "pass";
            case FAILED -> "FAIL";
            case SKIPPED -> "skipped";
            case ERROR -> "ERROR";
        };
    }

    private static String indent(String text) {
        return "    " + text.strip().replace("\n", "\n    ");
    }
}
