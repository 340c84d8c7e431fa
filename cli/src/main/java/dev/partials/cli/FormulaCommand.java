package dev.partials.cli;

import dev.partials.Formula;
import dev.partials.PartialDerivative;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every command about a formula shares: variable order, provider, output format. */
abstract class FormulaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vars", split = ",", paramLabel = "NAME",
            description = "The variables, in this order (default: the formula's names in natural order, x2 before x10). "
                    + "May name variables the formula does not use.")
    List<String> vars;

    @Option(names = {"-p", "--provider"}, paramLabel = "ID",
            description = "The provider to use (default: dual; see `partials providers`).")
    String providerId;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "table or json (batch results: csv or json). JSON is described in docs/cli-json.md.")
    OutputFormat format;

    /** Parses the formula, over {@code --vars} when given. */
    Formula formula(String text) {
        return vars == null ? Formula.parse(text) : Formula.parse(text, vars);
    }

    /** The {@code --provider}, or the default provider. */
    PartialDerivative provider() {
        return providerId == null ? PartialDerivative.getDefault() : PartialDerivative.of(providerId);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error (exit code 2), reported with a pointer to the command's help. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The single-point format: table unless {@code --format json}; csv is only for batches. */
    OutputFormat singleFormat() {
        if (format == OutputFormat.csv) {
            throw usage("--format csv is for batch results (--points FILE); use table or json");
        }
        return format == null ? OutputFormat.table : format;
    }

    /** Prints {@code json} or runs {@code table}, as {@code --format} asks. */
    void emit(Map<String, Object> json, Consumer<PrintWriter> table) {
        PrintWriter out = out();
        if (singleFormat() == OutputFormat.json) {
            out.println(Json.write(json));
        } else {
            table.accept(out);
        }
        out.flush();
    }

    /** The fields every JSON result starts with. */
    static Map<String, Object> header(String command, Formula f) {
        Map<String, Object> m = Json.object();
        m.put("command", command);
        m.put("formula", f.text());
        m.put("variables", f.variables());
        if (f.outputCount() > 1) {
            m.put("outputs", f.outputs().stream().map(e -> e.text()).toList());
        }
        return m;
    }

    /** {@code f(x, y) = x^2 + 3*x*y} and, for a vector formula, one line per output. */
    static void heading(PrintWriter out, Formula f) {
        String args = "(" + String.join(", ", f.variables()) + ")";
        if (f.outputCount() == 1) {
            out.println("f" + args + " = " + f.text());
        } else {
            for (int k = 0; k < f.outputCount(); k++) {
                out.println(Names.output(f, k) + args + " = " + f.output(k).text());
            }
        }
    }
}
