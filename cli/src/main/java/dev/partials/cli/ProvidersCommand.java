package dev.partials.cli;

import dev.partials.Capabilities;
import dev.partials.PartialDerivative;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "providers", mixinStandardHelpOptions = true,
        header = "The providers found, their capabilities, and load failures.",
        description = {"The providers found on the module path: id, module, capabilities; and every provider that "
                + "was found but failed to load, with its reason.",
            "Exit code 1 when no provider is available."},
        footerHeading = "%nExamples:%n",
        footer = {"  partials providers", "  partials providers --format json"})
final class ProvidersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        List<PartialDerivative> providers = PartialDerivative.all();
        List<PartialDerivative.LoadFailure> failures = PartialDerivative.loadFailures();
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            Map<String, Object> json = Json.object();
            json.put("command", "providers");
            List<Object> list = new ArrayList<>();
            for (PartialDerivative p : providers) {
                Capabilities c = p.capabilities();
                Map<String, Object> m = Json.object();
                m.put("id", p.id());
                m.put("module", module(p));
                m.put("description", p.description());
                Map<String, Object> caps = Json.object();
                caps.put("exact", c.exact());
                caps.put("maxOrder", c.maxOrder() == Capabilities.UNBOUNDED ? null : c.maxOrder());
                caps.put("mixedPartials", c.mixedPartials());
                caps.put("batched", c.batched());
                caps.put("symbolicOutput", c.symbolicOutput());
                caps.put("errorEstimates", c.errorEstimates());
                m.put("capabilities", caps);
                m.put("summary", c.summary());
                list.add(m);
            }
            json.put("providers", list);
            List<Object> failed = new ArrayList<>();
            for (PartialDerivative.LoadFailure f : failures) {
                Map<String, Object> m = Json.object();
                m.put("provider", f.provider());
                m.put("reason", f.reason());
                failed.add(m);
            }
            json.put("loadFailures", failed);
            out.println(Json.write(json));
        } else if (format == OutputFormat.csv) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format csv is for batch results; use table or json");
        } else {
            Table t = new Table().row("id", "module", "capabilities", "method");
            for (PartialDerivative p : providers) {
                t.row(p.id(), module(p), p.capabilities().summary(), p.description());
            }
            if (!providers.isEmpty()) {
                t.print(out);
            }
            if (!failures.isEmpty()) {
                out.println();
                out.println(failures.size() + " provider(s) failed to load and were skipped:");
                for (PartialDerivative.LoadFailure f : failures) {
                    out.println("  " + f.provider() + ": " + f.reason());
                }
            }
        }
        out.flush();
        if (providers.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("partials: no providers are available. Add provider modules (dev.partials.dual, "
                    + "dev.partials.symbolic, …) to the module path.");
            err.flush();
            return 1;
        }
        return 0;
    }

    /** The provider's module name, or "(class path)" for a provider in the unnamed module. */
    static String module(PartialDerivative p) {
        Module m = p.getClass().getModule();
        return m.isNamed() ? m.getName() : "(class path)";
    }
}
