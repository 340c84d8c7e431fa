package dev.partials.simd;

import dev.partials.PartialsException;

/**
 * When a batch is split across cores: system property {@value #PROPERTY} = {@code auto} (the default:
 * batches of at least {@value #THRESHOLD} points on a machine with more than one core), {@code true}
 * (every batch of more than one block) or {@code false} (never). Read at every batch call, so it can be
 * changed while running. Results are the same either way: each point is computed on its own.
 */
final class Parallelism {

    static final String PROPERTY = "partials.simd.parallel";
    static final int THRESHOLD = 1 << 15;

    private Parallelism() {
    }

    static boolean split(int count, int blocks) {
        if (blocks < 2) {
            return false;
        }
        String mode = System.getProperty(PROPERTY, "auto");
        return switch (mode) {
            case "auto" -> count >= THRESHOLD && Runtime.getRuntime().availableProcessors() > 1;
            case "true" -> true;
            case "false" -> false;
            default -> throw PartialsException.builder(PartialsException.Kind.INVALID_ARGUMENT,
                    "system property " + PROPERTY + " is \"" + mode + "\"; expected auto, true or false")
                    .provider(SimdProvider.ID).name(PROPERTY).build();
        };
    }

    /** Blocks per fork/join leaf: about eight leaves per core, so that uneven cores balance. */
    static int grain(int blocks) {
        return Math.max(1, blocks / (8 * Runtime.getRuntime().availableProcessors()));
    }
}
