package dev.partials.simd;

import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.PartialDerivative;
import java.util.Arrays;
import java.util.List;

/**
 * Run by {@link SimdProviderTests} in a JVM of its own, on the class path: prints whether {@code simd}
 * loaded, why not, and the gradient of the seed at (1, 2).
 */
final class ClassPathProbe {

    private ClassPathProbe() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) { // the registry must explain once, however often it is asked
            System.out.println("found=" + PartialDerivative.find("simd").isPresent());
        }
        for (PartialDerivative.LoadFailure f : PartialDerivative.loadFailures()) {
            System.out.println("failure=" + f.provider() + " | " + f.reason());
        }
        PartialDerivative.find("simd").ifPresent(p -> {
            Expression x = Expression.variable("x");
            Expression y = Expression.variable("y");
            Formula seed = Formula.of(List.of("x", "y"), x.pow(2).plus(Expression.constant(3).times(x).times(y)));
            System.out.println("gradient=" + Arrays.toString(p.prepare(seed).gradient(1, 2)));
        });
    }
}
