package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        header = "The value of a formula, at a point or for a CSV file.",
        description = "The value of a formula (every output of a vector formula) at a point, or at every point of a CSV file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials eval \"x^2 + 3*x*y\" --at x=1,y=2",
            "      f = 7",
            "  partials eval \"[x*y, sin(x)]\" --at x=pi/2,y=3 --format json",
            "  partials eval \"x^2 + 3*x*y\" --points points.csv"})
final class EvalCommand extends PointCommand {

    @Parameters(index = "0", paramLabel = "FORMULA", description = "The formula, for example \"x^2 + 3*x*y\" or \"[x*y, sin(x)]\".")
    String formula;

    @Override
    String formulaText() {
        return formula;
    }

    @Override
    String name() {
        return "eval";
    }

    @Override
    void single(Formula f, Derivatives d, double[] point, Map<String, Object> json, Table table) {
        table.gap(1);
        double[] v = d.values(point);
        json.put("values", v);
        for (int k = 0; k < v.length; k++) {
            table.row(Names.output(f, k), "=", Numbers.format(v[k]));
        }
    }

    @Override
    Batch.Kernel kernel(Formula f) {
        List<String> cols = new ArrayList<>();
        for (int k = 0; k < f.outputCount(); k++) {
            cols.add(Names.output(f, k));
        }
        return new Batch.Kernel(cols, 0, (d, points, results) -> {
            d.valuesBatch(points, results);
        });
    }
}
