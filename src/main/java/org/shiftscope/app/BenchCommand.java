// `shiftscope bench`: the training-step and Hessian benchmark with the same definitions as the PyTorch peer
// src/test/python/torch_peer.py (random uniform inputs of the same shape, the same network, SGD lr 0.01 momentum 0.9, 10 warm-up steps),
// printed as one JSON line with the peer's keys so the two can be compared side by side.
package org.shiftscope.app;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.Backend;
import org.shiftscope.model.NativeMemoryGuard;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.hessian.EigenResult;
import org.shiftscope.model.hessian.ExactHessian;
import org.shiftscope.model.hessian.HessianAnalysis;
import org.shiftscope.model.hessian.Lanczos;
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.Workspaces;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Dense;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.Matrices;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Pass;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.SgdOptimizer;
import org.shiftscope.model.config.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training steps and the top-k Hessian like src/test/python/torch_peer.py and print one JSON line.")
public final class BenchCommand implements Callable<Integer> {
    private static final int WARM_UP_STEPS = 10;
    private static final double LEARNING_RATE = 0.01;
    private static final double MOMENTUM = 0.9;

    /** A 64×64 image's pixels; far above the embedded data's 784. */
    static final int MAX_INPUTS = 4096;
    static final int MIN_CLASSES = 2;
    static final int MAX_CLASSES = 1000;
    static final int MIN_STEPS = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private NetworkOptions network;
    @Option(names = "--depth", defaultValue = "8", description = "Hidden layers, 1–50 (convnets: stages, 1–20). Default: ${DEFAULT-VALUE}.")
    private int depth;
    @Option(names = "--width", defaultValue = "256", description = "Units per hidden layer, 8–1024 (convnets: the first "
            + "stage's channels, 8–128). Default: ${DEFAULT-VALUE}.")
    private int width;
    @Option(names = "--batch", defaultValue = "128", description = "Mini-batch size, 1–4096 (2 or more with --bn on). Default: ${DEFAULT-VALUE}.")
    private int batch;
    @Option(names = "--inputs", defaultValue = "784", description = "Input features, 1–4096. Default: ${DEFAULT-VALUE}.")
    private int inputs;
    @Option(names = "--classes", defaultValue = "10", description = "Classes, 2–1000. Default: ${DEFAULT-VALUE}.")
    private int classes;
    @Option(names = "--bn", defaultValue = "off", description = "The normalisation's mode: off, on or frozen. Default: ${DEFAULT-VALUE}.")
    private BnMode bn;
    @Option(names = "--activation", defaultValue = "relu", description = "relu, tanh, sigmoid or softplus. Default: ${DEFAULT-VALUE}.")
    private ActivationFunction activation;
    @Option(names = "--steps", defaultValue = "200", description = "Timed steps, at least 1. Default: ${DEFAULT-VALUE}.")
    private int steps;
    @Option(names = "--hessian-samples", defaultValue = "1024", description = "0 skips the Hessian part; else 1–20000. Default: ${DEFAULT-VALUE}.")
    private int hessianSamples;
    @Option(names = "--top-k", defaultValue = "10", description = "Hessian eigenvalues, 1–30. Default: ${DEFAULT-VALUE}.")
    private int topK;
    @Option(names = "--lanczos-iters", defaultValue = "40", description = "Lanczos iterations, 0–1000; 0 = 4·top-k. Default: ${DEFAULT-VALUE}.")
    private int lanczosIterations;

    @Override
    public Integer call() throws Exception {
        var settings = new LiveSettings(LEARNING_RATE, MOMENTUM, false, 0, bn);
        var config = checkOptions(settings);
        int iterations = HessianAnalysis.Request.of(config.hessian()).lanczosIterations();
        var random = new Random(0);
        var network = new Network(UsageErrors.build(spec, () -> config.networkSpec(inputs, classes)), bn, DataType.FLOAT);
        network.setStatisticsGroupRows(config.network().ghostBatch());
        var x = new float[batch * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();                                      // like torch.rand
        }
        var input = Nd4j.create(x, new long[]{batch, inputs}, DataType.FLOAT); // (batch, inputs)
        int[] labels = random.ints(batch, 0, classes).toArray();
        var optimizer = new SgdOptimizer();
        var memoryGuard = new NativeMemoryGuard();
        Runnable step = () -> {
            memoryGuard.check();
            try (var workspace = Workspaces.open("training-step")) {
                network.zeroGradients();
                network.lossAndGradient(input, labels, Pass.TRAINING_STEP);
                optimizer.apply(network.parameters(), settings);
            }
        };
        double stepSeconds = secondsPerRun(step);

        var result = new LinkedHashMap<String, Object>();
        result.put("peer", "shiftscope-nd4j");
        result.put("backend", Backend.describe());
        result.put("arch", config.network().architecture().label());
        result.put("norm", config.network().normalization().label());
        result.put("depth", depth);
        result.put("width", width);
        result.put("batch", batch);
        result.put("bn", bn.label());
        result.put("train_steps_per_s", 1 / stepSeconds);
        result.put("train_ms_per_step", stepSeconds * 1e3);
        if (!config.network().architecture().convolutional()) {
            result.putAll(timeMatrixProducts(network, input));
            result.put("train_ms_per_gemm_ms", stepSeconds * 1e3 / (Double) result.get("gemm_ms_per_step"));
        }
        if (hessianSamples > 0) {
            result.putAll(timeHessian(network, random, iterations, config.network().ghostBatch()));
        }
        System.out.println(Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(result));
        return 0;
    }

    /**
     * Refuses out-of-range options before anything reaches ND4J, with train's ranges where the option is shared
     * (the network and batch are checked as the training config train would build); returns that config.
     */
    private TrainingConfig checkOptions(LiveSettings settings) {
        return UsageErrors.build(spec, () -> {
            Limits.requireRange("steps", steps, MIN_STEPS, Integer.MAX_VALUE);
            Limits.requireRange("inputs", inputs, 1, MAX_INPUTS);
            Limits.requireRange("classes", classes, MIN_CLASSES, MAX_CLASSES);
            Limits.requireRange("hessian-samples", hessianSamples, 0, HessianSettings.MAX_SAMPLES);
            return new TrainingConfig("synthetic", network.shape(), depth, width, activation, Initialization.HE, false,
                    batch, steps, 0, TrainingConfig.DEFAULT_EVAL_EVERY, 0, settings,
                    new HessianSettings(0, topK, HessianSettings.defaults().samples(), lanczosIterations));
        });
    }

    /** Mean wall-clock seconds of one run over --steps runs, after the peer's 10 warm-up runs. */
    private double secondsPerRun(Runnable run) {
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            run.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            run.run();
        }
        return (System.nanoTime() - start) / 1e9 / steps;
    }

    /**
     * The matrix products alone of one training step, same shapes and BLAS calls as the layers make (forward
     * x·W, backward xᵀ·δ and δ·Wᵀ per dense layer): the floor the step's time is compared with.
     */
    private Map<String, Object> timeMatrixProducts(Network network, INDArray input) {
        var weights = network.layersOf(Dense.class).stream().map(d -> d.weights().value()).toList();
        Runnable products = () -> {
            try (var workspace = Workspaces.open("gemm-floor")) {
                var activations = new ArrayList<INDArray>();
                var h = input;
                for (var w : weights) {
                    activations.add(h);
                    h = Matrices.multiply(h, w);                                        // (batch, out)
                }
                var delta = h;
                for (int i = weights.size() - 1; i >= 0; i--) {
                    Matrices.multiply(activations.get(i), delta, true, false);           // dW (in, out)
                    delta = Matrices.multiply(delta, weights.get(i), false, true);       // dX (batch, in)
                }
            }
        };
        double ms = secondsPerRun(products) * 1e3;
        double flops = 0;
        for (var w : weights) {
            flops += 3.0 * 2 * batch * w.size(0) * w.size(1);                            // forward, dW, dX
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("gemm_ms_per_step", ms);
        result.put("gemm_gflops", flops / ms / 1e6);
        return result;
    }

    /**
     * The peer's inputs (random, one batch of --hessian-samples). First the top-k as every ShiftScope report
     * computes it (HessianAnalysis.topK: float32 Lanczos to the report tolerance on every core, then one float64
     * Rayleigh–Ritz step), timed; then the peer's own method in ShiftScope's engine, float64 Lanczos with exactly
     * {@code iterations} products (no early stop), timed, as the accuracy reference.
     */
    private Map<String, Object> timeHessian(Network network, Random random, int iterations, int statisticsRows) {
        var hx = new float[hessianSamples * inputs];
        for (int i = 0; i < hx.length; i++) {
            hx[i] = random.nextFloat();
        }
        var set = new Examples(hx, random.ints(hessianSamples, 0, classes).toArray(), hessianSamples, inputs);
        var request = new HessianAnalysis.Request(topK, 0, HessianAnalysis.TOLERANCE);
        int groupRows = statisticsRows > 0 ? statisticsRows : hessianSamples;
        long start = System.nanoTime();
        var ours = HessianAnalysis.topK(network, bn, set, groupRows, 0, request, () -> false);
        double oursSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        var loss = new EvaluationSetLoss(network, bn, set, groupRows, 0, DataType.DOUBLE, HessianAnalysis.availableThreads());
        var reference = Lanczos.largest(new ExactHessian(loss, () -> false), topK, iterations, 0,
                Lanczos.randomStart(loss.dimension(), 1, 0));
        double referenceSeconds = (System.nanoTime() - start) / 1e9;
        var result = new LinkedHashMap<String, Object>();
        result.put("hessian_topk_s", oursSeconds);
        result.put("hessian_products", ours.iterations());
        result.put("hessian_converged", ours.converged());
        result.put("hessian_max_relative_residual", maxRelativeResidual(ours));
        result.put("hessian_samples", hessianSamples);
        result.put("threads", loss.threads());               // the reference's: one per BN statistics group at most
        result.put("top_eigenvalues", ours.eigenvalues());
        result.put("reference_topk_s", referenceSeconds);
        result.put("lanczos_iters", reference.iterations());
        result.put("reference_max_relative_residual", maxRelativeResidual(reference));
        result.put("reference_eigenvalues", reference.eigenvalues());
        double difference = 0;
        for (int i = 0; i < Math.min(ours.eigenvalues().length, reference.eigenvalues().length); i++) {
            difference = Math.max(difference, Math.abs(ours.eigenvalues()[i] - reference.eigenvalues()[i])
                    / Math.abs(reference.eigenvalues()[i]));
        }
        result.put("max_relative_difference", difference);
        return result;
    }

    private static double maxRelativeResidual(EigenResult result) {
        double max = 0;
        for (int i = 0; i < result.eigenvalues().length; i++) {
            max = Math.max(max, result.residuals()[i] / Math.abs(result.eigenvalues()[i]));
        }
        return max;
    }
}
