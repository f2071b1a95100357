// Starts JavaFX without a display for the headless commands: Monocle's headless platform with software
// rendering (the same settings as the headless tests), or nothing if the toolkit already runs (tests).
package org.shiftscope.app;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;

final class HeadlessFx {
    private HeadlessFx() {
    }

    /** Idempotent; the toolkit stays up (implicit exit off) until the JVM ends. */
    static synchronized void start() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("headless.geometry", "1920x1200-32");   // Monocle's default screen (1280×800) is smaller than the board
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
        var started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }
}
