// The main window with its scenario banner (MainView on the small synthetic run of MainViewTest), shown at a given size, for the
// headless TestFX tests that click through it; close() stops the view and the trainers.
package org.shiftscope.ui.main;

import org.shiftscope.ui.runs.TaskExecutor;

import javafx.scene.Scene;
import org.shiftscope.ui.classroom.ScenarioBanner;
import javafx.stage.Stage;
import org.shiftscope.model.data.SyntheticData;

final class WindowFixture {
    final WindowViewModel vm;
    final MainView view;

    WindowFixture(Stage stage, double width, double height) {
        vm = new WindowViewModel(MainViewTest.config(), SyntheticData.generate(1), System::nanoTime, TaskExecutor.sameThread());
        view = new MainView(vm);
        view.setBanner(new ScenarioBanner(vm.choices()));
        stage.setScene(new Scene(view, width, height));
        stage.show();
    }

    void close() {
        view.stop();
        vm.close();
    }
}
