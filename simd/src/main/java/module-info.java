/**
 * The {@code simd} provider: values, gradients, Jacobians and Jacobian-vector products at many points
 * at once, with the points in the lanes of the Vector API ({@code jdk.incubator.vector}).
 *
 * <p>The module exports nothing; it is reached through {@code PartialDerivative.of("simd")}.
 * On the module path its {@code requires jdk.incubator.vector} resolves the incubating module; on the
 * class path, start {@code java} with {@code --add-modules jdk.incubator.vector}, or the provider
 * fails to load with a message that says so (the other providers keep working). Every JVM that
 * resolves the module prints one {@code WARNING: Using incubator modules} line: that is expected.
 *
 * <p>System property {@code partials.simd.parallel} ({@code auto}, the default, {@code true} or
 * {@code false}) chooses whether large batches are split across the cores of the common fork/join
 * pool; results do not depend on it. System property {@code partials.simd.compile} ({@code auto}, the
 * default, {@code always} or {@code never}) chooses when batches switch from the interpreter to code
 * generated for the formula (in {@code auto}, after 1,024 points per kind of batch); both compute the
 * same operations in the same order (the same bits with {@code VectorMathLibrary=java}; by default up to
 * the last-bit differences below).
 *
 * <p>Reproducibility: a point's results in a batch depend only on that point, never on the batch's size
 * or on threads.
 * Transcendental functions (exp, log, sin, pow, …) come from the platform's vector math library (SVML
 * on x86) once the JIT has compiled the kernels, and from {@code java.lang.Math} before; the two agree
 * within 1 ulp, not bit for bit, so a cold and a warm JVM can differ in the last bits. With
 * {@code -Djdk.incubator.vector.VectorMathLibrary=java} every result equals, bit for bit, a scalar
 * forward mode over {@code dev.partials.Op} (and transcendental functions run lane by lane, slower).
 *
 * @provides dev.partials.PartialDerivative the provider with id {@code simd}
 */
module dev.partials.simd {
    requires dev.partials.api;
    requires jdk.incubator.vector;

    provides dev.partials.PartialDerivative with dev.partials.simd.SimdProvider;
}
