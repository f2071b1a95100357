// The desktop application: the embedded Fashion-MNIST subset, the classroom default network, one window.
// Launched by Main when no command is given (Main itself does not extend Application, so `java -jar` works).
package org.shiftscope.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.ui.classroom.ClassroomWindow;
import org.shiftscope.ui.main.MainView;
import org.shiftscope.ui.export.QuickExport;
import org.shiftscope.ui.main.WindowViewModel;
import org.shiftscope.ui.runs.BackgroundExecutor;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.scenario.InvalidScenarioException;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.scenario.ScenarioReader;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

public final class ShiftScopeApp extends Application {

    static final String START = "--start";
    static final String BN_PREFIX = "--bn=";
    static final String SCENARIO_PREFIX = "--scenario=";
    static final String MEMORY_REPORT_PREFIX = "--memory-report=";

    private WindowViewModel viewModel;
    private MainView view;
    private MemoryReporter memoryReporter;

    /** The classroom default with a periodic Hessian. */
    static TrainingConfig defaultConfig() {
        return TrainingConfig.classroomDefault().withHessian(HessianSettings.classroom());
    }

    @Override
    public void start(Stage stage) throws Exception {
        ShutdownQuiet.install();
        var config = defaultConfig();
        Scenario scenario = null;
        for (String parameter : getParameters().getRaw()) {
            if (parameter.startsWith(BN_PREFIX)) {
                var mode = BnMode.parse(parameter.substring(BN_PREFIX.length()));
                config = config.withOptimizer(config.optimizer().withBnMode(mode));
            } else if (parameter.startsWith(SCENARIO_PREFIX)) {
                scenario = scenario(parameter.substring(SCENARIO_PREFIX.length()));
            }
        }
        int memoryReportSeconds = getParameters().getRaw().stream().filter(p -> p.startsWith(MEMORY_REPORT_PREFIX))
                .mapToInt(p -> Integer.parseInt(p.substring(MEMORY_REPORT_PREFIX.length()))).findFirst().orElse(0);
        var dataset = DatasetSource.load(config.dataset(), config.seed());
        viewModel = new WindowViewModel(config, dataset, System::nanoTime, new BackgroundExecutor());
        view = new MainView(viewModel);
        stage.setTitle("ShiftScope — why Batch Normalization works");
        var screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight())));
        ClassroomWindow.install(stage, view, viewModel, LaunchLook.from(getParameters().getRaw()), QuickExport::defaultFolder);
        stage.show();
        if (memoryReportSeconds > 0) {
            var steps = new AtomicLong();
            viewModel.runs().stepsProperty().addListener((property, before, now) -> steps.set(now.longValue()));
            memoryReporter = new MemoryReporter(memoryReportSeconds, steps::get);
        }
        if (scenario != null) {
            viewModel.choices().play(scenario);
        } else if (getParameters().getRaw().contains(START)) {
            viewModel.runs().start();
        }
    }

    /** A bundled scenario by id, else a scenario file; a bad one stops the start with its message. */
    static Scenario scenario(String idOrFile) throws InvalidScenarioException {
        var bundled = ScenarioReader.bundled(idOrFile);
        return bundled != null ? bundled : ScenarioReader.read(Path.of(idOrFile));
    }

    @Override
    public void stop() {
        if (memoryReporter != null) {
            memoryReporter.close();
        }
        if (view != null) {
            view.stop();
        }
        if (viewModel != null) {
            viewModel.close();
        }
    }
}
