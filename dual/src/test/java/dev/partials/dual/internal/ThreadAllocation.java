package dev.partials.dual.internal;

import java.lang.reflect.Method;

/** The bytes this thread has allocated, for the tests that check a call allocates nothing. */
public final class ThreadAllocation {

    private ThreadAllocation() {
    }

    /** Bytes allocated by this thread so far, or -1 when the JVM does not count them. */
    public static long allocated() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
            return (long) m.invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
