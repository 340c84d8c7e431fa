package dev.partials.simd;

import dev.partials.PartialsException;

/**
 * Whether {@code jdk.incubator.vector} can be used, found without linking any class of it: on the
 * class path a class that mentions the Vector API fails with {@code NoClassDefFoundError} when the
 * module is not resolved, which would explain nothing.
 */
final class VectorModule {

    static final String MODULE = "jdk.incubator.vector";

    private static final boolean AVAILABLE = probe();

    private VectorModule() {
    }

    private static boolean probe() {
        try {
            Class.forName(MODULE + ".DoubleVector", false, VectorModule.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Throws {@link #unavailable()} unless the module is resolved. */
    static void require() {
        if (!AVAILABLE) {
            throw unavailable();
        }
    }

    /** The error that says why {@code simd} cannot run and how to enable it. */
    static PartialsException unavailable() {
        return PartialsException.builder(PartialsException.Kind.NOT_SUPPORTED,
                        "Provider \"" + SimdProvider.ID + "\" needs the incubating module " + MODULE
                                + ", which this JVM has not resolved. On the class path, start java with"
                                + " --add-modules " + MODULE + "; on the module path, dev.partials.simd requires"
                                + " it and it is resolved automatically. The other providers are unaffected.")
                .provider(SimdProvider.ID).name(MODULE).build();
    }
}
