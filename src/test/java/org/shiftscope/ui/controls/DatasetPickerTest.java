// The Dataset box, clicked for real: after a cancelled or refused folder it shows the dataset the run still
// trains on, a loaded folder is shown by its name, and a dataset chosen elsewhere (a scenario) is shown too.
package org.shiftscope.ui.controls;

import org.shiftscope.ui.runs.TaskExecutor;

import org.shiftscope.ui.main.MainViewTest;

import org.shiftscope.ui.main.WindowViewModel;

import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.data.IdxReader;
import org.shiftscope.model.data.MnistFile;
import org.shiftscope.model.data.SyntheticData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class DatasetPickerTest {
    /** Side of the tiny images written for a valid folder, in pixels. */
    private static final int SIDE = 2;

    @TempDir
    Path temp;
    /** What the folder dialog answers next: a folder, or null for Cancel. */
    private File answer;
    private WindowViewModel vm;
    private ChoiceBox<String> box;

    @Start
    void start(Stage stage) {
        vm = new WindowViewModel(MainViewTest.config(), SyntheticData.generate(1), System::nanoTime, TaskExecutor.sameThread());
        box = DatasetPicker.choice(vm.runs(), vm.choices(), window -> answer);
        stage.setScene(new Scene(new VBox(box), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private void pick(FxRobot robot, String entry) {
        robot.clickOn(box);
        robot.clickOn(entry);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCancelledOrRefusedFolderLeavesTheBoxOnTheDatasetInUse(FxRobot robot) throws IOException {
        assertEquals(SyntheticData.NAME, box.getValue());

        answer = null;
        pick(robot, DatasetPicker.FOLDER);
        assertEquals(SyntheticData.NAME, box.getValue(), "cancelled");

        answer = Files.createDirectory(temp.resolve("empty")).toFile();
        pick(robot, DatasetPicker.FOLDER);
        assertFalse(vm.runs().messageLine().textProperty().get().isEmpty(), "the refusal says why");
        assertEquals(SyntheticData.NAME, box.getValue(), "refused");
        assertEquals(SyntheticData.NAME, vm.runs().datasetNameProperty().get());
        assertFalse(box.getItems().contains(answer.getAbsolutePath()), "a refused folder is no entry");
    }

    @Test
    void aLoadedFolderIsShownByNameAndStaysAfterACancelledOne(FxRobot robot) throws IOException {
        String digits = validFolder(temp.resolve("digits")).toString();
        answer = new File(digits);
        pick(robot, DatasetPicker.FOLDER);
        assertEquals(digits, vm.runs().datasetNameProperty().get(), vm.runs().messageLine().textProperty().get());
        assertEquals(digits, box.getValue());
        assertEquals("folder: digits", robot.from(box).lookup(".label").queryLabeled().getText());

        answer = null;
        pick(robot, DatasetPicker.FOLDER);
        assertEquals(digits, box.getValue(), "still the folder after a cancelled one");

        pick(robot, SyntheticData.NAME);
        assertEquals(SyntheticData.NAME, vm.runs().datasetNameProperty().get());
        assertEquals(SyntheticData.NAME, box.getValue());
    }

    /** Four training and two test images of SIDE × SIDE pixels in the four MNIST files. */
    private static Path validFolder(Path folder) throws IOException {
        Files.createDirectory(folder);
        Files.write(folder.resolve(MnistFile.TRAIN_IMAGES.fileName()), images(4));
        Files.write(folder.resolve(MnistFile.TRAIN_LABELS.fileName()), labels(0, 1, 2, 3));
        Files.write(folder.resolve(MnistFile.TEST_IMAGES.fileName()), images(2));
        Files.write(folder.resolve(MnistFile.TEST_LABELS.fileName()), labels(1, 2));
        return folder;
    }

    private static byte[] images(int count) {
        var buffer = ByteBuffer.allocate(4 * Integer.BYTES + count * SIDE * SIDE)
                .putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(SIDE).putInt(SIDE);
        for (int i = 0; i < count * SIDE * SIDE; i++) {
            buffer.put((byte) (i * 37));
        }
        return buffer.array();
    }

    private static byte[] labels(int... labels) {
        var buffer = ByteBuffer.allocate(2 * Integer.BYTES + labels.length).putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }
}
