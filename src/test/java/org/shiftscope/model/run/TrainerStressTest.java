// Hammers the background trainer with random commands from two threads at once for a bounded time (Start,
// Pause, Step, live settings incl. BN toggles, rebuilds, Hessian requests): no failure, no deadlock, no
// stale result shown as current, and a prompt, clean close.
package org.shiftscope.model.run;

import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.train.TrainingSnapshot;
import org.shiftscope.model.config.TrainingConfig;

import org.shiftscope.model.config.HessianSettings;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;

import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerStressTest {
    static final long DURATION_MS = 3000;
    static final int THREADS = 2;

    @Test
    void randomCommandsFromTwoThreadsNeitherFailNorDeadlock() throws Exception {
        var base = RunFixtures.config(BnMode.ON, 0.05, 64);
        var config = new TrainingConfig(base.dataset(), base.depth(), base.width(), base.activation(), base.init(),
                base.centerInputs(), base.batchSize(), base.steps(), base.seed(), base.evalEvery(), base.trackedUnit(),
                base.optimizer(), new HessianSettings(7, 3, 64, 8));
        var trainer = new BackgroundTrainer(config, RunFixtures.DATA);
        var problem = new AtomicReference<Throwable>();
        var threads = new ArrayList<Thread>();
        long end = System.currentTimeMillis() + DURATION_MS;
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            threads.add(new Thread(() -> {
                var random = new Random(seed);
                try {
                    while (System.currentTimeMillis() < end) {
                        switch (random.nextInt(7)) {
                            case 0 -> trainer.start();
                            case 1 -> trainer.pause();
                            case 2 -> trainer.step();
                            case 3 -> trainer.setLiveSettings(trainer.snapshot().settings()
                                    .withBnMode(BnMode.values()[random.nextInt(3)])
                                    .withLearningRate(Math.pow(10, -3 + 3 * random.nextDouble())));
                            case 4 -> trainer.rebuild(random.nextBoolean() ? config : new TrainingConfig(config.dataset(),
                                    1 + random.nextInt(4), 8 + 8 * random.nextInt(4), config.activation(), config.init(),
                                    config.centerInputs(), config.batchSize(), config.steps(), random.nextInt(5),
                                    config.evalEvery(), 0, config.optimizer(), config.hessian()));
                            case 5 -> trainer.requestHessian();
                            default -> {
                                trainer.drainRecords();
                                var snapshot = trainer.snapshot();
                                var report = trainer.latestHessian();
                                if (report != null && report.generation() == snapshot.generation()) {
                                    assertTrue(report.step() <= snapshot.stepsTaken() + 1, "a report is never ahead of its run");
                                }
                            }
                        }
                        Thread.sleep(random.nextInt(3));
                    }
                } catch (Throwable e) {
                    problem.compareAndSet(null, e);
                }
            }, "stress-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertNull(problem.get(), () -> "a command failed: " + problem.get());
        assertNotEquals(TrainerState.FAILED, trainer.snapshot().state(), trainer.snapshot().message());
        long closeStart = System.nanoTime();
        trainer.close();
        assertTrue((System.nanoTime() - closeStart) / 1e9 < 5, "closes promptly");
        assertFalse(trainer.isAlive(), "no thread left");
    }
}
