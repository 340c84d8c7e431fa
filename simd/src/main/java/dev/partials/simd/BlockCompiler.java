package dev.partials.simd;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Generates, for one {@link Plan}, a hidden class whose {@link BlockCode#run} runs the plan's value
 * pass and tangent passes over the lane groups of a batch as straight-line code: every value, local
 * partial and tangent of a lane group is a {@code DoubleVector} in a local variable (in vector
 * registers once the JIT has compiled it), where the interpreter of {@link SimdDerivatives} goes
 * through rows of a workspace in memory for every operation.
 *
 * <h2>Same results as the interpreter</h2>
 * The code calls the functions of {@link Lanes} that the row kernels of {@link Kernels} call, in the
 * order of the interpreter: operation by operation in the value pass, and in a tangent pass entry by
 * entry, term by term, with the same aliases ({@link TangentPlan#phys}), products rounded before they
 * are added. So generated code and interpreter agree bit for bit (checked by {@code BlockCompilerTests}).
 *
 * <h2>Code shape</h2>
 * C2 keeps a vector in a register only when it inlines every vector operation that touches it, and it
 * stops inlining in a method after a few dozen vector operations (its node budget,
 * {@code NodeCountInliningCutoff}); a vector operation that is not inlined allocates an object. So the
 * operations (calls of {@link Lanes}, loads and stores) are cut, in order, into static methods of at
 * most {@link #METHOD_OPERATIONS}, each with its own loop over the lane groups of a stretch of at most
 * {@link #MAX_STRETCH} points; {@code run} calls them in order, stretch by stretch. A value one method
 * computes and a later one reads goes through the caller's {@code state} array (one row of a
 * stretch's lanes per such value; a plan that fits one method needs none). The statements are
 * scheduled so that few values cross methods: depth first from the stores ({@link #depthFirst}), or
 * that order with each statement moved up to right after its operands ({@link #eager}), whichever
 * cut needs fewer state rows. Plans with more than {@link #MAX_OPERATIONS} operations, a generated
 * method C2 would refuse to compile (over 8,000 bytes), or an operation without a lane-wise rule
 * ({@link Layout#SCALAR}) are not compiled: the caller keeps its interpreter.
 *
 * <h2>Checking the coordinates</h2>
 * The first method that loads an input column also adds {@code x − x} into a vector sum
 * ({@link Lanes#addNonFinite}; 0 while every coordinate is finite, NaN after a NaN or infinity) and
 * returns its lanes' sum; {@code run} adds up its methods' sums and stops after a stretch whose sum is
 * not 0. So a batch is checked while its coordinates are in registers, not in a pass of its own over
 * memory; {@link Compiled#checks} says which columns the code reads (the caller scans the others).
 */
final class BlockCompiler {

    /** C2's HugeMethodLimit: methods above it are never compiled. */
    static final int HUGE_METHOD = 8_000;

    /**
     * Vector operations per generated method ({@link #weight}), loads included. On rosenbrock-10
     * (additions and products), C2 (JDK 25) boxed vectors from 40 per method on (PrintInlining:
     * "NodeCountInliningCutoff"; JMH -prof gc: 72 B per point at 40, 168 at 48, 0 at 16 to 32).
     */
    static final int METHOD_OPERATIONS = 30;

    /** The most statements (vector operations and stores) compiled: {@code run} calls each method in 14 bytes. */
    static final int MAX_OPERATIONS = 8_000;

    /** C2's FreqInlineSize: a hot method up to this many bytes of bytecode is inlined into its caller. */
    static final int FREQ_INLINE_SIZE = 325;

    /**
     * Points per stretch at most: every method runs over one stretch before the next method starts.
     * Longer stretches stream the columns better (the batch loop reads and writes 2n + 1 columns); the
     * state of a stretch is kept within {@link #STATE_BUDGET} bytes per thread, at least
     * {@link #MIN_STRETCH} points. Measured on Rosenbrock-10 (35 state rows), one thread, ns per point:
     * state budget 16 KB 32-36, 128 KB 31-33, 1 MB 24-26 (stretch 2,048), 4 MB with stretches up to
     * 16,384: 37-39.
     */
    static final int MAX_STRETCH = 2_048;
    static final int MIN_STRETCH = 64;
    static final int STATE_BUDGET = 1024 * 1024;

    /**
     * A compiled plan: its code, the length of the {@code state} array it needs (0: none), for tests
     * and diagnostics its shape (methods, statements, and the points per stretch), and per variable
     * whether the code checks its column.
     */
    record Compiled(BlockCode code, int stateSize, int methods, int operations, int stretch,
                    boolean[] checkedVariables) {

        /** Whether the code checks the column of {@code variable} ({@link BlockCode#run}). */
        boolean checks(int variable) {
            return variable < checkedVariables.length && checkedVariables[variable];
        }
    }

    private static final ClassDesc CD_SELF = ClassDesc.of("dev.partials.simd.GeneratedBlock");
    private static final ClassDesc CD_CODE = ClassDesc.of("dev.partials.simd.BlockCode");
    private static final ClassDesc CD_LANES = ClassDesc.of("dev.partials.simd.Lanes");
    private static final ClassDesc CD_VECTOR = ClassDesc.of("jdk.incubator.vector.DoubleVector");
    private static final ClassDesc CD_DOUBLES = CD_double.arrayType();
    private static final ClassDesc CD_COLUMNS = CD_DOUBLES.arrayType();
    private static final MethodTypeDesc MTD_RUN = MethodTypeDesc.of(CD_double, CD_COLUMNS, CD_COLUMNS, CD_COLUMNS,
            CD_DOUBLES, CD_int, CD_int);
    private static final MethodTypeDesc MTD_SUM = MethodTypeDesc.of(CD_double, CD_VECTOR);
    private static final MethodTypeDesc MTD_V = MethodTypeDesc.of(CD_VECTOR, CD_VECTOR);
    private static final MethodTypeDesc MTD_VV = MethodTypeDesc.of(CD_VECTOR, CD_VECTOR, CD_VECTOR);
    private static final MethodTypeDesc MTD_VVV = MethodTypeDesc.of(CD_VECTOR, CD_VECTOR, CD_VECTOR, CD_VECTOR);
    private static final MethodTypeDesc MTD_VD = MethodTypeDesc.of(CD_VECTOR, CD_VECTOR, CD_double);
    private static final MethodTypeDesc MTD_SPLAT = MethodTypeDesc.of(CD_VECTOR, CD_double);
    private static final MethodTypeDesc MTD_LOAD = MethodTypeDesc.of(CD_VECTOR, CD_DOUBLES, CD_int);
    private static final MethodTypeDesc MTD_STORE = MethodTypeDesc.of(CD_void, CD_VECTOR, CD_DOUBLES, CD_int);

    // parameters of the generated static methods (run has `this` first and the same ones after it)
    private static final int POINTS = 0;
    private static final int VALUES = 1;
    private static final int OUT = 2;
    private static final int STATE = 3;
    private static final int FROM = 4;
    private static final int TO = 5;
    private static final int P = 6;       // the lane group's first point
    private static final int OFFSET = 7;  // p − from: its lane offset in a state row
    private static final int FIRST_LOCAL = 8;

    // sources of values
    private static final int INPUT = 0;
    private static final int CONSTANT = 1;
    private static final int COMPUTED = 2;

    // statements
    private static final int CALL = 0;
    private static final int STORE_VALUE = 1;
    private static final int STORE_OUT = 2;

    private final Layout lay;
    private final Plan plan;
    private final boolean tangents;

    // values, in SSA form: each write of a row is a new value
    private int values;
    private int[] source = new int[256];
    /** INPUT: index into plan.inputs; CONSTANT: index into constants; COMPUTED: the statement. */
    private int[] sourceIndex = new int[256];
    private double[] constants = new double[16];
    private int constantCount;
    private final Map<Long, Integer> constantValue = new HashMap<>();
    /** Per workspace row, the value it holds now (−1: not written yet). */
    private final int[] rowValue;
    /**
     * Per value: recomputed by a later method that reads it, rather than passed through the state: an
     * exact operation (±, ×, ÷, negation, doubling) of inputs and constants, which gives the same bits
     * in every method and every JIT tier.
     */
    private boolean[] remat = new boolean[0];

    // statements, in execution order
    private int statements;
    private int[] kind = new int[256];
    private String[] name = new String[256];
    private MethodTypeDesc[] type = new MethodTypeDesc[256];
    private int[][] args = new int[256][];
    private double[] constant = new double[256];
    /** CALL: the value it computes; stores: the column (the output q, or the column of out). */
    private int[] target = new int[256];

    private BlockCompiler(Layout lay, Plan plan, boolean tangents) {
        this.lay = lay;
        this.plan = plan;
        this.tangents = tangents;
        this.rowValue = new int[lay.valueRows + plan.tangentRows];
        Arrays.fill(rowValue, -1);
    }

    /**
     * The generated code of {@code plan}: its values, and with {@code tangents} the derivatives of its
     * outputs, stored into columns {@code out[k·n + v]} for output k; null when the plan is not
     * compiled (too large, or an operation without a lane-wise rule) or generation failed.
     */
    static Compiled compile(Layout lay, Plan plan, boolean tangents) {
        for (int s : plan.instructions) {
            if (lay.code[s] == Layout.SCALAR) {
                return null;
            }
        }
        BlockCompiler compiler = new BlockCompiler(lay, plan, tangents);
        try {
            compiler.statements();
        } catch (TooLarge e) {
            return null;
        }
        return compiler.generate();
    }

    /** Thrown while planning when the code would exceed {@link #MAX_OPERATIONS}. */
    @SuppressWarnings("serial") // never serialized
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Planning: the statements, as the interpreter runs the plan

    private void statements() {
        for (int i = 0; i < plan.inputs.length; i++) {
            rowValue[plan.inputs[i]] = value(INPUT, i);
        }
        boolean[] live = lay.live(plan.outputs);
        for (int s = 0; s < lay.size; s++) {
            if (live[s] && lay.code[s] == Layout.CONSTANT) {
                rowValue[s] = constantValue(lay.program.constant(s));
            }
        }
        if (tangents) {
            rowValue[lay.ones] = constantValue(1.0);
            rowValue[lay.minusOnes] = constantValue(-1.0);
        }
        for (int s : plan.instructions) {
            instruction(s);
        }
        for (int q = 0; q < plan.outputs.length; q++) {
            store(STORE_VALUE, q, row(plan.outSlots[q]));
        }
        if (tangents) {
            for (TangentPlan t : plan.chunks) {
                tangentPass(t);
                for (int q = 0; q < plan.outputs.length; q++) {
                    for (int v = 0; v < t.width; v++) {
                        int row = t.outputRow(q, v);
                        store(STORE_OUT, plan.outputs[q] * lay.n + t.from + v,
                                row >= 0 ? row(row) : constantValue(0.0));
                    }
                }
            }
        }
    }

    /** The value of slot s and, with tangents, its stored local partials: as {@code valuePass} calls the kernels. */
    private void instruction(int s) {
        int st = lay.argStart[s];
        int a = lay.args[st];
        int b = lay.argStart[s + 1] - st == 2 ? lay.args[st + 1] : -1;
        int pl = tangents ? lay.pl[s] : -1;
        int pr = tangents ? lay.pr[s] : -1;
        switch (lay.code[s]) {
            case Layout.ADD2 -> set(s, call("add", MTD_VV, row(a), row(b)));
            case Layout.ADDN -> {
                int acc = row(a);
                for (int k = st + 1; k < lay.argStart[s + 1]; k++) {
                    acc = call("add", MTD_VV, acc, row(lay.args[k]));
                }
                set(s, acc);
            }
            case Layout.SUB -> set(s, call("sub", MTD_VV, row(a), row(b)));
            case Layout.NEG -> set(s, call("neg", MTD_V, row(a)));
            case Layout.MUL -> set(s, call("mul", MTD_VV, row(a), row(b)));
            case Layout.DIV -> {
                int v = call("div", MTD_VV, row(a), row(b));
                set(s, v);
                if (pl >= 0) {
                    set(pl, call("divLeft", MTD_V, row(b)));
                }
                if (pr >= 0) {
                    set(pr, call("divRight", MTD_VV, v, row(b)));
                }
            }
            case Layout.POW -> {
                int v = call("pow", MTD_VV, row(a), row(b));
                set(s, v);
                if (pl >= 0) {
                    set(pl, call("powLeft", MTD_VV, row(a), row(b)));
                }
                if (pr >= 0) {
                    set(pr, call("powRight", MTD_VVV, row(a), row(b), v));
                }
            }
            case Layout.POW_SQUARE -> {
                set(s, call("mul", MTD_VV, row(a), row(a)));
                if (pl >= 0) {
                    set(pl, call("twice", MTD_V, row(a)));
                }
            }
            case Layout.POW_CONST -> {
                // as Kernels.powConstant: c = 0 and c = 1 are decided once
                double c = lay.exponent[s];
                if (c == 0.0 || c == 1.0) {
                    set(s, c == 0.0 ? constantValue(1.0) : row(a));
                    if (pl >= 0) {
                        set(pl, constantValue(c));
                    }
                } else {
                    set(s, callWith("powConstant", c, row(a)));
                    if (pl >= 0) {
                        set(pl, callWith("powConstantPartial", c, row(a)));
                    }
                }
            }
            case Layout.ATAN2 -> binaryWithPartials("atan2", s, a, b, pl, pr);
            case Layout.MIN -> binaryWithPartials("min", s, a, b, pl, pr);
            case Layout.MAX -> binaryWithPartials("max", s, a, b, pl, pr);
            case Layout.SIN -> unaryWithPartial("sin", "cos", false, s, a, pl);
            case Layout.COS -> unaryWithPartial("cos", "minusSin", false, s, a, pl);
            case Layout.TAN -> unaryWithPartial("tan", "tanPartial", true, s, a, pl);
            case Layout.ASIN -> unaryWithPartial("asin", "asinPartial", false, s, a, pl);
            case Layout.ACOS -> unaryWithPartial("acos", "acosPartial", false, s, a, pl);
            case Layout.ATAN -> unaryWithPartial("atan", "atanPartial", false, s, a, pl);
            case Layout.SINH -> unaryWithPartial("sinh", "cosh", false, s, a, pl);
            case Layout.COSH -> unaryWithPartial("cosh", "sinh", false, s, a, pl);
            case Layout.TANH -> unaryWithPartial("tanh", "tanhPartial", false, s, a, pl);
            case Layout.EXP -> set(s, call("exp", MTD_V, row(a)));
            case Layout.LOG -> unaryWithPartial("log", "logPartial", false, s, a, pl);
            case Layout.SQRT -> unaryWithPartial("sqrt", "sqrtPartial", true, s, a, pl);
            case Layout.ABS -> unaryWithPartial("abs", "absPartial", false, s, a, pl);
            case Layout.RELU -> unaryWithPartial("relu", "reluPartial", false, s, a, pl);
            case Layout.SIGMOID -> {
                int e = call("expMinusAbs", MTD_V, row(a));
                set(s, call("sigmoid", MTD_VV, row(a), e));
                if (pl >= 0) {
                    set(pl, call("sigmoidPartial", MTD_V, e));
                }
            }
            case Layout.SOFTPLUS -> {
                int e = call("expMinusAbs", MTD_V, row(a));
                set(s, call("softplus", MTD_VV, row(a), e));
                if (pl >= 0) {
                    set(pl, call("sigmoid", MTD_VV, row(a), e));
                }
            }
            default -> throw new IllegalStateException("no lane-wise rule for kernel code " + lay.code[s]);
        }
    }

    private void binaryWithPartials(String op, int s, int a, int b, int pl, int pr) {
        set(s, call(op, MTD_VV, row(a), row(b)));
        if (pl >= 0) {
            set(pl, call(op + "Left", MTD_VV, row(a), row(b)));
        }
        if (pr >= 0) {
            set(pr, call(op + "Right", MTD_VV, row(a), row(b)));
        }
    }

    /** A unary operation; its partial from the argument, or from the value when {@code ofValue}. */
    private void unaryWithPartial(String op, String partial, boolean ofValue, int s, int a, int pl) {
        int v = call(op, MTD_V, row(a));
        set(s, v);
        if (pl >= 0) {
            set(pl, call(partial, MTD_V, ofValue ? v : row(a)));
        }
    }

    /** One tangent pass, as {@code SimdDerivatives.tangentPass} runs it (a copy is the same value). */
    private void tangentPass(TangentPlan t) {
        for (int e = 0; e < t.mask.length; e++) {
            int row = t.base[e];
            for (long bits = t.mask[e]; bits != 0; bits &= bits - 1, row++) {
                if (!t.computed[row]) {
                    continue;
                }
                int v = Long.numberOfTrailingZeros(bits);
                long below = (1L << v) - 1;
                int acc = -1;
                for (int k = t.termStart[e]; k < t.termStart[e + 1]; k++) {
                    long mo = t.termMask[k];
                    if ((mo >>> v & 1) == 0) {
                        continue;
                    }
                    int tangent = row(t.phys[t.termBase[k] + Long.bitCount(mo & below)]);
                    int partial = t.termPartial[k];
                    if (t.linear[e]) {
                        if (acc < 0) {
                            acc = partial > 0 ? tangent : call("neg", MTD_V, tangent);
                        } else {
                            acc = call(partial > 0 ? "add" : "sub", MTD_VV, acc, tangent);
                        }
                    } else {
                        int product = call("mul", MTD_VV, row(partial), tangent);
                        acc = acc < 0 ? product : call("add", MTD_VV, acc, product);
                    }
                }
                set(t.phys[row], acc);
            }
        }
    }

    private int row(int row) {
        int v = rowValue[row];
        if (v < 0) {
            throw new IllegalStateException("row " + row + " is read before it is written");
        }
        return v;
    }

    private void set(int row, int value) {
        rowValue[row] = value;
    }

    private int value(int from, int index) {
        if (values == source.length) {
            source = Arrays.copyOf(source, values * 2);
            sourceIndex = Arrays.copyOf(sourceIndex, values * 2);
        }
        source[values] = from;
        sourceIndex[values] = index;
        return values++;
    }

    private int constantValue(double c) {
        return constantValue.computeIfAbsent(Double.doubleToRawLongBits(c), bits -> {
            if (constantCount == constants.length) {
                constants = Arrays.copyOf(constants, constantCount * 2);
            }
            constants[constantCount] = c;
            return value(CONSTANT, constantCount++);
        });
    }

    private int call(String op, MethodTypeDesc desc, int... operands) {
        int st = statement(CALL, op, desc, operands, 0.0);
        int v = value(COMPUTED, st);
        target[st] = v;
        return v;
    }

    /** A call with a constant double as its last argument ({@code (vector, double) → vector}). */
    private int callWith(String op, double c, int operand) {
        int st = statement(CALL, op, MTD_VD, new int[] {operand}, c);
        int v = value(COMPUTED, st);
        target[st] = v;
        return v;
    }

    private void store(int storeKind, int column, int value) {
        int st = statement(storeKind, null, null, new int[] {value}, 0.0);
        target[st] = column;
    }

    private int statement(int k, String op, MethodTypeDesc desc, int[] operands, double c) {
        if (statements == MAX_OPERATIONS) {
            throw new TooLarge();
        }
        if (statements == kind.length) {
            int len = statements * 2;
            kind = Arrays.copyOf(kind, len);
            name = Arrays.copyOf(name, len);
            type = Arrays.copyOf(type, len);
            args = Arrays.copyOf(args, len);
            constant = Arrays.copyOf(constant, len);
            target = Arrays.copyOf(target, len);
        }
        kind[statements] = k;
        name[statements] = op;
        type[statements] = desc;
        args[statements] = operands;
        constant[statements] = c;
        return statements++;
    }

    // ------------------------------------------------------------------------------------------------
    // Generation

    /**
     * The vector operations in a call of the {@link Lanes} function {@code name} (compares, blends and
     * broadcasts included; a transcendental function counts 2): what it adds to C2's node budget.
     */
    static int weight(String name) {
        return switch (name) {
            case "add", "sub", "mul", "neg", "div", "twice", "sqrt", "abs" -> 1;
            case "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "atan2",
                 "divLeft", "divRight", "minusSin", "sqrtPartial", "relu", "powConstant" -> 2;
            case "tanPartial", "atanPartial", "expMinusAbs" -> 3;
            case "asinPartial", "acosPartial", "logPartial", "sigmoidPartial", "softplus", "powConstantPartial" -> 4;
            case "sigmoid", "reluPartial", "atan2Left" -> 5;
            case "atan2Right", "powRight", "min", "max", "tanhPartial" -> 6;
            case "minLeft", "minRight", "maxLeft", "maxRight", "absPartial" -> 7;
            case "pow" -> 9;
            case "powLeft" -> 13;
            default -> throw new IllegalArgumentException("no weight for Lanes." + name);
        };
    }

    /**
     * Cuts the statements, in order, into methods of at most {@link #METHOD_OPERATIONS} vector
     * operations: a statement's own ({@link #weight}; a store is 1), plus a load for each operand the
     * method has not loaded or computed yet. Returns the first statement of every method, and
     * {@code statements} last.
     */
    private int[] cut() {
        int[] starts = new int[statements + 1];
        int methods = 0;
        int[] seen = new int[values]; // the method (+ 1) that has value v in a local
        boolean[] checked = new boolean[plan.inputs.length]; // input columns whose first load is counted
        int operations = 0;
        for (int st = 0; st < statements; st++) {
            int own = kind[st] == CALL ? weight(name[st]) : 1;
            int cost = own + fetchCost(args[st], seen, checked, methods);
            if (methods == 0 || operations > 0 && operations + cost > METHOD_OPERATIONS) {
                starts[methods++] = st;
                operations = 0;
                cost = own + fetchCost(args[st], seen, checked, methods);
            }
            operations += cost;
            for (int v : args[st]) {
                seen[v] = methods;
                if (source[v] == INPUT) {
                    checked[sourceIndex[v]] = true;
                }
                if (remat[v]) {
                    for (int a : args[sourceIndex[v]]) {
                        seen[a] = methods;
                        if (source[a] == INPUT) {
                            checked[sourceIndex[a]] = true;
                        }
                    }
                }
            }
            if (kind[st] == CALL) {
                seen[target[st]] = methods;
            }
        }
        if (methods == 0) {
            starts[methods++] = 0;
        }
        starts[methods] = statements;
        return Arrays.copyOf(starts, methods + 1);
    }

    /**
     * The vector operations that make {@code operands} available in the current method ({@code methods}):
     * a load for each one it has not seen (from a column or the state), or for a recomputed value its
     * operation and the loads of its inputs; the first load of an input column also checks it (2 more,
     * {@link Lanes#addNonFinite}). Counted as if the method did not have them yet.
     */
    private int fetchCost(int[] operands, int[] seen, boolean[] checked, int methods) {
        int cost = 0;
        for (int v : operands) {
            if (source[v] == CONSTANT || seen[v] == methods) {
                continue;
            }
            if (remat[v]) {
                int st = sourceIndex[v];
                cost += weight(name[st]);
                for (int a : args[st]) {
                    cost += source[a] != CONSTANT && seen[a] != methods ? 1 : 0;
                    cost += source[a] == INPUT && !checked[sourceIndex[a]] ? 2 : 0;
                }
            } else {
                cost += source[v] == INPUT && !checked[sourceIndex[v]] ? 3 : 1;
            }
        }
        return cost;
    }

    /**
     * The statements (indices in plan order) depth first from the stores (derivative columns first, then
     * values): each statement right after the ones it reads, so that what a derivative needs is computed
     * together, and few values cross a method boundary (the plan order computes every value first and
     * every tangent after). Values are in SSA form, so any order that computes operands first gives the
     * same results. Statements no store needs are left out.
     */
    private int[] depthFirst() {
        int[] producer = new int[values];
        for (int st = 0; st < statements; st++) {
            if (kind[st] == CALL) {
                producer[target[st]] = st;
            }
        }
        boolean[] visited = new boolean[statements];
        int[] order = new int[statements];
        int ordered = 0;
        int[] stack = new int[statements];
        int[] next = new int[statements];
        for (int pass : new int[] {STORE_OUT, STORE_VALUE}) {
            for (int root = 0; root < statements; root++) {
                if (kind[root] != pass) {
                    continue;
                }
                int sp = 0;
                stack[sp++] = root;
                visited[root] = true;
                next[root] = 0;
                while (sp > 0) {
                    int st = stack[sp - 1];
                    if (next[st] < args[st].length) {
                        int v = args[st][next[st]++];
                        if (source[v] == COMPUTED && !visited[producer[v]]) {
                            int p = producer[v];
                            visited[p] = true;
                            next[p] = 0;
                            stack[sp++] = p;
                        }
                    } else {
                        sp--;
                        order[ordered++] = st;
                    }
                }
            }
        }
        return Arrays.copyOf(order, ordered);
    }

    /** The planned statements, in plan order, while {@link #generate} tries schedules. */
    private record Planned(int[] kind, MethodTypeDesc[] type, String[] name, double[] constant, int[] target,
                           int[][] args) {
    }

    /** Puts the planned statements in {@code order} (a schedule; statements it leaves out are dropped). */
    private void apply(Planned planned, int[] order) {
        kind = permute(planned.kind, order, order.length);
        type = permute(planned.type, order, order.length);
        name = permute(planned.name, order, order.length);
        constant = permute(planned.constant, order, order.length);
        target = permute(planned.target, order, order.length);
        args = permute(planned.args, order, order.length);
        statements = order.length;
        for (int st = 0; st < statements; st++) {
            if (kind[st] == CALL) {
                sourceIndex[target[st]] = st;
            }
        }
    }

    /**
     * The depth-first {@code order} changed so that a statement comes right after the last statement it
     * reads a computed value from, and so on for the statements that read its value: what a value feeds
     * is computed while the value is still in a register, rather than where the depth-first walk from a
     * later store reaches it. On Rosenbrock-10 the value's sum of squares, computed last, read 9 values of
     * the first methods through the state: 26 state rows depth first, 16 so; but a statement that
     * also waits for another operand holds its result longer, which can need more rows (every-operation:
     * 30 → 42), hence {@link #generate} keeps the better of the two.
     */
    private int[] eager(int[] order) {
        int ordered = order.length;
        int[] count = new int[values];
        int[] missing = new int[statements];
        for (int i = 0; i < ordered; i++) {
            int st = order[i];
            for (int v : args[st]) {
                if (source[v] == COMPUTED) {
                    count[v]++;
                    missing[st]++;
                }
            }
        }
        int[][] consumers = new int[values][];
        for (int v = 0; v < values; v++) {
            consumers[v] = new int[count[v]];
            count[v] = 0;
        }
        for (int i = 0; i < ordered; i++) {
            int st = order[i];
            for (int v : args[st]) {
                if (source[v] == COMPUTED) {
                    consumers[v][count[v]++] = st;
                }
            }
        }
        boolean[] emitted = new boolean[statements];
        int[] result = new int[ordered];
        int r = 0;
        int[] stack = new int[ordered + 1];
        for (int i = 0; i < ordered; i++) {
            if (emitted[order[i]]) {
                continue;
            }
            int sp = 0;
            stack[sp++] = order[i];
            while (sp > 0) {
                int st = stack[--sp];
                if (emitted[st]) {
                    continue;
                }
                emitted[st] = true;
                result[r++] = st;
                if (kind[st] != CALL) {
                    continue;
                }
                int[] cs = consumers[target[st]];
                for (int k = cs.length - 1; k >= 0; k--) {
                    int c = cs[k];
                    if (--missing[c] == 0 && !emitted[c]) {
                        stack[sp++] = c;
                    }
                }
            }
        }
        return result;
    }

    private static int[] permute(int[] a, int[] order, int count) {
        int[] b = new int[count];
        for (int i = 0; i < count; i++) {
            b[i] = a[order[i]];
        }
        return b;
    }

    private static double[] permute(double[] a, int[] order, int count) {
        double[] b = new double[count];
        for (int i = 0; i < count; i++) {
            b[i] = a[order[i]];
        }
        return b;
    }

    private static <T> T[] permute(T[] a, int[] order, int count) {
        T[] b = Arrays.copyOf(a, count);
        for (int i = 0; i < count; i++) {
            b[i] = a[order[i]];
        }
        return b;
    }

    private Compiled generate() {
        remat = new boolean[values];
        for (int st = 0; st < statements; st++) {
            if (kind[st] == CALL && switch (name[st]) {
                case "add", "sub", "mul", "neg", "div", "twice" -> true;
                default -> false;
            }) {
                boolean ofInputs = true;
                for (int a : args[st]) {
                    ofInputs &= source[a] != COMPUTED;
                }
                remat[target[st]] = ofInputs;
            }
        }
        // of two schedules, the one whose cut passes fewer values through the state
        Planned planned = new Planned(kind, type, name, constant, target, args);
        int[] depthFirst = depthFirst();
        int[] eager = eager(depthFirst);
        apply(planned, eager);
        int[] eagerStarts = cut();
        int eagerRows = rowCount(stateRows(eagerStarts));
        apply(planned, depthFirst);
        int[] depthFirstStarts = cut();
        boolean eagerWins = rowCount(stateRows(depthFirstStarts)) > eagerRows;
        if (eagerWins) {
            apply(planned, eager);
        }
        int[] starts = eagerWins ? eagerStarts : depthFirstStarts;
        int[] stateRow = stateRows(starts);
        int rows = rowCount(stateRow);
        int methods = starts.length - 1;
        int stretch = rows == 0 ? MAX_STRETCH
                : Math.clamp(STATE_BUDGET / ((long) rows * Double.BYTES) / Lanes.LANES * Lanes.LANES, MIN_STRETCH,
                        MAX_STRETCH);
        int stateSize = rows * stretch;
        boolean[] checked = new boolean[plan.inputs.length]; // input columns a method emitted so far checks
        byte[] bytes = ClassFile.of().build(CD_SELF, clb -> {
            clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            clb.withInterfaceSymbols(CD_CODE);
            clb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC,
                    cb -> cb.aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_());
            clb.withMethodBody("run", MTD_RUN, ClassFile.ACC_PUBLIC, cb -> run(cb, methods, stretch));
            for (int i = 0; i < methods; i++) {
                int from = starts[i];
                int to = starts[i + 1];
                clb.withMethodBody("m" + i, MTD_RUN, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, cb -> {
                    if (methods > 1) {
                        // C2 inlines a hot callee of up to FreqInlineSize (325) bytes: inlined into run,
                        // the methods would add up to the node budget that they are cut to stay under
                        for (int k = 0; k <= FREQ_INLINE_SIZE; k++) {
                            cb.nop();
                        }
                    }
                    new Emitter(cb, stateRow, stretch, checked).method(from, to);
                });
            }
        });
        for (MethodModel model : ClassFile.of().parse(bytes).methods()) {
            int length = model.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            if (length >= HUGE_METHOD) {
                return null;
            }
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            BlockCode code = (BlockCode) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
            boolean[] checkedVariables = new boolean[Arrays.stream(plan.inputs).max().orElse(-1) + 1];
            for (int i = 0; i < plan.inputs.length; i++) {
                checkedVariables[plan.inputs[i]] = checked[i];
            }
            return new Compiled(code, stateSize, methods, statements, stretch, checkedVariables);
        } catch (Error | RuntimeException e) {
            // A failed generation (a bug) costs speed, never a result: the interpreter stays.
            System.getLogger("dev.partials.simd").log(System.Logger.Level.WARNING,
                    "partials: provider \"simd\" could not generate code; it keeps interpreting", e);
            return null;
        } catch (Throwable e) {
            throw new IllegalStateException(e); // the constructor declares nothing
        }
    }

    /** The number of state rows of a {@link #stateRows} result. */
    private static int rowCount(int[] stateRow) {
        return Arrays.stream(stateRow).max().orElse(-1) + 1;
    }

    /**
     * Per value, its row in the state (−1: none) for the methods that start at {@code starts}: a computed
     * value that a later method reads and does not recompute.
     */
    private int[] stateRows(int[] starts) {
        int[] defined = new int[values];
        int[] lastRead = new int[values];
        Arrays.fill(defined, -1);
        Arrays.fill(lastRead, -1);
        int method = 0;
        for (int st = 0; st < statements; st++) {
            while (st >= starts[method + 1]) {
                method++;
            }
            for (int v : args[st]) {
                lastRead[v] = Math.max(lastRead[v], method);
            }
            if (kind[st] == CALL) {
                defined[target[st]] = method;
            }
        }
        int[] stateRow = new int[values];
        int rows = 0;
        for (int v = 0; v < values; v++) {
            stateRow[v] = source[v] == COMPUTED && !remat[v] && lastRead[v] > defined[v] ? rows++ : -1;
        }
        return stateRow;
    }

    /**
     * {@code run}: the methods in order over the whole range (one method), or stretch by stretch, adding
     * up their finiteness sums; it stops after the first stretch whose sum is not 0.
     */
    private static void run(CodeBuilder cb, int methods, int stretch) {
        int shift = 1; // `this` comes first in run
        if (methods == 1) {
            cb.aload(POINTS + shift).aload(VALUES + shift).aload(OUT + shift).aload(STATE + shift)
                    .iload(FROM + shift).iload(TO + shift).invokestatic(CD_SELF, "m0", MTD_RUN).dreturn();
            return;
        }
        int start = TO + shift + 1;
        int end = start + 1;
        int sum = end + 1; // a double: two slots
        cb.dconst_0().dstore(sum);
        cb.iload(FROM + shift).istore(start);
        Label top = cb.newBoundLabel();
        Label done = cb.newLabel();
        cb.iload(start).iload(TO + shift).if_icmpge(done);
        cb.iload(start).loadConstant(stretch).iadd().iload(TO + shift)
                .invokestatic(ClassDesc.of("java.lang.Math"), "min", MethodTypeDesc.of(CD_int, CD_int, CD_int))
                .istore(end);
        for (int i = 0; i < methods; i++) {
            cb.aload(POINTS + shift).aload(VALUES + shift).aload(OUT + shift).aload(STATE + shift)
                    .iload(start).iload(end).invokestatic(CD_SELF, "m" + i, MTD_RUN);
            cb.dload(sum).dadd().dstore(sum);
        }
        // dcmpl gives −1 for NaN: a stretch with a non-finite coordinate ends the run
        cb.dload(sum).dconst_0().dcmpl().ifne(done);
        cb.iload(end).istore(start).goto_(top);
        cb.labelBinding(done);
        cb.dload(sum).dreturn();
    }

    /** Emits one method: statements {@code [from, to)} in a loop over the lane groups of its range. */
    private final class Emitter {
        private final CodeBuilder cb;
        private final int[] stateRow;
        private final int stretch;
        private final int[] local;      // per value: its local variable in this method, or −1
        private final boolean[] checked;
        private final int check = FIRST_LOCAL; // the finiteness sum of the columns this method checks
        private boolean checks;
        private int next = FIRST_LOCAL + 1;

        Emitter(CodeBuilder cb, int[] stateRow, int stretch, boolean[] checked) {
            this.cb = cb;
            this.stateRow = stateRow;
            this.stretch = stretch;
            this.checked = checked;
            this.local = new int[values];
            Arrays.fill(local, -1);
        }

        void method(int from, int to) {
            // before the loop: the columns and constants this method uses
            int[] inputColumn = new int[plan.inputs.length];
            int[] valueColumn = new int[plan.outputs.length];
            Map<Integer, Integer> outColumn = new HashMap<>();
            Arrays.fill(inputColumn, -1);
            Arrays.fill(valueColumn, -1);
            for (int st = from; st < to; st++) {
                int[] needed = args[st];
                for (int v : args[st]) {
                    if (remat[v]) {
                        needed = concat(needed, args[sourceIndex[v]]);
                    }
                }
                for (int v : needed) {
                    if (source[v] == INPUT && inputColumn[sourceIndex[v]] < 0) {
                        int i = sourceIndex[v];
                        inputColumn[i] = next++;
                        cb.aload(POINTS).loadConstant(plan.inputs[i]).aaload().astore(inputColumn[i]);
                    } else if (source[v] == CONSTANT && local[v] < 0) {
                        local[v] = next++;
                        cb.loadConstant(constants[sourceIndex[v]]);
                        cb.invokestatic(CD_LANES, "splat", MTD_SPLAT).astore(local[v]);
                    }
                }
                if (kind[st] == STORE_VALUE && valueColumn[target[st]] < 0) {
                    int q = target[st];
                    valueColumn[q] = next++;
                    Label none = cb.newLabel();
                    Label done = cb.newLabel();
                    cb.aload(VALUES).ifnull(none);
                    cb.aload(VALUES).loadConstant(plan.outputs[q]).aaload().astore(valueColumn[q]).goto_(done);
                    cb.labelBinding(none);
                    cb.aconst_null().astore(valueColumn[q]);
                    cb.labelBinding(done);
                } else if (kind[st] == STORE_OUT && !outColumn.containsKey(target[st])) {
                    int slot = next++;
                    outColumn.put(target[st], slot);
                    cb.aload(OUT).loadConstant(target[st]).aaload().astore(slot);
                }
            }
            // the loop
            cb.dconst_0().invokestatic(CD_LANES, "splat", MTD_SPLAT).astore(check);
            cb.iload(FROM).istore(P);
            cb.iconst_0().istore(OFFSET);
            Label top = cb.newBoundLabel();
            Label end = cb.newLabel();
            cb.iload(P).iload(TO).if_icmpge(end);
            for (int st = from; st < to; st++) {
                int[] operands = args[st];
                for (int v : operands) {
                    ensure(v, inputColumn);
                }
                switch (kind[st]) {
                    case CALL -> {
                        for (int v : operands) {
                            cb.aload(local[v]);
                        }
                        if (type[st] == MTD_VD) {
                            cb.loadConstant(constant[st]);
                        }
                        cb.invokestatic(CD_LANES, name[st], type[st]);
                        int v = target[st];
                        local[v] = next++;
                        cb.astore(local[v]);
                        if (stateRow[v] >= 0) {
                            cb.aload(local[v]).aload(STATE);
                            stateIndex(stateRow[v]);
                            cb.invokestatic(CD_LANES, "store", MTD_STORE);
                        }
                    }
                    case STORE_VALUE -> {
                        Label skip = cb.newLabel();
                        int column = valueColumn[target[st]];
                        cb.aload(column).ifnull(skip);
                        cb.aload(local[operands[0]]).aload(column).iload(P);
                        cb.invokestatic(CD_LANES, "store", MTD_STORE);
                        cb.labelBinding(skip);
                    }
                    default -> {
                        cb.aload(local[operands[0]]).aload(outColumn.get(target[st])).iload(P);
                        cb.invokestatic(CD_LANES, "store", MTD_STORE);
                    }
                }
            }
            cb.iinc(P, Lanes.LANES).iinc(OFFSET, Lanes.LANES).goto_(top);
            cb.labelBinding(end);
            if (checks) {
                cb.aload(check).invokestatic(CD_LANES, "sum", MTD_SUM).dreturn();
            } else {
                cb.dconst_0().dreturn();
            }
        }

        /** Makes value v available in a local: loaded from its column or the state on its first read here. */
        private void ensure(int v, int[] inputColumn) {
            if (local[v] >= 0) {
                return;
            }
            if (source[v] == COMPUTED && stateRow[v] < 0 && remat[v]) {
                int st = sourceIndex[v];
                for (int a : args[st]) {
                    ensure(a, inputColumn);
                }
                for (int a : args[st]) {
                    cb.aload(local[a]);
                }
                cb.invokestatic(CD_LANES, name[st], type[st]);
                local[v] = next++;
                cb.astore(local[v]);
                return;
            }
            if (source[v] == INPUT) {
                cb.aload(inputColumn[sourceIndex[v]]).iload(P);
            } else if (source[v] == COMPUTED && stateRow[v] >= 0) {
                cb.aload(STATE);
                stateIndex(stateRow[v]);
            } else {
                throw new IllegalStateException("value " + v + " is read before it is computed");
            }
            cb.invokestatic(CD_LANES, "load", MTD_LOAD);
            local[v] = next++;
            cb.astore(local[v]);
            if (source[v] == INPUT && !checked[sourceIndex[v]]) {
                checked[sourceIndex[v]] = true;
                checks = true;
                cb.aload(check).aload(local[v]).invokestatic(CD_LANES, "addNonFinite", MTD_VV).astore(check);
            }
        }

        private static int[] concat(int[] a, int[] b) {
            int[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }

        /** Pushes {@code row · stretch + offset}. */
        private void stateIndex(int row) {
            cb.loadConstant(row * stretch).iload(OFFSET).iadd();
        }
    }
}
