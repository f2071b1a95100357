// Entry point of ShiftScope: the command line (picocli). Does not extend Application, so the plain
// class path launch (java -jar) works with JavaFX on the class path.
package org.shiftscope.app;

import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import java.util.ArrayList;
import javafx.application.Application;

@Command(name = "shiftscope", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Watch why Batch Normalization works: live training, layer statistics and Hessian outliers.",
        subcommands = {TrainCommand.class, HessianCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        var cli = commandLine();
        Integer stop = BackendGuard.ensureUsable(cli.getErr());
        System.exit(stop != null ? stop : cli.execute(args));
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        quietNd4jStartup();
        return new CommandLine(new Main())
                .registerConverter(BnMode.class, BnMode::parse)
                .registerConverter(ActivationFunction.class, ActivationFunction::parse)
                .registerConverter(Initialization.class, Initialization::parse);
    }

    /** Read when ND4J loads, so set before any ND4J class is touched. */
    private static void quietNd4jStartup() {
        System.setProperty("org.nd4j.log.initialization", System.getProperty("org.nd4j.log.initialization", "false"));
    }

    @CommandLine.Option(names = "--start", description = "Open the window and start training at once.")
    private boolean startTraining;

    @CommandLine.Option(names = "--bn", description = "BN mode the window opens with: off, on or frozen. Default: on.")
    private BnMode bnMode;

    /** No command: open the window. */
    @Override
    public void run() {
        var parameters = new ArrayList<String>();
        if (startTraining) {
            parameters.add(ShiftScopeApp.START);
        }
        if (bnMode != null) {
            parameters.add(ShiftScopeApp.BN_PREFIX + bnMode.label());
        }
        Application.launch(ShiftScopeApp.class, parameters.toArray(String[]::new));
    }
}
