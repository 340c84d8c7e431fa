package dev.partials.dual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partials.Derivatives;
import dev.partials.MultiIndex;
import dev.partials.PartialDerivative;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One prepared Derivatives used by 8 threads at once gives the answers of sequential use. */
class ConcurrencyTests {

    private static final int THREADS = 8;
    private static final int POINTS = 60;

    /** Value, gradient, Hessian, JVP and a third-order mixed partial of the bundle-adjustment residuals. */
    private static double[] everything(Derivatives d, double[] x) {
        int n = x.length;
        double[] out = new double[2 + 2 * n + 2 * n * n + 2 + 1];
        int at = 0;
        double[] v = d.values(x);
        double[] g = new double[n];
        double[] h = new double[n * n];
        for (int k = 0; k < 2; k++) {
            out[at++] = v[k];
            d.gradient(k, x, g);
            System.arraycopy(g, 0, out, at, n);
            at += n;
            d.hessian(k, x, h);
            System.arraycopy(h, 0, out, at, n * n);
            at += n * n;
        }
        double[] dir = new double[n];
        java.util.Arrays.fill(dir, 0.125);
        double[] jvp = d.jvp(x, dir);
        out[at++] = jvp[0];
        out[at++] = jvp[1];
        int[] counts = new int[n];
        counts[0] = 2;
        counts[6] = 1;
        out[at] = d.partial(1, MultiIndex.of(counts), x);
        return out;
    }

    private static double[] point(int p) {
        double[] x = Functions.BA_POINT.clone();
        for (int j = 0; j < x.length; j++) {
            x[j] += 0.01 * ((p * 7 + j * 3) % 11 - 5);
        }
        return x;
    }

    @Test
    void eightThreadsOnDifferentPointsAgreeWithSequentialUse() throws Exception {
        Derivatives reference = PartialDerivative.of("dual").prepare(Functions.BA);
        List<double[]> expected = new ArrayList<>();
        for (int p = 0; p < THREADS * POINTS; p++) {
            expected.add(everything(reference, point(p)));
        }
        // a fresh instance, so that the threads also race to build its lazy plans
        Derivatives shared = PartialDerivative.of("dual").prepare(Functions.BA);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<double[]> results = new ArrayList<>();
                    for (int i = 0; i < POINTS; i++) {
                        results.add(everything(shared, point(i * THREADS + thread)));
                    }
                    return results;
                }));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                List<double[]> results = futures.get(t).get();
                for (int i = 0; i < POINTS; i++) {
                    assertThat(results.get(i)).containsExactly(expected.get(i * THREADS + t));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
