package dev.partials.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "partials", mixinStandardHelpOptions = true, versionProvider = PartialsCommand.Version.class,
        description = {"Partial derivatives of formulas, by every provider on the module path.",
            "Formulas use + - * / ^, functions such as sin exp log sqrt sigmoid, the constants pi and e, and "
                    + "vectors [f1, f2]."},
        subcommands = {
            CompareCommand.class, DiffCommand.class, GradCommand.class, HessianCommand.class, JacobianCommand.class,
            PartialCommand.class, EvalCommand.class, ProvidersCommand.class, VerifyCommand.class, PlotCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  partials compare \"x^2 + 3*x*y\" --at x=1,y=2     every provider side by side",
            "  partials diff \"x^2 + 3*x*y\" x                    2*x + 3*y",
            "  partials grad \"x^2 + 3*x*y\" --at x=1,y=2         8 and 3",
            "  partials providers",
            "",
            "Exit codes: 0 done; 1 bad input (the message says which, on stderr); 2 wrong usage of the command; "
                    + "3 internal error (a bug: run again with --debug and report the stack trace).",
            "JSON output (--format json) is described in docs/cli-json.md."})
final class PartialsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an error, print the Java stack trace too.")
    boolean debug;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    /** The version of the module, as the build recorded it. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PartialsCommand.class.getModule().getDescriptor() == null ? null
                    : PartialsCommand.class.getModule().getDescriptor().rawVersion().orElse(null);
            return new String[] {"partials " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"};
        }
    }
}
