// The window as the app builds it (MainView with the classroom features: look, explanations, shortcuts),
// on the small synthetic run of MainViewTest, for the headless TestFX tests of issue 9.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.runs.TaskExecutor;

import org.shiftscope.ui.main.MainViewTest;

import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.main.MainView;
import org.shiftscope.ui.main.WindowViewModel;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.shiftscope.model.data.SyntheticData;

import java.nio.file.Path;
import java.util.function.Supplier;

public final class ClassroomFixture {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 720;

    public final WindowViewModel vm;
    final MainView view;
    public final Appearance appearance;
    final ClassroomWindow window;

    public ClassroomFixture(Stage stage, Appearance appearance, Supplier<Path> exportFolder) {
        this.vm = new WindowViewModel(MainViewTest.config(), SyntheticData.generate(1), System::nanoTime, TaskExecutor.sameThread());
        this.view = new MainView(vm);
        this.appearance = appearance;
        stage.setFullScreen(false);
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        this.window = ClassroomWindow.install(stage, view, vm, appearance, exportFolder);
        stage.show();
    }

    public void close() {
        view.stop();
        vm.close();
    }
}
