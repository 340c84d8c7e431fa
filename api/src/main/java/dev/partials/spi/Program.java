package dev.partials.spi;

import dev.partials.Binary;
import dev.partials.Constant;
import dev.partials.Expression;
import dev.partials.Formula;
import dev.partials.MathConstant;
import dev.partials.Op;
import dev.partials.Unary;
import dev.partials.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled form of a {@link Formula} that numeric providers execute: a linear SSA instruction
 * list over numbered <em>slots</em>, with common subexpressions eliminated, constants folded, chains
 * of additions flattened into n-ary sums, and the structural dependency set of every slot.
 *
 * <h2>Layout</h2>
 * <ul>
 * <li>Slots {@code 0 … n-1} are the inputs: slot {@code j} holds variable {@code j} of the formula.</li>
 * <li>Every further slot is either a <em>constant</em> ({@link #constant(int)}) or an
 *     <em>instruction</em>: an {@link Op} applied to operand slots that all come earlier
 *     (so executing slots in order is a valid evaluation order).</li>
 * <li>{@link Op#ADD} instructions have two <em>or more</em> operands (an n-ary sum, evaluated left to
 *     right); every other op has exactly its {@linkplain Op#arity() arity}.</li>
 * <li>{@link #outputSlot(int) Output k} is read from one slot (an input or a constant slot is
 *     possible: {@code f = x} or {@code f = 3}).</li>
 * <li>{@link #dependencies(int)} lists, sorted, the variables a slot structurally depends on. A
 *     forward-mode pass over a chunk of variables needs only the slots that depend on one of them,
 *     and ∂slot/∂x_j is exactly 0 when j is not in the set (the structural-zero convention).</li>
 * </ul>
 *
 * <p>For {@code f(x, y) = x^2 + 3*x*y} the program is:
 * <pre>
 * s0 = x
 * s1 = y
 * s2 = 2
 * s3 = pow(s0, s2)         deps {0}
 * s4 = 3
 * s5 = s4 * s0             deps {0}
 * s6 = s5 * s1             deps {0, 1}
 * s7 = s3 + s6             deps {0, 1}
 * output 0 = s7
 * </pre>
 *
 * <p>Compilation is linear in the number of distinct nodes and never recursive. Programs are
 * immutable and thread-safe; {@link Formula#program()} compiles once and caches. Constants are
 * converted to {@code double} once, correctly rounded; constant subexpressions are folded with the
 * same {@code double} functions the interpreter uses, so folding never changes a result.
 *
 * {@snippet class=dev.partials.ApiSnippets region=program}
 *
 * @since 0.1
 */
public final class Program {

    private static final int INPUT = -1;
    private static final int CONSTANT = -2;

    private final int variableCount;
    private final int[] code;          // Op ordinal, INPUT or CONSTANT per slot
    private final int[] operandStart;  // per slot, into operands; operandStart[size] = operands.length
    private final int[] operands;
    private final double[] constants;  // per slot: the constant's value, or NaN
    private final int[] outputs;
    private final int[][] dependencies;

    private static final Op[] OPS = Op.values();

    private Program(int variableCount, int[] code, int[] operandStart, int[] operands, double[] constants,
                    int[] outputs, int[][] dependencies) {
        this.variableCount = variableCount;
        this.code = code;
        this.operandStart = operandStart;
        this.operands = operands;
        this.constants = constants;
        this.outputs = outputs;
        this.dependencies = dependencies;
    }

    /** Compiles {@code formula}; prefer {@link Formula#program()}, which caches the result. */
    public static Program compile(Formula formula) {
        return new Compiler(formula).compile();
    }

    /** The number of variables, n (also the number of input slots). */
    public int variableCount() {
        return variableCount;
    }

    /** The number of slots. */
    public int size() {
        return code.length;
    }

    /** The number of outputs, m. */
    public int outputCount() {
        return outputs.length;
    }

    /** The slot that holds output {@code k}. */
    public int outputSlot(int k) {
        return outputs[k];
    }

    /** Whether {@code slot} is an input (slot j is variable j). */
    public boolean isInput(int slot) {
        return code[slot] == INPUT;
    }

    /** Whether {@code slot} is a constant. */
    public boolean isConstant(int slot) {
        return code[slot] == CONSTANT;
    }

    /** Whether {@code slot} is an instruction (neither input nor constant). */
    public boolean isInstruction(int slot) {
        return code[slot] >= 0;
    }

    /** The value of a constant slot (NaN for other slots). */
    public double constant(int slot) {
        return constants[slot];
    }

    /** The operation of an instruction slot, or null for inputs and constants. */
    public Op op(int slot) {
        int c = code[slot];
        return c >= 0 ? OPS[c] : null;
    }

    /** The number of operands of {@code slot} (0 for inputs and constants). */
    public int operandCount(int slot) {
        return operandStart[slot + 1] - operandStart[slot];
    }

    /** Operand {@code k} of {@code slot}: an earlier slot. */
    public int operand(int slot, int k) {
        return operands[operandStart[slot] + k];
    }

    /** The variables {@code slot} structurally depends on, sorted ascending (a new array). */
    public int[] dependencies(int slot) {
        return dependencies[slot].clone();
    }

    /** The number of variables {@code slot} structurally depends on. */
    public int dependencyCount(int slot) {
        return dependencies[slot].length;
    }

    /** Whether {@code slot} structurally depends on variable {@code variable}. */
    public boolean dependsOn(int slot, int variable) {
        return Arrays.binarySearch(dependencies[slot], variable) >= 0;
    }

    /**
     * The slots that depend on at least one variable in {@code [from, to)}, in execution order: what
     * a forward-mode pass over that chunk of variables must execute.
     */
    public int[] slotsDependingOn(int from, int to) {
        int[] out = new int[code.length];
        int k = 0;
        for (int s = 0; s < code.length; s++) {
            int[] d = dependencies[s];
            int i = Arrays.binarySearch(d, from);
            if (i < 0) {
                i = -i - 1;
            }
            if (i < d.length && d[i] < to) {
                out[k++] = s;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * Evaluates every output at {@code point} with the reference {@code double} interpreter.
     *
     * @throws dev.partials.PartialsException DIMENSION_MISMATCH for a point of the wrong length
     */
    public double[] evaluate(double... point) {
        double[] out = new double[outputs.length];
        evaluate(point, new double[code.length], out);
        return out;
    }

    /**
     * Evaluates into caller arrays, allocating nothing: {@code work} holds one value per slot
     * ({@code work.length >= size()}) and keeps them afterwards; outputs go to {@code out[0..m)}.
     * Values outside a function's domain are NaN, never an exception.
     */
    public void evaluate(double[] point, double[] work, double[] out) {
        if (point.length != variableCount) {
            throw dev.partials.PartialsException.builder(dev.partials.PartialsException.Kind.DIMENSION_MISMATCH,
                    "the point has " + point.length + " coordinate(s) but the program has " + variableCount
                            + " variable(s)").order(point.length).build();
        }
        System.arraycopy(point, 0, work, 0, variableCount);
        for (int s = variableCount; s < code.length; s++) {
            work[s] = execute(s, work);
        }
        for (int k = 0; k < outputs.length; k++) {
            out[k] = work[outputs[k]];
        }
    }

    /** The value of slot {@code s} given the values of all earlier slots in {@code work}. */
    private double execute(int s, double[] work) {
        int c = code[s];
        if (c == CONSTANT) {
            return constants[s];
        }
        int start = operandStart[s];
        Op op = OPS[c];
        if (op == Op.ADD) {
            double sum = work[operands[start]];
            for (int i = start + 1, end = operandStart[s + 1]; i < end; i++) {
                sum += work[operands[i]];
            }
            return sum;
        }
        return op.arity() == 1
                ? op.apply(work[operands[start]])
                : op.apply(work[operands[start]], work[operands[start + 1]]);
    }

    /** The program as text, one slot a line, as in the class documentation. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < code.length; s++) {
            sb.append('s').append(s).append(" = ");
            if (isInput(s)) {
                sb.append("input ").append(s);
            } else if (isConstant(s)) {
                sb.append(constants[s]);
            } else {
                Op op = op(s);
                sb.append(op.name().toLowerCase(java.util.Locale.ROOT)).append('(');
                for (int k = 0; k < operandCount(s); k++) {
                    sb.append(k == 0 ? "" : ", ").append('s').append(operand(s, k));
                }
                sb.append(')');
                sb.append("  deps ").append(Arrays.toString(dependencies[s]));
            }
            sb.append('\n');
        }
        for (int k = 0; k < outputs.length; k++) {
            sb.append("output ").append(k).append(" = s").append(outputs[k]).append('\n');
        }
        return sb.toString();
    }

    /** Value-numbering compiler: one pass over the DAG in post order. */
    private static final class Compiler {
        private final Formula formula;
        private final int n;
        private final List<Integer> code = new ArrayList<>();
        private final List<int[]> slotOperands = new ArrayList<>();
        private final List<Double> constants = new ArrayList<>();
        private final List<int[]> deps = new ArrayList<>();
        private final Map<Key, Integer> numbering = new HashMap<>();
        private final Map<Long, Integer> constantSlots = new HashMap<>();
        private final IdentityHashMap<Expression, Integer> slotOf = new IdentityHashMap<>();
        private final int[] mark;
        private int markEpoch;
        private static final int[] NONE = new int[0];

        private record Key(int code, int[] operands) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && k.code == code && Arrays.equals(k.operands, operands);
            }

            @Override
            public int hashCode() {
                return code * 31 + Arrays.hashCode(operands);
            }
        }

        Compiler(Formula formula) {
            this.formula = formula;
            this.n = formula.dimension();
            this.mark = new int[n];
        }

        Program compile() {
            for (int j = 0; j < n; j++) {
                code.add(INPUT);
                slotOperands.add(NONE);
                constants.add(Double.NaN);
                deps.add(new int[] {j});
            }
            List<Expression> roots = formula.outputs();
            List<Expression> order = Traversal.postOrder(roots);
            // Sums absorbed into an enclosing n-ary sum: ADD nodes used exactly once, by an ADD.
            IdentityHashMap<Expression, Integer> uses = new IdentityHashMap<>();
            for (Expression e : roots) {
                uses.merge(e, 2, Integer::sum); // an output is never absorbed
            }
            for (Expression e : order) {
                for (Expression o : Traversal.operands(e)) {
                    uses.merge(o, 1, Integer::sum);
                }
            }
            IdentityHashMap<Expression, Boolean> absorbed = new IdentityHashMap<>();
            for (Expression e : order) {
                if (isAdd(e)) {
                    Binary b = (Binary) e;
                    for (Expression o : List.of(b.left(), b.right())) {
                        if (isAdd(o) && uses.get(o) == 1) {
                            absorbed.put(o, Boolean.TRUE);
                        }
                    }
                }
            }
            for (Expression e : order) {
                if (!absorbed.containsKey(e)) {
                    slotOf.put(e, compileNode(e, absorbed));
                }
            }
            int[] outs = new int[roots.size()];
            for (int k = 0; k < outs.length; k++) {
                outs[k] = slotOf.get(roots.get(k));
            }
            int size = code.size();
            int[] codeArr = new int[size];
            int[] start = new int[size + 1];
            int total = 0;
            for (int s = 0; s < size; s++) {
                codeArr[s] = code.get(s);
                start[s] = total;
                total += slotOperands.get(s).length;
            }
            start[size] = total;
            int[] ops = new int[total];
            double[] consts = new double[size];
            int[][] depArr = new int[size][];
            for (int s = 0; s < size; s++) {
                int[] o = slotOperands.get(s);
                System.arraycopy(o, 0, ops, start[s], o.length);
                consts[s] = constants.get(s);
                depArr[s] = deps.get(s);
            }
            return new Program(n, codeArr, start, ops, consts, outs, depArr);
        }

        private static boolean isAdd(Expression e) {
            return e instanceof Binary b && b.op() == Op.ADD;
        }

        private int compileNode(Expression e, IdentityHashMap<Expression, Boolean> absorbed) {
            return switch (e) {
                case Constant c -> constantSlot(c.value().doubleValue());
                case MathConstant c -> constantSlot(c.doubleValue());
                case Variable v -> formula.indexOf(v.name());
                case Unary u -> instruction(u.op(), new int[] {slotOf.get(u.operand())});
                case Binary b when b.op() == Op.ADD -> instruction(Op.ADD, sumTerms(b, absorbed));
                case Binary b -> instruction(b.op(), new int[] {slotOf.get(b.left()), slotOf.get(b.right())});
            };
        }

        /** The terms of a flattened sum, left to right, expanding absorbed sums iteratively. */
        private int[] sumTerms(Binary root, IdentityHashMap<Expression, Boolean> absorbed) {
            List<Integer> terms = new ArrayList<>();
            ArrayList<Expression> stack = new ArrayList<>();
            stack.add(root.right());
            stack.add(root.left());
            while (!stack.isEmpty()) {
                Expression e = stack.remove(stack.size() - 1);
                if (absorbed.containsKey(e)) {
                    Binary b = (Binary) e;
                    stack.add(b.right());
                    stack.add(b.left());
                } else {
                    terms.add(slotOf.get(e));
                }
            }
            int[] t = new int[terms.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = terms.get(i);
            }
            return t;
        }

        private int constantSlot(double value) {
            long bits = Double.doubleToRawLongBits(value);
            Integer s = constantSlots.get(bits);
            if (s != null) {
                return s;
            }
            int slot = code.size();
            code.add(CONSTANT);
            slotOperands.add(NONE);
            constants.add(value);
            deps.add(NONE);
            constantSlots.put(bits, slot);
            return slot;
        }

        private int instruction(Op op, int[] args) {
            boolean allConstant = true;
            for (int a : args) {
                allConstant &= code.get(a) == CONSTANT;
            }
            if (allConstant) {
                double v;
                if (op == Op.ADD) {
                    v = constants.get(args[0]);
                    for (int i = 1; i < args.length; i++) {
                        v += constants.get(args[i]);
                    }
                } else if (args.length == 1) {
                    v = op.apply(constants.get(args[0]));
                } else {
                    v = op.apply(constants.get(args[0]), constants.get(args[1]));
                }
                return constantSlot(v);
            }
            Key key = new Key(op.ordinal(), args);
            Integer existing = numbering.get(key);
            if (existing != null) {
                return existing;
            }
            int slot = code.size();
            code.add(op.ordinal());
            slotOperands.add(args);
            constants.add(Double.NaN);
            deps.add(union(args));
            numbering.put(key, slot);
            return slot;
        }

        /** The sorted union of the operands' dependency sets; shares an operand's array when possible. */
        private int[] union(int[] args) {
            int[] largest = NONE;
            for (int a : args) {
                if (deps.get(a).length > largest.length) {
                    largest = deps.get(a);
                }
            }
            markEpoch++;
            int count = 0;
            for (int a : args) {
                for (int v : deps.get(a)) {
                    if (mark[v] != markEpoch) {
                        mark[v] = markEpoch;
                        count++;
                    }
                }
            }
            if (count == largest.length) {
                return largest;
            }
            int[] out = new int[count];
            int k = 0;
            for (int a : args) {
                for (int v : deps.get(a)) {
                    if (mark[v] == markEpoch) {
                        out[k++] = v;
                        mark[v] = -markEpoch; // collected: differs from every epoch
                    }
                }
            }
            Arrays.sort(out);
            return out;
        }
    }
}
