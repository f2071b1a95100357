// A tiny program for ShutdownQuietTest: prints whether ShutdownQuiet sees the JVM shutting down, once while
// running and once from a shutdown hook.
package org.shiftscope.app;

final class ShutdownProbe {
    private ShutdownProbe() {
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook " + ShutdownQuiet.jvmShuttingDown())));
        System.out.println("running " + ShutdownQuiet.jvmShuttingDown());
    }
}
