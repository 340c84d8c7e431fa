package dev.partials.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr for long batch runs: shown only when stderr is a terminal (the launcher
 * tells with {@code -Dpartials.stderr.tty=true}) or when {@code --progress} asks, and only once a run
 * has taken longer than half a second; redrawn at most ten times a second, erased at the end.
 */
final class Progress {

    private static final long SHOW_AFTER_NANOS = 500_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean forced;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    /**
     * @param total the number of bytes to read, or -1 when unknown (standard input)
     */
    Progress(PrintWriter err, boolean forced, long total) {
        this.err = err;
        this.forced = forced;
        this.enabled = forced || Boolean.getBoolean("partials.stderr.tty");
        this.total = total;
    }

    /** Reports {@code bytes} read and {@code points} done so far. */
    void update(long bytes, long points) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!forced && now - start < SHOW_AFTER_NANOS) {
            return;
        }
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        draw(bytes, points);
    }

    private void draw(long bytes, long points) {
        lastDraw = System.nanoTime();
        drawn = true;
        StringBuilder sb = new StringBuilder("\rpartials: ");
        if (total > 0) {
            double f = Math.min(1, (double) bytes / total);
            int full = (int) Math.round(f * WIDTH);
            sb.append('[').append("#".repeat(full)).append("-".repeat(WIDTH - full)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%%  ", f * 100));
        }
        sb.append(String.format(Locale.ROOT, "%,d points", points));
        err.print(sb);
        err.flush();
    }

    /** Erases the bar (or ends its line when stderr is not a terminal). */
    void finish(long points) {
        if (forced) {
            draw(total, points);
        }
        if (!drawn) {
            return;
        }
        if (Boolean.getBoolean("partials.stderr.tty")) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        } else {
            err.println();
        }
        err.flush();
    }
}
