package dev.partials.dual;

import dev.partials.Derivatives;
import dev.partials.PartialDerivative;
import org.junit.jupiter.api.Test;

/** The neuron of the seed example: loss = (sigmoid(w1·x1 + w2·x2 + b) − y)², x = (1.5, −2), y = 1. */
class NeuronTests {

    private static double[] closedForm(double w1, double w2, double b) {
        double x1 = 1.5;
        double x2 = -2.0;
        double y = 1.0;
        double o = 1 / (1 + Math.exp(-(w1 * x1 + w2 * x2 + b)));
        double common = 2 * (o - y) * o * (1 - o);
        return new double[] {(o - y) * (o - y), common * x1, common * x2, common};
    }

    @Test
    void gradientIsTwoTimesErrorTimesSigmoidSlopeTimesInputs() {
        Derivatives d = PartialDerivative.of("dual").prepare(Functions.NEURON);
        for (double[] point : new double[][] {Functions.NEURON_POINT, {-1.2, 0.4, 2.0}, {3.0, 1.0, -0.5}}) {
            double[] expected = closedForm(point[0], point[1], point[2]);
            double[] g = d.gradient(point);
            Close.ulps(d.value(point), expected[0], 8);
            for (int j = 0; j < 3; j++) {
                Close.ulps(g[j], expected[j + 1], 16);
            }
        }
    }

    @Test
    void dualNumberExampleOfTheJavadocComputesTheSameGradient() {
        double[] result = DualSnippets.neuron();
        double[] expected = closedForm(0.3, -0.7, 0.1);
        for (int j = 0; j < 4; j++) {
            Close.ulps(result[j], expected[j], 16);
        }
    }
}
