// Entry point of ShiftScope: the command line (picocli). Does not extend Application, so the plain
// class path launch (java -jar) works with JavaFX on the class path.
package org.shiftscope.app;

import org.shiftscope.model.HostPlatform;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.scenario.InvalidScenarioException;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import javafx.application.Application;

@Command(name = "shiftscope", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Watch why Batch Normalization works: live training, layer statistics and Hessian outliers.",
        subcommands = {TrainCommand.class, HessianCommand.class, BenchCommand.class, SoakCommand.class,
                RenderCommand.class, ReproduceCommand.class})
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
                .setParameterExceptionHandler(UsageErrors::report)
                .setExecutionExceptionHandler((e, cli, parsed) -> {
                    if (NO_DISPLAY.equals(e.getMessage())) {
                        return TrainCommand.EXIT_BAD_INPUT;
                    }
                    LOG.debug("command failed", e);
                    IOException io = e instanceof UncheckedIOException unchecked ? unchecked.getCause()
                            : e instanceof IOException checked ? checked : null;
                    String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                    cli.getErr().println("error: " + (io != null ? "input/output failed: " + WriteFailure.reason(io) : reason));
                    return 1;
                })
                .registerConverter(BnMode.class, new EnumConverter<>(BnMode.class, BnMode::parse))
                .registerConverter(ActivationFunction.class,
                        new EnumConverter<>(ActivationFunction.class, ActivationFunction::parse))
                .registerConverter(Initialization.class, new EnumConverter<>(Initialization.class, Initialization::parse))
                .registerConverter(Architecture.class, new EnumConverter<>(Architecture.class, Architecture::parse))
                .registerConverter(Normalization.class, new EnumConverter<>(Normalization.class, Normalization::parse))
                .registerConverter(RenderCommand.Format.class,
                        new EnumConverter<>(RenderCommand.Format.class, RenderCommand.Format::parse));
    }

    /**
     * Whether a window can open: always on Windows and macOS (their desktop is no variable), under Monocle, and
     * on Linux and other Unixes when DISPLAY or WAYLAND_DISPLAY names a display server.
     */
    static boolean hasDisplay(HostPlatform platform, Map<String, String> env, String glassPlatform) {
        if (platform.isWindows() || platform.isMac() || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    /** Read when ND4J loads, so set before any ND4J class is touched. */
    private static void quietNd4jStartup() {
        System.setProperty("org.nd4j.log.initialization", System.getProperty("org.nd4j.log.initialization", "false"));
    }

    @CommandLine.Option(names = "--start", description = "Open the window and start training at once.")
    private boolean startTraining;

    @CommandLine.Option(names = "--bn", description = "BN mode the window opens with: off, on or frozen. Default: on.")
    private BnMode bnMode;

    @CommandLine.Option(names = "--scenario", description = "Open the window playing this bundled scenario (see render --list) or scenario file.")
    private String scenario;
    @CommandLine.Option(names = "--present", arity = "0..1", fallbackValue = "1.5", paramLabel = "SCALE",
            description = "Open in presentation mode for a projector: every font × SCALE (1–3; 1.5 if no value; 2 for large halls).")
    private String presentScale;

    @CommandLine.Option(names = "--theme", paramLabel = "light|dark", description = "Colour theme, both high-contrast. Default: light.")
    private String theme;

    @CommandLine.Option(names = "--memory-report", paramLabel = "SECONDS",
            description = "Print a line of memory figures (as the soak command does) every SECONDS, for long runs of the window.")
    private Integer memoryReportSeconds;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);
    private static final String NO_DISPLAY = "no display";

    /** JavaFX warns on every class-path start (it prefers the module path); ShiftScope runs fine either way. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /** Bad --present, --theme or --memory-report values are usage errors (exit code 2), found before any window opens. */
    private void checkOptions() {
        if (memoryReportSeconds != null && memoryReportSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--memory-report: SECONDS must be at least 1 (got "
                    + memoryReportSeconds + ")");
        }
        try {
            if (presentScale != null) {
                Appearance.parseScale(presentScale);
            }
            if (theme != null) {
                Theme.parse(theme);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** No command: open the window. */
    @Override
    public void run() {
        checkOptions();
        if (!hasDisplay(HostPlatform.current(), System.getenv(), System.getProperty("glass.platform"))) {
            spec.commandLine().getErr().println("ShiftScope's window needs a display (DISPLAY or WAYLAND_DISPLAY is not set). "
                    + "Without one, use the train, hessian or bench commands (see --help).");
            spec.commandLine().getErr().flush();
            throw new CommandLine.ExecutionException(spec.commandLine(), NO_DISPLAY);
        }
        if (scenario != null) {
            try {
                ShiftScopeApp.scenario(scenario);
            } catch (InvalidScenarioException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
            }
        }
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        var parameters = new ArrayList<String>();
        if (startTraining) {
            parameters.add(ShiftScopeApp.START);
        }
        if (bnMode != null) {
            parameters.add(ShiftScopeApp.BN_PREFIX + bnMode.label());
        }
        if (scenario != null) {
            parameters.add(ShiftScopeApp.SCENARIO_PREFIX + scenario);
        }
        if (presentScale != null) {
            parameters.add(LaunchLook.PRESENT_PREFIX + presentScale);
        }
        if (theme != null) {
            parameters.add(LaunchLook.THEME_PREFIX + theme);
        }
        if (memoryReportSeconds != null) {
            parameters.add(ShiftScopeApp.MEMORY_REPORT_PREFIX + memoryReportSeconds);
        }
        Application.launch(ShiftScopeApp.class, parameters.toArray(String[]::new));
    }
}
