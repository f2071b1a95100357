// The λ chart and the density chart in the window, headless under Monocle: after a real click on "BN off" the
// λ chart's badge names a report of the new mode and its age, and the spectral density appears with the top-k
// eigenvalues marked on it, drawn from a real density computation.
package org.shiftscope.ui.main;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.model.net.BnMode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class LiveCurvatureViewTest {
    private WindowFixture window;
    private WindowViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = new WindowFixture(stage, 1280, 800);
        vm = window.vm;
        view = window.view;
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void aBnSwitchBringsAFreshReportOnTheBadgeAndTheDensityWithItsOutliersMarked(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        MainViewTest.waitUntil(() -> view.hessianChart().badgeText().startsWith("latest: step"));
        robot.clickOn("#bn-off");
        MainViewTest.waitUntil(() -> vm.runs().history().latestHessian() != null && vm.runs().history().latestHessian().bnMode() == BnMode.OFF
                && view.densityChart().isVisible() && view.densityChart().getScene() != null
                && view.densityChart().shownSeries().size() == 2);
        String badge = view.hessianChart().badgeText();
        assertTrue(badge.startsWith("latest: step") && !badge.contains("stale"), badge);
        var lines = view.densityChart().shownSeries();
        assertTrue(lines.get(0).name().contains("BN off") && lines.get(0).size() > 100, lines.get(0).name());
        assertTrue(lines.get(1).points(), "the top-k eigenvalues are drawn as points");
        assertEquals(vm.runs().history().latestHessian().eigenvalues().length, lines.get(1).size());
        assertTrue(view.densityChart().pointCount() > 100, "the chart holds the curve's points");
        robot.clickOn("#pause");
    }
}
