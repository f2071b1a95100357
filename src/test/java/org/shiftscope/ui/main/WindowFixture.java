// The main window alone (MainView on the small synthetic run of MainViewTest), shown at a given size, for the
// headless TestFX tests that click through it; close() stops the view and the trainers.
package org.shiftscope.ui.main;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.shiftscope.model.data.SyntheticData;

final class WindowFixture {
    final TrainingViewModel vm;
    final MainView view;

    WindowFixture(Stage stage, double width, double height) {
        vm = new TrainingViewModel(MainViewTest.config(), SyntheticData.generate(1), System::nanoTime);
        view = new MainView(vm);
        stage.setScene(new Scene(view, width, height));
        stage.show();
    }

    void close() {
        view.stop();
        vm.close();
    }
}
