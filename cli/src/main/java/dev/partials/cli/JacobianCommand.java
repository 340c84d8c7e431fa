package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "jacobian", mixinStandardHelpOptions = true,
        header = "The Jacobian of a vector formula, at a point or for a CSV file.",
        description = "The Jacobian (m × n: one row per output, one column per variable) at a point, or at every point of a CSV file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials jacobian \"[x*y, sin(x)]\" --at x=0,y=2",
            "      row f1: 2 0;  row f2: 1 0",
            "  partials jacobian \"[x*y, sin(x)]\" --at 0,2 --format json",
            "  partials jacobian \"[x*y, x+y]\" --points points.csv --format json"})
final class JacobianCommand extends PointCommand {

    @Parameters(index = "0", paramLabel = "FORMULA", description = "The formula, usually a vector \"[f1, f2, …]\".")
    String formula;

    @Override
    String formulaText() {
        return formula;
    }

    @Override
    String name() {
        return "jacobian";
    }

    @Override
    void single(Formula f, Derivatives d, double[] point, Map<String, Object> json, Table table) {
        double[][] jac = d.jacobian(point);
        json.put("jacobian", Arrays.asList(jac));
        List<String> head = new ArrayList<>();
        head.add("");
        for (String v : f.variables()) {
            head.add("∂/∂" + v);
        }
        table.row(head);
        for (int k = 0; k < jac.length; k++) {
            List<String> row = new ArrayList<>();
            row.add(Names.output(f, k));
            for (double x : jac[k]) {
                row.add(Numbers.format(x));
            }
            table.row(row);
        }
    }

    @Override
    Batch.Kernel kernel(Formula f) {
        List<String> cols = new ArrayList<>();
        int n = f.dimension();
        for (int k = 0; k < f.outputCount(); k++) {
            for (int j = 0; j < n; j++) {
                cols.add(Names.ascii(f, k, MultiIndex.unit(n, j)));
            }
        }
        return new Batch.Kernel(cols, 1, (d, points, results) -> {
            d.jacobianBatch(points, null, results);
        });
    }
}
