// How every command refuses a bad option: a model-side range check (IllegalArgumentException) becomes picocli's
// usage error, which prints the message naming the option, its allowed range and the value, and exits with 2.
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
}
