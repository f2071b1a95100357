// `shiftscope reproduce`: the published experiments behind ShiftScope's argument, each one command that trains
// its networks, measures them and writes a report with the paper's figures beside ours (docs/reproductions.md).
package org.shiftscope.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a published experiment and write its report: page, ghorbani or yang.",
        subcommands = {ReproducePageCommand.class, ReproduceGhorbaniCommand.class, ReproduceYangCommand.class})
public final class ReproduceCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "reproduce needs an experiment: page, ghorbani or yang");
    }
}
