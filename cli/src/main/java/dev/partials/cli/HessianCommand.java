package dev.partials.cli;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "hessian", mixinStandardHelpOptions = true,
        header = "The Hessian, at a point or at every point of a CSV file.",
        description = "The Hessian (n × n second partials) of a formula at a point, or at every point of a CSV file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials hessian \"x^2 + 3*x*y\" --at x=1,y=2",
            "      rows: 2 3 / 3 0",
            "  partials hessian \"sin(x)*exp(y)\" --at 0.5,1 --provider symbolic --format json",
            "  partials hessian \"x^2 + 3*x*y\" --points points.csv"})
final class HessianCommand extends PointCommand {

    @Parameters(index = "0", paramLabel = "FORMULA", description = "The formula, for example \"x^2 + 3*x*y\".")
    String formula;

    @Override
    String formulaText() {
        return formula;
    }

    @Override
    String name() {
        return "hessian";
    }

    @Override
    void check(Formula f) {
        if (f.outputCount() > 1) {
            throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "the formula has " + f.outputCount() + " outputs; a Hessian is of one output: "
                            + "ask for each output's Hessian on its own").build();
        }
    }

    @Override
    void single(Formula f, Derivatives d, double[] point, Map<String, Object> json, Table table) {
        double[][] h = d.hessian(point);
        json.put("hessian", Arrays.asList(h));
        List<String> head = new ArrayList<>();
        head.add("∂²f");
        for (String v : f.variables()) {
            head.add("∂/∂" + v);
        }
        table.row(head);
        for (int i = 0; i < h.length; i++) {
            List<String> row = new ArrayList<>();
            row.add("∂/∂" + f.variables().get(i));
            for (double x : h[i]) {
                row.add(Numbers.format(x));
            }
            table.row(row);
        }
    }

    @Override
    Batch.Kernel kernel(Formula f) {
        int n = f.dimension();
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cols.add(Names.ascii(f, 0, MultiIndex.pair(n, i, j)));
            }
        }
        return new Batch.Kernel(cols, 2, (d, points, results) -> {
            double[] point = new double[n];
            double[] h = new double[n * n];
            int count = points.length == 0 ? 0 : points[0].length;
            for (int p = 0; p < count; p++) {
                for (int j = 0; j < n; j++) {
                    point[j] = points[j][p];
                }
                d.hessian(point, h);
                for (int c = 0; c < n * n; c++) {
                    results[c][p] = h[c];
                }
            }
        });
    }
}
