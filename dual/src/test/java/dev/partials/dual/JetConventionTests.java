package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.Formula;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import org.junit.jupiter.api.Test;

/**
 * The conventions of {@link dev.partials.Op} in the Taylor jets (third and higher orders): at a tie,
 * min and max are the average of both branches at every order; a NaN argument gives NaN partials.
 */
class JetConventionTests {

    private static Derivatives prepare(String source) {
        return PartialDerivative.of("dual").prepare(Formula.parse(source));
    }

    @Test
    void minAndMaxAtATieAverageBothBranchesInMixedThirdPartials() {
        // at x = y, min(x, y)·x·y behaves like ½(x + y)·x·y = ½(x²y + xy²): ∂³/∂x²∂y = 1, ∂³/∂x∂y² = 1;
        // either branch alone would give 2 and 0 (x·x·y) or 0 and 2 (y·x·y)
        for (String f : new String[] {"min(x, y)*x*y", "max(x, y)*x*y", "min(y, x)*x*y", "max(y, x)*x*y"}) {
            Derivatives d = prepare(f);
            assertThat(d.partial(MultiIndex.of(2, 1), 1.5, 1.5)).as(f).isEqualTo(1.0);
            assertThat(d.partial(MultiIndex.of(1, 2), 1.5, 1.5)).as(f).isEqualTo(1.0);
            assertThat(d.partial(MultiIndex.of(2, 2), 1.5, 1.5)).as(f).isEqualTo(0.0);
        }
        // away from the tie, the branch taken: min(x, y)·x·y = x²y for x < y
        Derivatives min = prepare("min(x, y)*x*y");
        assertThat(min.partial(MultiIndex.of(2, 1), 1, 2)).isEqualTo(2.0);
        assertThat(min.partial(MultiIndex.of(1, 2), 1, 2)).isEqualTo(0.0);
        assertThat(min.partial(MultiIndex.of(1, 2), 2, 1)).isEqualTo(2.0);
        Derivatives max = prepare("max(x, y)*x*y");
        assertThat(max.partial(MultiIndex.of(2, 1), 2, 1)).isEqualTo(2.0);
        assertThat(max.partial(MultiIndex.of(1, 2), 1, 2)).isEqualTo(2.0);
    }

    @Test
    void aNaNArgumentOfMinOrMaxGivesNaNPartialsAtEveryOrder() {
        // sqrt(x − 3) is NaN at x = 2 (outside its domain): min and max of it are NaN, and so are their jets
        for (String f : new String[] {"min(sqrt(x - 3), y)*x*y", "max(y, sqrt(x - 3))*x*y"}) {
            Derivatives d = prepare(f);
            assertThat(d.partial(MultiIndex.of(2, 1), 2, 1)).as(f).isNaN();
            assertThat(d.partial(MultiIndex.of(1, 2), 2, 1)).as(f).isNaN();
            assertThat(d.partial(MultiIndex.of(2, 1), 4, 1)).as(f).isFinite();
        }
    }
}
