package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "grad", mixinStandardHelpOptions = true,
        header = "The gradient, at a point or at every point of a CSV file.",
        description = "The gradient of a formula at a point, or at every point of a CSV file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials grad \"x^2 + 3*x*y\" --at x=1,y=2",
            "      ∂f/∂x = 8, ∂f/∂y = 3",
            "  partials grad \"x^2 + 3*x*y\" --at 1,2 -p finite-difference -f json",
            "  partials grad \"sin(x)*exp(y)\" --points points.csv -o gradients.csv",
            "      points.csv starts with the header x,y; large files go to the simd provider"})
final class GradCommand extends PointCommand {

    @Parameters(index = "0", paramLabel = "FORMULA", description = "The formula, for example \"x^2 + 3*x*y\".")
    String formula;

    @Override
    String formulaText() {
        return formula;
    }

    @Override
    String name() {
        return "grad";
    }

    @Override
    void check(Formula f) {
        if (f.outputCount() > 1) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "the formula has " + f.outputCount() + " outputs; a gradient is of one output: use `partials jacobian`")
                    .build();
        }
    }

    @Override
    void single(Formula f, Derivatives d, double[] point, Map<String, Object> json, Table table) {
        table.gap(1);
        double[] g = d.gradient(point);
        json.put("gradient", g);
        for (int j = 0; j < g.length; j++) {
            table.row(Names.partial(f, 0, MultiIndex.unit(f.dimension(), j)), "=", Numbers.format(g[j]));
        }
    }

    @Override
    Batch.Kernel kernel(Formula f) {
        List<String> cols = new ArrayList<>();
        for (int j = 0; j < f.dimension(); j++) {
            cols.add(Names.ascii(f, 0, MultiIndex.unit(f.dimension(), j)));
        }
        return new Batch.Kernel(cols, 1, (d, points, results) -> {
            d.gradientBatch(points, null, results);
        });
    }
}
