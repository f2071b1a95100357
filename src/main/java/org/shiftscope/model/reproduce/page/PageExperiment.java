// `reproduce page` end to end: trains Page's BN net and his no-BN net at its own largest healthy peak, makes the
// BN net's frozen twin (running statistics refreshed, eval mode), measures all three and exports them.
package org.shiftscope.model.reproduce.page;

import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.Workspaces;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.io.ModelExport;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Pass;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

public final class PageExperiment {
    /**
     * Training batches whose statistics replace the running averages before freezing: with BN's running-average
     * momentum of 0.1 the old averages keep 0.9^100 ≈ 3e-5 of their weight (Page: "refreshed running statistics").
     */
    static final int REFRESH_BATCHES = 100;

    /** The three nets' measurements, in Page's order: bn, frozen, nobn. */
    public record Results(PageProtocol protocol, List<NetMeasurement> nets, int measuredStep) {
        public NetMeasurement net(String name) {
            return nets.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** One of the three nets, with the run that trained its weights. */
    private record Net(String name, Network network, PageTraining.Trained trained) {
    }

    private PageExperiment() {
    }

    /**
     * @param models the folder the three nets are exported to (models/bn, models/frozen, models/nobn), or null
     */
    public static Results run(PageProtocol protocol, Dataset data, Path models, Consumer<String> progress)
            throws IOException {
        progress.accept("training the BN net: " + protocol.measureStep() + " of " + protocol.steps()
                + " one-cycle steps, peak η " + protocol.bnPeak());
        var bn = PageTraining.train(protocol, data, true, protocol.bnPeak());
        if (!bn.healthy()) {
            throw new IllegalStateException("the BN net did not train at peak η " + protocol.bnPeak()
                    + (bn.session().diverged() ? " (it diverged)" : " (loss " + bn.finalLoss() + ")") + ": use a smaller --bn-lr");
        }
        progress.accept(String.format("BN net trained: loss %.3f; searching the no-BN net's largest healthy peak", bn.finalLoss()));
        var noBn = PageTraining.largestHealthyWithoutBn(protocol, data, progress);
        var set = bn.session().hessianSet();
        Network bnNet = bn.session().network();
        Network frozen = frozenTwin(bnNet, data, protocol.batch());
        var nets = List.of(new Net("bn", bnNet, bn), new Net("frozen", frozen, bn),
                new Net("nobn", noBn.session().network(), noBn));
        var measured = new ArrayList<NetMeasurement>();
        for (Net net : nets) {
            String name = net.name();
            Network network = net.network();
            var trained = net.trained();
            progress.accept("measuring the " + name + " net (" + network.bnMode().label() + "): top-" + protocol.topK()
                    + " Hessian, shift spans, projections, perturbations");
            var m = PageMeasure.measure(name, network, set, protocol, trained.peak(), trained.finalLoss());
            progress.accept(String.format("  %s: λ1 %.4g, λ9/λ10 %.3g, λ1 without the means span %.4g, %d products, %.0f s",
                    name, m.lambda(1), m.lambda(9) / m.lambda(10), m.lambda1ProjectedMeans(), m.products(), m.seconds()));
            measured.add(m);
            if (models != null) {
                ModelExport.write(models.resolve(name), network, network.bnMode(), protocol.batch(), PageProtocol.WEIGHT_DECAY,
                        set, m.evaluationLoss(), trained.session().stepsTaken());
            }
        }
        return new Results(protocol, List.copyOf(measured), protocol.measureStep());
    }

    /** A copy of the BN net whose running averages are refreshed on training batches, then in frozen mode. */
    static Network frozenTwin(Network bnNet, Dataset data, int batch) {
        Network twin;
        try (var ignored = Workspaces.detached()) {
            twin = bnNet.copy(DataType.FLOAT);
        }
        twin.setBnMode(BnMode.ON);
        int count = data.train().count();
        for (int b = 0; b < REFRESH_BATCHES; b++) {
            int from = (int) ((long) b * batch % Math.max(1, count - batch + 1));
            int[] rows = Batches.range(from, Math.min(count, from + batch));
            try (var workspace = Workspaces.open("refresh")) {
                twin.forward(Batches.features(data.train(), rows, DataType.FLOAT), Pass.TRAINING_STEP);  // (batch, classes)
            }
        }
        twin.setBnMode(BnMode.FROZEN);
        return twin;
    }
}
