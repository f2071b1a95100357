// The desktop application: the embedded Fashion-MNIST subset, the classroom default network, one window.
// Launched by Main when no command is given (Main itself does not extend Application, so `java -jar` works).
package org.shiftscope.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.train.HessianSettings;
import org.shiftscope.model.train.TrainingConfig;
import org.shiftscope.ui.ClassroomWindow;
import org.shiftscope.ui.MainView;
import org.shiftscope.ui.QuickExport;
import org.shiftscope.ui.TrainingViewModel;
import org.shiftscope.model.net.BnMode;

public final class ShiftScopeApp extends Application {
    /**
     * Hessian refresh of the classroom default: due every 100 steps, started whenever the Hessian thread is
     * free, on 512 examples (half the CLI default, so a BN-on top-10 takes seconds rather than ten).
     */
    static final HessianSettings CLASSROOM_HESSIAN = new HessianSettings(100, 10, 512, 0);

    static final String START = "--start";
    static final String BN_PREFIX = "--bn=";

    private TrainingViewModel viewModel;
    private MainView view;

    /** The classroom default with a periodic Hessian. */
    static TrainingConfig defaultConfig() {
        var c = TrainingConfig.classroomDefault();
        return new TrainingConfig(c.dataset(), c.depth(), c.width(), c.activation(), c.init(), c.centerInputs(),
                c.batchSize(), c.steps(), c.seed(), c.evalEvery(), c.trackedUnit(), c.optimizer(), CLASSROOM_HESSIAN);
    }

    @Override
    public void start(Stage stage) throws Exception {
        var config = defaultConfig();
        for (String parameter : getParameters().getRaw()) {
            if (parameter.startsWith(BN_PREFIX)) {
                var mode = BnMode.parse(parameter.substring(BN_PREFIX.length()));
                config = new TrainingConfig(config.dataset(), config.depth(), config.width(), config.activation(),
                        config.init(), config.centerInputs(), config.batchSize(), config.steps(), config.seed(),
                        config.evalEvery(), config.trackedUnit(), config.optimizer().withBnMode(mode), config.hessian());
            }
        }
        var dataset = DatasetSource.load(config.dataset(), config.seed());
        viewModel = new TrainingViewModel(config, dataset, System::nanoTime);
        view = new MainView(viewModel);
        stage.setTitle("ShiftScope — why Batch Normalization works");
        var screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight())));
        ClassroomWindow.install(stage, view, viewModel, LaunchLook.from(getParameters().getRaw()), QuickExport::defaultFolder);
        stage.show();
        if (getParameters().getRaw().contains(START)) {
            viewModel.start();
        }
    }

    @Override
    public void stop() {
        if (view != null) {
            view.stop();
        }
        if (viewModel != null) {
            viewModel.close();
        }
    }
}
