package dev.partials.cli;

import dev.partials.PartialsException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of the {@code partials} command.
 *
 * <p>Exit codes: 0 done; 1 bad input, reported on stderr by its message (a {@link PartialsException}'s
 * own message, with the caret rendering for formula errors); 2 wrong usage of the command line; 3 an
 * internal error (a bug). No stack trace is printed unless {@code --debug} is given.
 */
public final class Main {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: bad input (a formula, a point, a provider id, a file). */
    public static final int BAD_INPUT = 1;
    /** Exit code: wrong usage (an unknown option, a missing argument). */
    public static final int USAGE = 2;
    /** Exit code: an internal error (a bug in partials or in a provider). */
    public static final int INTERNAL_ERROR = 3;

    private Main() {
    }

    /** Runs the command and exits with its exit code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = writer(System.out);
        PrintWriter err = writer(System.err);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command with these streams and returns its exit code (for tests, without a process). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = commandLine(out, err);
        try {
            return cmd.execute(args);
        } catch (Throwable t) { // an Error escaping picocli (StackOverflowError, OutOfMemoryError)
            return report(t, cmd, isDebug(args), err);
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new PartialsCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpAutoWidth(true);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                report(ex, commandLine, isDebug(parseResult), commandLine.getErr()));
        cmd.setParameterExceptionHandler(Main::usage);
        return cmd;
    }

    private static int usage(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("partials: " + ex.getMessage());
        if (ex instanceof UnmatchedArgumentException u) {
            UnmatchedArgumentException.printSuggestions(u, err);
        }
        String name = cl.getCommandSpec().qualifiedName();
        err.println("Usage: " + cl.getHelp().synopsis(0).strip());
        err.println("See '" + name + " --help' for the options and examples.");
        err.flush();
        return USAGE;
    }

    /** Prints an error and returns its exit code. */
    static int report(Throwable t, CommandLine cl, boolean debug, PrintWriter err) {
        int code;
        if (t instanceof PartialsException p) {
            err.println("partials: " + p.getMessage());
            code = BAD_INPUT;
        } else if (t instanceof CliException || t instanceof UncheckedIOException) {
            err.println("partials: " + t.getMessage());
            code = BAD_INPUT;
        } else if (t instanceof ParameterException p) {
            return usage(p, new String[0]);
        } else if (t instanceof OutOfMemoryError) {
            err.println("partials: out of memory (" + t.getMessage() + "); give the JVM more with JAVA_OPTS=-Xmx…");
            code = INTERNAL_ERROR;
        } else {
            err.println("partials: internal error: " + t);
            if (!debug) {
                err.println("This is a bug. Run again with --debug to see the stack trace, and report it.");
            }
            code = INTERNAL_ERROR;
        }
        if (debug) {
            StringWriter sw = new StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            err.print(sw);
        }
        err.flush();
        return code;
    }

    private static boolean isDebug(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return "1".equals(System.getenv("PARTIALS_DEBUG"));
    }

    private static boolean isDebug(String[] args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                return true;
            }
        }
        return "1".equals(System.getenv("PARTIALS_DEBUG"));
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, stream.charset()), false);
    }
}
