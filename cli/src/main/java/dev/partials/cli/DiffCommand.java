package dev.partials.cli;

import dev.partials.Capabilities;
import dev.partials.Derivatives;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import dev.partials.PartialsException;
import dev.partials.spi.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "The derivative of a formula, as a formula.",
        description = {"The derivative of a formula as a formula: differentiate once per listed variable.",
            "Needs a provider with symbolic output (symbolic)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials diff \"x^2 + 3*x*y\" x",
            "      2*x + 3*y",
            "  partials diff \"x^2 + 3*x*y\" x y          (∂²f/∂x∂y)",
            "      3",
            "  partials diff \"x^2 + 3*x*y\" --all",
            "      ∂f/∂x = 2*x + 3*y",
            "      ∂f/∂y = 3*x",
            "  partials diff \"sin(x)/x\" x --latex"})
final class DiffCommand extends FormulaCommand {

    @Parameters(index = "0", paramLabel = "FORMULA", description = "The formula, for example \"x^2 + 3*x*y\".")
    String formula;

    @Parameters(index = "1..*", paramLabel = "VAR",
            description = "The variables to differentiate by, once each: `x y` is ∂²/∂x∂y. None: as --all.")
    List<String> wrt = new ArrayList<>();

    @Option(names = "--all", description = "Print every first partial, one per line: ∂f/∂x = …")
    boolean all;

    @Option(names = "--latex", description = "Write LaTeX instead of the formula language.")
    boolean latex;

    @Override
    public Integer call() {
        Formula f = formula(formula);
        if (all && !wrt.isEmpty()) {
            throw usage("give variables or --all, not both");
        }
        PartialDerivative provider = symbolicProvider();
        Derivatives d = provider.prepare(f);
        int n = f.dimension();
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        boolean labelled = wrt.isEmpty() || f.outputCount() > 1;
        List<MultiIndex> indices = new ArrayList<>();
        if (wrt.isEmpty()) {
            for (int j = 0; j < n; j++) {
                indices.add(MultiIndex.unit(n, j));
            }
        } else {
            indices.add(MultiIndex.of(f, wrt));
        }
        for (int k = 0; k < f.outputCount(); k++) {
            for (MultiIndex index : indices) {
                Expression e = d.derivativeExpression(k, index).orElseThrow(() ->
                        Checks.notSupported(provider.id(), "symbolic output", Capabilities::symbolicOutput));
                String text = latex ? e.latex() : e.text();
                Map<String, Object> r = Json.object();
                r.put("output", k);
                r.put("wrt", Names.wrt(f, index));
                r.put("index", index.counts());
                r.put("text", e.text());
                r.put("latex", e.latex());
                results.add(r);
                if (!labelled) {
                    lines.add(text);
                } else if (latex) {
                    lines.add(latexName(f, k, index) + " = " + text);
                } else {
                    lines.add(Names.partial(f, k, index) + " = " + text);
                }
            }
        }
        Map<String, Object> json = header("diff", f);
        json.put("provider", provider.id());
        json.put("derivatives", results);
        emit(json, out -> lines.forEach(out::println));
        return 0;
    }

    /** {@code --provider}, or the first provider with symbolic output. */
    private PartialDerivative symbolicProvider() {
        if (providerId != null) {
            PartialDerivative p = PartialDerivative.of(providerId);
            if (!p.capabilities().symbolicOutput()) {
                throw Checks.notSupported(p.id(), "symbolic output (derivatives as formulas)", Capabilities::symbolicOutput);
            }
            return p;
        }
        return PartialDerivative.all().stream().filter(p -> p.capabilities().symbolicOutput()).findFirst()
                .orElseThrow(() -> PartialsException.builder(PartialsException.Kind.NOT_SUPPORTED,
                        "`partials diff` needs a provider with symbolic output, and none is available (available: "
                                + PartialDerivative.all().stream().map(PartialDerivative::id).toList()
                                + "). Add the module dev.partials.symbolic to the module path.").build());
    }

    /** {@code \frac{\partial^{2} f}{\partial x \partial y}}. */
    private static String latexName(Formula f, int k, MultiIndex index) {
        String out = f.outputCount() == 1 ? "f" : "f_{" + (k + 1) + "}";
        StringBuilder den = new StringBuilder();
        for (int i = 0; i < index.dimension(); i++) {
            int c = index.count(i);
            if (c > 0) {
                den.append(den.isEmpty() ? "" : " ").append("\\partial ").append(f.variables().get(i));
                if (c > 1) {
                    den.append("^{").append(c).append('}');
                }
            }
        }
        String d = index.order() > 1 ? "\\partial^{" + index.order() + "} " : "\\partial ";
        return "\\frac{" + d + out + "}{" + den + "}";
    }
}
