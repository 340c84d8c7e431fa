package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An infinite local partial (sqrt at 0) reaches exactly the lanes of the variables it depends on,
 * in every chunk of variables, and never turns a structural zero into NaN.
 */
class InfinitePartialTests {

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int j = 1; j <= n; j++) {
            out.add("x" + j);
        }
        return out;
    }

    @Test
    void infinitePartialsOfVariablesBeyondTheFirstChunkLandOnTheirOwnLanes() {
        // f = sqrt(x10) + sqrt(x11)·x12 + x1: ∂f/∂x10 = ∂f/∂x11 = +∞ at x10 = x11 = 0, ∂f/∂x12 = 0, ∂f/∂x1 = 1
        int n = 12;
        Derivatives d = PartialDerivative.of("dual").prepare(Formula.parse("sqrt(x10) + sqrt(x11)*x12 + x1", names(n)));
        double[] point = new double[n];
        Arrays.fill(point, 1);
        point[9] = 0;
        point[10] = 0;
        double[] g = d.gradient(point);
        double[] expected = new double[n];
        expected[0] = 1;
        expected[9] = Double.POSITIVE_INFINITY;
        expected[10] = Double.POSITIVE_INFINITY;
        expected[11] = 0;
        assertThat(g).containsExactly(expected);
        double[] jacobian = new double[n];
        d.jacobian(point, jacobian);
        assertThat(jacobian).containsExactly(expected);
    }

    @Test
    void infinitePartialOfBothOperandsInALaterChunk() {
        // f = sqrt(x9)·sqrt(x10) at (0, 4): ∂/∂x9 = +∞·2, ∂/∂x10 = 0·(1/4) = 0 with the product rule
        int n = 10;
        Derivatives d = PartialDerivative.of("dual").prepare(Formula.parse("sqrt(x9)*sqrt(x10) + x2", names(n)));
        double[] point = new double[n];
        Arrays.fill(point, 1);
        point[8] = 0;
        point[9] = 4;
        double[] g = d.gradient(point);
        assertThat(g[8]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(g[9]).isEqualTo(0.0);
        assertThat(g[1]).isEqualTo(1.0);
        assertThat(g[0]).isEqualTo(0.0);
    }
}
