package dev.partials.conformance;

/**
 * The bounds of generated elementary expressions ({@link Generators#elementaryCases}): how deep the
 * expression trees nest, how many variables, how many outputs.
 *
 * @param maxDepth     the most operations on a path from an output to a leaf, 1 to {@value #MAX_DEPTH}
 * @param maxVariables 1 to {@value #MAX_VARIABLES} (named {@code x, y, z, w})
 * @param maxOutputs   at least 1; formulas with several outputs are vector formulas (a Jacobian)
 * @since 0.1
 */
public record ElementarySpec(int maxDepth, int maxVariables, int maxOutputs) {

    /** The deepest nesting a spec may ask for. */
    public static final int MAX_DEPTH = 10;

    /** The most variables a generated expression has. */
    public static final int MAX_VARIABLES = 4;

    /** Checks the bounds. */
    public ElementarySpec {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be in [1, " + MAX_DEPTH + "], got " + maxDepth);
        }
        if (maxVariables < 1 || maxVariables > MAX_VARIABLES) {
            throw new IllegalArgumentException("maxVariables must be in [1, " + MAX_VARIABLES + "], got " + maxVariables);
        }
        if (maxOutputs < 1) {
            throw new IllegalArgumentException("maxOutputs must be at least 1, got " + maxOutputs);
        }
    }

    /** Depth up to 6, 1–4 variables, 1–3 outputs (one output three times in four). */
    public static ElementarySpec standard() {
        return new ElementarySpec(6, MAX_VARIABLES, 3);
    }

    /** This spec with nesting up to {@code maxDepth}. */
    public ElementarySpec withMaxDepth(int maxDepth) {
        return new ElementarySpec(maxDepth, maxVariables, maxOutputs);
    }
}
