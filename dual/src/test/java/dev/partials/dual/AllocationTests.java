package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.partials.Derivatives;
import dev.partials.PartialDerivative;
import dev.partials.dual.internal.ThreadAllocation;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free twins allocate nothing once warm (at most 16 bytes a call on average, the
 * target of the issue), measured with the JVM's per-thread allocation counter, not with time.
 */
class AllocationTests {

    private static final int WARM_UP = 30_000;
    private static final int CALLS = 10_000;

    private interface Call {
        void run();
    }

    private static double bytesPerCall(Call call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        long before = ThreadAllocation.allocated();
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        long after = ThreadAllocation.allocated();
        return (after - before) / (double) CALLS;
    }

    private static void check(Derivatives d, double[] point) {
        assumeTrue(ThreadAllocation.allocated() >= 0, "this JVM does not count allocated bytes");
        int n = point.length;
        int m = d.formula().outputCount();
        double[] grad = new double[n];
        double[] jac = new double[m * n];
        double[] values = new double[m];
        double[] hess = new double[n * n];
        double[] dir = new double[n];
        java.util.Arrays.fill(dir, 0.5);
        double[] jvp = new double[m];
        assertThat(bytesPerCall(() -> d.gradient(point, grad))).as("gradient").isLessThanOrEqualTo(16);
        assertThat(bytesPerCall(() -> d.jacobian(point, jac))).as("jacobian").isLessThanOrEqualTo(16);
        assertThat(bytesPerCall(() -> d.values(point, values))).as("values").isLessThanOrEqualTo(16);
        assertThat(bytesPerCall(() -> d.jvp(point, dir, jvp))).as("jvp").isLessThanOrEqualTo(16);
        assertThat(bytesPerCall(() -> d.hessian(point, hess))).as("hessian").isLessThanOrEqualTo(16);
    }

    @Test
    void seedCallsDoNotAllocate() {
        check(PartialDerivative.of("dual").prepare(Functions.SEED), Functions.SEED_POINT);
    }

    @Test
    void rosenbrockCallsDoNotAllocate() {
        check(PartialDerivative.of("dual").prepare(Functions.rosenbrock(100)), Functions.rosenbrockPoint(100));
    }

    @Test
    void bundleAdjustmentCallsDoNotAllocate() {
        check(PartialDerivative.of("dual").prepare(Functions.BA), Functions.BA_POINT);
    }
}
