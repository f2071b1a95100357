// A live chart's context menu: a logarithmic y axis on or off, and an export of the chart alone (PNG, JPEG,
// or a vector SVG or PDF).
package org.shiftscope.ui.charts;

import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

import java.util.function.Consumer;

final class ChartMenu {
    private ChartMenu() {
    }

    /** Opens the menu on a context-menu request over {@code target}; the log item starts as {@code logY}. */
    static void attach(Node target, boolean logY, Consumer<Boolean> setLogY, Runnable export) {
        var log = new CheckMenuItem("Logarithmic y axis");
        log.setSelected(logY);
        log.setOnAction(e -> setLogY.accept(log.isSelected()));
        var exportItem = new MenuItem("Export this chart (PNG, SVG, PDF)…");
        exportItem.setOnAction(e -> export.run());
        var menu = new ContextMenu(log, exportItem);
        target.setOnContextMenuRequested(e -> menu.show(target, e.getScreenX(), e.getScreenY()));
    }
}
