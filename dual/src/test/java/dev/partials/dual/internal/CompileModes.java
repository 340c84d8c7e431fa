package dev.partials.dual.internal;

import dev.partials.Formula;

/**
 * Prepares a formula with the {@value DualDerivatives#COMPILE_PROPERTY} system property set to a mode
 * for the duration of {@code prepare} (the mode is read there), restoring the previous value after.
 */
final class CompileModes {

    private CompileModes() {
    }

    /** {@code f} prepared by dual in {@code mode} ({@code "always"}, {@code "never"}, or null for the default). */
    static DualDerivatives prepare(String mode, Formula f) {
        String old = System.getProperty(DualDerivatives.COMPILE_PROPERTY);
        try {
            if (mode == null) {
                System.clearProperty(DualDerivatives.COMPILE_PROPERTY);
            } else {
                System.setProperty(DualDerivatives.COMPILE_PROPERTY, mode);
            }
            return (DualDerivatives) new DualProvider().prepare(f);
        } finally {
            if (old == null) {
                System.clearProperty(DualDerivatives.COMPILE_PROPERTY);
            } else {
                System.setProperty(DualDerivatives.COMPILE_PROPERTY, old);
            }
        }
    }
}
