// How every command refuses a bad option: a model-side range check (IllegalArgumentException) becomes picocli's
// usage error, which prints one line naming the option, its allowed range and the value, a one-line pointer to
// --help (not the whole usage, which buried the message), and exits with 2.
package org.shiftscope.app;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.function.Supplier;

final class UsageErrors {
    private UsageErrors() {
    }

    /** The value {@code build} makes, or a usage error with its range message. */
    static <T> T build(CommandSpec spec, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw usage(spec, e.getMessage());
        }
    }

    /** Runs range checks, turning a refusal into a usage error. */
    static void check(CommandSpec spec, Runnable check) {
        build(spec, () -> {
            check.run();
            return null;
        });
    }

    static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * The parameter exception handler of the root command line, used by every subcommand: the message, picocli's
     * "did you mean" suggestions for a mistyped option, and where to find the options.
     */
    static int report(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        var err = cli.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println(hint(cli.getCommandSpec()));
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** "Run 'shiftscope train --help' for the options." */
    static String hint(CommandSpec spec) {
        return "Run '" + spec.qualifiedName() + " --help' for the options.";
    }
}
