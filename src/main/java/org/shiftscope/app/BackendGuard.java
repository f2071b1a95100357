// Checks at start-up that ND4J has a backend that can run, and says so in one sentence when it has not (no
// CUDA runtime, or a GPU newer than ND4J's CUDA kernels, in which case ShiftScope restarts on the CPU backend
// through ND4J's BACKEND_PRIORITY_GPU environment variable).
package org.shiftscope.app;

import org.shiftscope.model.Backend;
import org.shiftscope.model.BackendInfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

final class BackendGuard {
    /** ND4J orders backends by these variables; a negative GPU priority puts the CPU backend first. */
    static final String GPU_PRIORITY = "BACKEND_PRIORITY_GPU";
    static final String CPU_FIRST = "-1";

    enum Verdict { USABLE, NO_BACKEND, UNSUPPORTED_GPU }

    record Outcome(Verdict verdict, String message) {
    }

    private BackendGuard() {
    }

    static Outcome check(Supplier<BackendInfo> probe) {
        BackendInfo info;
        try {
            info = probe.get();
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(Verdict.NO_BACKEND, "No usable ND4J backend could start (" + rootMessage(e) + "). "
                    + Backend.NO_BACKEND_HELP);
        }
        return info.supported() ? new Outcome(Verdict.USABLE, info.description())
                : new Outcome(Verdict.UNSUPPORTED_GPU, info.unsupportedMessage());
    }

    /**
     * @return null to go on in this JVM, or the exit code to end with (after running again on the CPU)
     */
    static Integer ensureUsable(PrintWriter err) {
        // ND4J prints a stack trace when it probes a CUDA backend that cannot load, then falls back to the
        // CPU: keep that trace from the user and say it in one sentence instead.
        var original = System.err;
        var captured = new ByteArrayOutputStream();
        Outcome outcome;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            outcome = check(Backend::info);
        } finally {
            System.setErr(original);
        }
        String probeOutput = captured.toString(StandardCharsets.UTF_8);
        switch (outcome.verdict()) {
            case USABLE:
                if (probeOutput.contains("Error") || probeOutput.contains("Exception")) {
                    err.println("The CUDA backend could not start (" + firstErrorLine(probeOutput) + "), so ShiftScope runs on "
                            + outcome.message() + ". " + Backend.NO_BACKEND_HELP);
                    err.flush();
                }
                return null;
            case NO_BACKEND:
                err.println(outcome.message());
                err.flush();
                return 1;
            default:
                err.println(outcome.message());
                err.flush();
                if (CPU_FIRST.equals(System.getenv(GPU_PRIORITY))) {
                    return 1;                      // already asked for the CPU and still got the GPU: stop
                }
                return relaunchOnCpu(err);
        }
    }

    private static Integer relaunchOnCpu(PrintWriter err) {
        var info = ProcessHandle.current().info();
        if (info.command().isEmpty()) {
            err.println("Start ShiftScope again with the environment variable " + GPU_PRIORITY + "=" + CPU_FIRST + ".");
            return 1;
        }
        List<String> command = new ArrayList<>();
        command.add(info.command().get());
        command.addAll(List.of(info.arguments().orElse(new String[0])));
        var builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(GPU_PRIORITY, CPU_FIRST);
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            err.println("Could not start again on the CPU (" + e.getMessage() + "); set " + GPU_PRIORITY + "=" + CPU_FIRST + ".");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String firstErrorLine(String text) {
        return text.lines().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst()
                .map(l -> l.replaceFirst("^[\\w.$]+(Error|Exception): ", "")).orElse("unknown reason").trim();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
    }
}
