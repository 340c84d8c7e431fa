package dev.partials.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Formula;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The textbook print of negative products and quotients, and that it reads back to the same
 * canonical form (a sign in front of a sum must not be distributed into it on reading).
 */
class DisplayFormTests {

    private static final List<String> XYZ = List.of("x", "y", "z");

    @Test
    void negativeProductsPrintTheirSignOnce() {
        assertThat(simplify("-1/x")).isEqualTo("-1/x");
        assertThat(simplify("-2*x")).isEqualTo("-2*x");
        assertThat(simplify("-x/2")).isEqualTo("-x/2");
        assertThat(simplify("-x*y/z")).isEqualTo("-x*y/z");
        assertThat(simplify("-3/(2*x)")).isEqualTo("-3/(2*x)");
    }

    @Test
    void aSignInFrontOfALeadingSumCoversTheWholeProduct() {
        // printed as -(x - 1)*(y + 1) it would read back as (1 - x)*(y + 1), another canonical form
        assertThat(simplify("-((x - 1)*(y + 1))")).isEqualTo("-((x - 1)*(y + 1))");
        assertThat(simplify("-((x + 1)*(y + 1))")).isEqualTo("-((x + 1)*(y + 1))");
        assertThat(simplify("-((x + 1)*(y + 1))/z")).isEqualTo("-((x + 1)*(y + 1)/z)");
    }

    @Test
    void negativeQuotientsOfSumsReadBackUnchanged() {
        for (String source : new String[] {"-(x + 1)/y", "-(x - y)/z", "-(x + 1)^2/y", "-(x + y)*(x + z)/y",
                "x - (y + 1)/z", "-sin(x)*(x + 1)/y", "-(x + 1)/(2*y)", "-((x + 1)*(y + 1))", "-((x + 1)*(y - z))/x",
                "-((x - 1)*(y + 1)*(z + 1))"}) {
            String once = simplify(source);
            assertThat(simplify(once)).as("%s printed as %s", source, once).isEqualTo(once);
        }
    }

    private static String simplify(String source) {
        return Symbolic.simplify(Formula.parse(source, XYZ).output(0)).text();
    }
}
