package dev.partials.bench.functions;

import dev.partials.Expression;
import dev.partials.Op;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random elementary expressions of a given size, for the symbolic-differentiation benchmark:
 * random trees over the variables and the integers 1…9, with +, -, *, / (70%, split at random),
 * integer powers ^2…^4 and sin, cos, exp, log, sqrt, tanh.
 */
public final class RandomExpressions {

    private static final Op[] UNARY = {Op.SIN, Op.COS, Op.EXP, Op.LOG, Op.SQRT, Op.TANH};
    private static final Op[] BINARY = {Op.ADD, Op.SUBTRACT, Op.MULTIPLY, Op.DIVIDE};

    private RandomExpressions() {
    }

    /**
     * The first expression, over tree sizes {@code target}, {@code target + 10}, …, whose DAG has at
     * least {@code target} distinct nodes (leaves repeat, so a tree has more nodes than its DAG).
     */
    public static Expression withNodes(List<String> variables, int target, long seed) {
        for (int size = target; ; size += 10) {
            Expression e = tree(new SplittableRandom(seed), variables, size);
            if (e.nodeCount() >= target) {
                return e;
            }
        }
    }

    /** A random tree of exactly {@code size} nodes. */
    public static Expression tree(SplittableRandom rng, List<String> variables, int size) {
        if (size <= 1) {
            return rng.nextInt(10) < 7
                    ? Expression.variable(variables.get(rng.nextInt(variables.size())))
                    : Expression.constant(rng.nextInt(1, 10));
        }
        int r = rng.nextInt(10);
        if (size == 2 || r < 2) {
            return Expression.unary(UNARY[rng.nextInt(UNARY.length)], tree(rng, variables, size - 1));
        }
        if (r < 3) {
            return tree(rng, variables, size - 2).pow(rng.nextInt(2, 5));
        }
        int left = 1 + rng.nextInt(size - 2);
        return Expression.binary(BINARY[rng.nextInt(BINARY.length)], tree(rng, variables, left),
                tree(rng, variables, size - 1 - left));
    }
}
