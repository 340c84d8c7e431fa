package dev.partials.dual.internal;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import dev.partials.Op;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The machinery shared by {@link GradientCompiler} and {@link HessianCompiler}: a list of
 * <em>statements</em>, each writing one or a few <em>cells</em> (a slot's value, its local partials,
 * a tangent or Hessian entry) from others, turned into a hidden class of this package
 * ({@link GeneratedCode}) with the standard {@code java.lang.classfile} API.
 *
 * <h2>Code shape</h2>
 * C2 does not compile a method over 8,000 bytes of bytecode ({@code HugeMethodLimit}), so the
 * statements are split into static methods of at most {@link #METHOD_BUDGET} estimated bytes (about
 * 2,000 real ones), called in order by {@code run}. Within a method every cell lives in a local
 * variable; a cell read by a later method is passed through the caller's {@code state} array (a
 * program that fits one method needs none). The real size of every generated method is checked after
 * generation: a method C2 would refuse makes the compilation fail (null), and the caller keeps its
 * interpreter.
 *
 * <h2>Values and local partials</h2>
 * The {@link #VALUE} statement computes a slot's value and local partials as {@link Tape#linearize}
 * does, operation for operation: {@code +}, {@code −}, {@code ×}, {@code ÷} and negation inline, exactly
 * as {@link Op} defines their partials (∂(a−b) = (1, −1), ∂(a·b) = (b, a), ∂(a/b) = (1/b, −(a/b)/b),
 * ∂(−a) = −1); powers through {@link Op#pow}, {@link Op#powPartialBase} and
 * {@link Op#powPartialExponent}; every other operation through {@link Op#apply},
 * {@link Rules#derivative}, {@link Op#partialLeft} and {@link Op#partialRight}, so {@link Op} stays the
 * one table of first-derivative rules. Sums are {@link #SUMVAL} statements, one per operand, left to
 * right.
 */
abstract class CodeGenerator {

    /** Estimated bytecode bytes per generated method (the real size stays well below 8,000). */
    static final int METHOD_BUDGET = 8_000;

    /** The most methods one program is split into: {@code run} calls each in 8 bytes, and must stay compilable. */
    static final int MAX_METHODS = 900;

    /**
     * The largest size estimate compiled even in mode {@code always}: beyond, the code would exceed
     * {@link #MAX_METHODS} anyway, and scheduling it would only cost time and memory.
     */
    static final long HARD_LIMIT = 400_000;

    /** C2's HugeMethodLimit: methods above it are never compiled. */
    static final int HUGE_METHOD = 8_000;

    /** A compiled program: the code and the size of the state array it needs (0: none). */
    record Compiled(GeneratedCode code, int stateSize, int methods, int statements) {
    }

    // statement kinds of the base; subclasses number theirs from FIRST_KIND
    static final int VALUE = 0;   // value and local partials of a non-sum instruction s
    static final int SUMVAL = 1;  // value of the sum s: operand k added
    static final int FIRST_KIND = 2;

    // method parameters (static methods)
    static final int POINT = 0;
    static final int OUT = 1;
    static final int VALUES = 2;
    static final int STATE = 3;
    static final int SECOND = 4;
    private static final int FIRST_LOCAL = 5;

    static final ClassDesc CD_DOUBLES = CD_double.arrayType();
    static final ClassDesc CD_OP = ClassDesc.of("dev.partials.Op");
    static final ClassDesc CD_SECOND = ClassDesc.of("dev.partials.dual.internal.HessianPlan$Second");
    private static final ClassDesc CD_RULES = ClassDesc.of("dev.partials.dual.internal.Rules");
    private static final ClassDesc CD_CODE = ClassDesc.of("dev.partials.dual.internal.GeneratedCode");
    private static final ClassDesc CD_SELF = ClassDesc.of("dev.partials.dual.internal.Generated");
    private static final MethodTypeDesc MTD_RUN = MethodTypeDesc.of(CD_void, CD_DOUBLES, CD_DOUBLES, CD_DOUBLES,
            CD_DOUBLES, CD_SECOND);
    static final MethodTypeDesc MTD_D_D = MethodTypeDesc.of(CD_double, CD_double);
    static final MethodTypeDesc MTD_D_DD = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    static final MethodTypeDesc MTD_D_DDD = MethodTypeDesc.of(CD_double, CD_double, CD_double, CD_double);
    private static final MethodTypeDesc MTD_RULE = MethodTypeDesc.of(CD_double, CD_OP, CD_double, CD_double);
    static final MethodTypeDesc MTD_FILL = MethodTypeDesc.of(CD_void, CD_DOUBLES, CD_int, CD_int, CD_double);

    final Tape tape;
    final int n;
    final int size;
    final int[][] deps;     // per slot, sorted
    /** Cells: the value of slot s is cell s, its local partials size + s and 2·size + s; subclasses add more. */
    int cellCount;

    // the statements, in execution order
    int[] kind = new int[1024];
    int[] argS = new int[1024];
    int[] argK = new int[1024];
    int[] argI = new int[1024];
    int[] argX = new int[1024];
    int count;

    // per cell, for the method being emitted: its local variable, valid when localEpoch is the emitter's
    private int[] localOf;
    private int[] localEpoch;
    private int[] dirtyEpoch;
    private int epoch;

    CodeGenerator(Tape tape) {
        this.tape = tape;
        this.n = tape.n;
        this.size = tape.size;
        this.deps = new int[size][];
        for (int s = 0; s < size; s++) {
            deps[s] = tape.program.dependencies(s);
        }
        this.cellCount = 3 * size;
    }

    /** The slots some output in {@code outputs} depends on. */
    static boolean[] live(Tape tape, int... outputs) {
        boolean[] live = new boolean[tape.size];
        for (int o : outputs) {
            live[o] = true;
        }
        for (int s = tape.size - 1; s >= 0; s--) {
            if (live[s] && tape.op[s] != null) {
                for (int p = tape.start[s]; p < tape.start[s + 1]; p++) {
                    live[tape.operands[p]] = true;
                }
            }
        }
        return live;
    }

    final void add(int k, int s, int a, int i, int x) {
        if (count == kind.length) {
            int len = count * 2;
            kind = Arrays.copyOf(kind, len);
            argS = Arrays.copyOf(argS, len);
            argK = Arrays.copyOf(argK, len);
            argI = Arrays.copyOf(argI, len);
            argX = Arrays.copyOf(argX, len);
        }
        kind[count] = k;
        argS[count] = s;
        argK[count] = a;
        argI[count] = i;
        argX[count] = x;
        count++;
    }

    // ------------------------------------------------------------------------------------------------
    // Cells

    final int valueCell(int s) {
        return s;
    }

    final int leftCell(int s) {
        return size + s;
    }

    final int rightCell(int s) {
        return 2 * size + s;
    }

    final int operand(int s, int k) {
        return tape.operands[tape.start[s] + k];
    }

    final int operandCount(int s) {
        return tape.start[s + 1] - tape.start[s];
    }

    /** Whether slot s is computed by statements (an instruction), not read from the point or a constant. */
    final boolean computed(int s) {
        return tape.op[s] != null;
    }

    /** Calls {@code sink} with every cell statement e reads. */
    abstract void reads(int e, IntConsumer sink);

    /** The cells read by the base statements {@link #VALUE} and {@link #SUMVAL}. */
    final void baseReads(int e, IntConsumer sink) {
        int s = argS[e];
        if (kind[e] == VALUE) {
            for (int k = 0; k < tape.op[s].arity(); k++) {
                readValue(operand(s, k), sink);
            }
        } else {
            if (argK[e] > 0) {
                sink.accept(valueCell(s));
            }
            readValue(operand(s, argK[e]), sink);
        }
    }

    final void readValue(int s, IntConsumer sink) {
        if (computed(s)) {
            sink.accept(valueCell(s));
        }
    }

    /** The cells the local partial of s for its left (side 0) or right (1) operand reads. */
    final void readPartial(int s, int side, IntConsumer sink) {
        switch (tape.op[s]) {
            case SUBTRACT, NEGATE -> {
            }
            case MULTIPLY -> readValue(operand(s, 1 - side), sink);
            default -> sink.accept(side == 0 ? leftCell(s) : rightCell(s));
        }
    }

    /** A conservative estimate of statement e's bytecode: a state round trip per cell read. */
    int estimate(int e) {
        int[] bytes = {0};
        reads(e, c -> bytes[0] += 10);
        return bytes[0] + (kind[e] == VALUE ? 30 + 4 * tape.op[argS[e]].arity() : 16);
    }

    /** Emits statement e of a subclass kind. */
    abstract void emit(int e, Emitter em);

    // ------------------------------------------------------------------------------------------------
    // Generation

    /**
     * Generates and defines the class, or returns null when the code would be split into more than
     * {@link #MAX_METHODS} methods or a generated method came out larger than C2 compiles.
     */
    final Compiled generate() {
        int[] bounds = new int[16];
        int methods = 0;
        int budget = 0;
        for (int e = 0; e < count; e++) {
            int est = estimate(e);
            if (budget + est > METHOD_BUDGET && e > bounds[methods]) {
                methods++;
                if (methods + 1 >= bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[methods] = e;
                budget = 0;
            }
            budget += est;
        }
        methods++;
        bounds[methods] = count;
        if (methods > MAX_METHODS) {
            return null;
        }
        int[] lastRead = new int[cellCount];
        Arrays.fill(lastRead, -1);
        for (int e = 0; e < count; e++) {
            int at = e;
            reads(e, c -> lastRead[c] = at);
        }
        int[] stateIndex = new int[cellCount];
        Arrays.fill(stateIndex, -1);
        int[] stateSize = {0};
        localOf = new int[cellCount];
        localEpoch = new int[cellCount];
        dirtyEpoch = new int[cellCount];
        final int methodCount = methods;
        final int[] b = bounds;
        byte[] bytes = ClassFile.of().build(CD_SELF, clb -> {
            clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            clb.withInterfaceSymbols(CD_CODE);
            clb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC,
                    cb -> cb.aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_());
            clb.withMethodBody("run", MTD_RUN, ClassFile.ACC_PUBLIC, cb -> {
                for (int i = 0; i < methodCount; i++) {
                    cb.aload(1).aload(2).aload(3).aload(4).aload(5).invokestatic(CD_SELF, "m" + i, MTD_RUN);
                }
                cb.return_();
            });
            for (int i = 0; i < methodCount; i++) {
                int from = b[i];
                int to = b[i + 1];
                clb.withMethodBody("m" + i, MTD_RUN, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC,
                        cb -> new Emitter(cb, lastRead, stateIndex, stateSize).method(from, to));
            }
        });
        for (MethodModel method : ClassFile.of().parse(bytes).methods()) {
            int length = method.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            if (length >= HUGE_METHOD) {
                return null;
            }
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            GeneratedCode code = (GeneratedCode) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
            return new Compiled(code, stateSize[0], methodCount, count);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("generated code could not be defined", e);
        }
    }

    /** Emits the statements of one method: cells in locals, passed on through the state array. */
    final class Emitter {
        final CodeBuilder cb;
        private final int[] lastRead;
        private final int[] stateIndex;
        private final int[] stateSize;
        private final int me = ++epoch; // a fresh epoch even if the class file API runs a body twice
        private int[] dirty = new int[64];
        private int dirtyCount;
        private int nextLocal = FIRST_LOCAL;

        Emitter(CodeBuilder cb, int[] lastRead, int[] stateIndex, int[] stateSize) {
            this.cb = cb;
            this.lastRead = lastRead;
            this.stateIndex = stateIndex;
            this.stateSize = stateSize;
        }

        /** The local of a cell in this method, or -1. */
        private int localOf(int cell) {
            return localEpoch[cell] == me ? localOf[cell] : -1;
        }

        private int newLocal(int cell) {
            int l = nextLocal;
            nextLocal += 2;
            localOf[cell] = l;
            localEpoch[cell] = me;
            return l;
        }

        void method(int from, int to) {
            for (int e = from; e < to; e++) {
                if (kind[e] == VALUE) {
                    valueStatement(argS[e]);
                } else if (kind[e] == SUMVAL) {
                    int s = argS[e];
                    if (argK[e] == 0) {
                        value(operand(s, 0));
                    } else {
                        load(valueCell(s));
                        value(operand(s, argK[e]));
                        cb.dadd();
                    }
                    store(valueCell(s));
                } else {
                    emit(e, this);
                }
            }
            for (int x = 0; x < dirtyCount; x++) {
                int cell = dirty[x];
                if (lastRead[cell] >= to) {
                    if (stateIndex[cell] < 0) {
                        stateIndex[cell] = stateSize[0]++;
                    }
                    cb.aload(STATE);
                    cb.loadConstant(stateIndex[cell]);
                    cb.dload(localOf(cell));
                    cb.dastore();
                }
            }
            cb.return_();
        }

        /** Pushes a cell's value, loading it from the state array the first time in this method. */
        void load(int cell) {
            int l = localOf(cell);
            if (l < 0) {
                if (stateIndex[cell] < 0) {
                    throw new IllegalStateException("cell " + cell + " read before it was written");
                }
                l = newLocal(cell);
                cb.aload(STATE);
                cb.loadConstant(stateIndex[cell]);
                cb.daload();
                cb.dstore(l);
            }
            cb.dload(l);
        }

        /** Pushes a cell's value without caching it in a new local (for code inside a branch). */
        void loadUncached(int cell) {
            int l = localOf(cell);
            if (l >= 0) {
                cb.dload(l);
            } else {
                cb.aload(STATE);
                cb.loadConstant(stateIndex[cell]);
                cb.daload();
            }
        }

        /** Pops a double into a cell. */
        void store(int cell) {
            int l = localOf(cell);
            if (l < 0) {
                l = newLocal(cell);
            }
            cb.dstore(l);
            if (dirtyEpoch[cell] != me) {
                dirtyEpoch[cell] = me;
                if (dirtyCount == dirty.length) {
                    dirty = Arrays.copyOf(dirty, dirtyCount * 2);
                }
                dirty[dirtyCount++] = cell;
            }
        }

        /** Pushes the value of slot s: a constant, a coordinate of the point, or a cell. */
        void value(int s) {
            if (tape.constant[s]) {
                constant(tape.constants[s]);
            } else if (s < n) {
                int l = localOf(valueCell(s));
                if (l < 0) {
                    l = newLocal(valueCell(s));
                    cb.aload(POINT);
                    cb.loadConstant(s);
                    cb.daload();
                    cb.dstore(l);
                }
                cb.dload(l);
            } else {
                load(valueCell(s));
            }
        }

        /** Pushes the value of slot s without caching (for code inside a branch). */
        void valueUncached(int s) {
            if (tape.constant[s]) {
                constant(tape.constants[s]);
            } else if (s < n) {
                cb.aload(POINT);
                cb.loadConstant(s);
                cb.daload();
            } else {
                loadUncached(valueCell(s));
            }
        }

        void constant(double c) {
            if (Double.doubleToRawLongBits(c) == 0L) {
                cb.dconst_0();
            } else if (c == 1.0) {
                cb.dconst_1();
            } else {
                cb.ldc(cb.constantPool().doubleEntry(c));
            }
        }

        void opConstant(Op o) {
            cb.getstatic(CD_OP, o.name(), CD_OP);
        }

        /** Pushes the local partial of s for its left (side 0) or right (1) operand, as the tape has it. */
        void partial(int s, int side) {
            switch (tape.op[s]) {
                case SUBTRACT -> constant(side == 0 ? 1.0 : -1.0);
                case NEGATE -> constant(-1.0);
                case MULTIPLY -> value(operand(s, 1 - side));
                default -> load(side == 0 ? leftCell(s) : rightCell(s));
            }
        }

        /** values[k] = value of slot s, when values is not null. */
        void outputValue(int k, int s) {
            java.lang.classfile.Label skip = cb.newLabel();
            cb.aload(VALUES);
            cb.ifnull(skip);
            cb.aload(VALUES);
            cb.loadConstant(k);
            valueUncached(s);
            cb.dastore();
            cb.labelBinding(skip);
        }

        /** out[from .. to) = +0. */
        void zero(int from, int to) {
            if (to - from <= 4) {
                for (int x = from; x < to; x++) {
                    cb.aload(OUT);
                    cb.loadConstant(x);
                    cb.dconst_0();
                    cb.dastore();
                }
            } else {
                cb.aload(OUT);
                cb.loadConstant(from);
                cb.loadConstant(to);
                cb.dconst_0();
                cb.invokestatic(ClassDesc.of("java.util.Arrays"), "fill", MTD_FILL);
            }
        }

        /** Value and local partials of a non-sum instruction, as {@link Tape#linearize} computes them. */
        private void valueStatement(int s) {
            Op o = tape.op[s];
            int a = operand(s, 0);
            int b = o.arity() == 2 ? operand(s, 1) : -1;
            boolean leftVaries = tape.leftVaries[s];
            boolean rightVaries = tape.rightVaries[s];
            switch (o) {
                case SUBTRACT -> {
                    value(a);
                    value(b);
                    cb.dsub();
                    store(valueCell(s));
                }
                case MULTIPLY -> {
                    value(a);
                    value(b);
                    cb.dmul();
                    store(valueCell(s));
                }
                case DIVIDE -> {
                    value(a);
                    value(b);
                    cb.ddiv();
                    store(valueCell(s));
                    if (leftVaries) {
                        cb.dconst_1(); // Op.DIVIDE.partialLeft: 1.0 / b
                        value(b);
                        cb.ddiv();
                        store(leftCell(s));
                    }
                    if (rightVaries) {
                        load(valueCell(s)); // Op.DIVIDE.partialRight: -value / b
                        cb.dneg();
                        value(b);
                        cb.ddiv();
                        store(rightCell(s));
                    }
                }
                case NEGATE -> {
                    value(a);
                    cb.dneg();
                    store(valueCell(s));
                }
                case POWER -> {
                    value(a);
                    value(b);
                    cb.invokestatic(CD_OP, "pow", MTD_D_DD);
                    store(valueCell(s));
                    if (leftVaries) {
                        value(a);
                        value(b);
                        cb.invokestatic(CD_OP, "powPartialBase", MTD_D_DD);
                        store(leftCell(s));
                    }
                    if (rightVaries) {
                        value(a);
                        value(b);
                        load(valueCell(s));
                        cb.invokestatic(CD_OP, "powPartialExponent", MTD_D_DDD);
                        store(rightCell(s));
                    }
                }
                default -> {
                    if (o.arity() == 1) {
                        opConstant(o);
                        value(a);
                        cb.invokevirtual(CD_OP, "apply", MTD_D_D);
                        store(valueCell(s));
                        opConstant(o);
                        value(a);
                        load(valueCell(s));
                        cb.invokestatic(CD_RULES, "derivative", MTD_RULE);
                        store(leftCell(s));
                    } else {
                        opConstant(o);
                        value(a);
                        value(b);
                        cb.invokevirtual(CD_OP, "apply", MTD_D_DD);
                        store(valueCell(s));
                        if (leftVaries) {
                            opConstant(o);
                            value(a);
                            value(b);
                            load(valueCell(s));
                            cb.invokevirtual(CD_OP, "partialLeft", MTD_D_DDD);
                            store(leftCell(s));
                        }
                        if (rightVaries) {
                            opConstant(o);
                            value(a);
                            value(b);
                            load(valueCell(s));
                            cb.invokevirtual(CD_OP, "partialRight", MTD_D_DDD);
                            store(rightCell(s));
                        }
                    }
                }
            }
        }
    }
}
