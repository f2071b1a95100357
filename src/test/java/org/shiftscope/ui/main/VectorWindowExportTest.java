// The window's vector export, headless: the export bar's figure button offers SVG and PDF and writes the charts
// as an SVG with their words as text; a chart's context menu offers them too and writes that chart as a PDF.
package org.shiftscope.ui.main;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.ui.runs.TaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class VectorWindowExportTest {
    @TempDir
    Path folder;
    private WindowViewModel vm;
    private MainView view;
    /** The filters each save dialog offered, and the answer it gives: the filter named so, a file without extension. */
    private final AtomicReference<List<String>> offered = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        vm = new WindowViewModel(MainViewTest.config(), SyntheticData.generate(1), System::nanoTime, TaskExecutor.sameThread());
        view = new MainView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        view.stop();
        vm.close();
    }

    private void answer(String filter, String name) {
        view.exportBar().setSaveDialog(chooser -> {
            offered.set(chooser.getExtensionFilters().stream().map(FileChooser.ExtensionFilter::getDescription).toList());
            chooser.getExtensionFilters().stream().filter(f -> f.getDescription().equals(filter)).findFirst()
                    .ifPresent(chooser::setSelectedExtensionFilter);
            return new File(folder.toFile(), name);
        });
    }

    private void trainABit(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        MainViewTest.waitUntil(() -> vm.runs().stepsProperty().get() >= 40 && view.lossChart().pointCount() > 40);
        robot.clickOn("#pause");
    }

    @Test
    void theFigureButtonWritesTheChartsAsAnSvgWithTheirWordsAsText(FxRobot robot) throws Exception {
        trainABit(robot);
        answer("SVG vector figure", "figure");
        robot.clickOn("#export-vector");
        MainViewTest.waitUntil(() -> Files.exists(folder.resolve("figure.svg")));
        assertEquals(List.of("SVG vector figure", "PDF vector figure"), offered.get());
        var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve("figure.svg").toFile());
        var texts = svg.getElementsByTagName("text");
        var words = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            words.append(texts.item(i).getTextContent()).append('\n');
        }
        assertTrue(words.toString().contains("Loss") && words.toString().contains("Accuracy"), words.toString());
    }

    @Test
    void aChartsContextMenuWritesThatChartAsAPdf(FxRobot robot) throws Exception {
        trainABit(robot);
        answer("PDF vector figure", "loss-only");
        var chart = view.lossChart().chart();
        var centre = robot.point(chart).query();
        robot.interact(() -> Event.fireEvent(chart, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                chart.getWidth() / 2, chart.getHeight() / 2, centre.getX(), centre.getY(), false, null)));
        robot.clickOn("Export this chart (PNG, SVG, PDF)…");
        Path pdf = folder.resolve("loss-only.pdf");
        MainViewTest.waitUntil(() -> Files.exists(pdf));
        assertEquals(List.of("PNG image", "JPEG image", "SVG vector figure", "PDF vector figure"), offered.get());
        try (var document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Loss") && !text.contains("Accuracy"), "the loss chart alone: " + text);
        }
    }
}
