// Lines are found by their LineKey, not by name or place: a lookup finds the keyed line whatever it is called,
// a run's copy of a line is another line, and only consecutive members of one run's family follow each other.
package org.shiftscope.ui.charts;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.train.StepRecord;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineKeyTest {
    private static final double[] POINT = {1};

    private static ChartSeries line(LineKey key, String name) {
        return new ChartSeries(key, name, POINT, POINT);
    }

    @Test
    void aLineIsFoundByItsKeyWhateverItsName() {
        var lines = List.of(line(LineKey.lambda(1), "BN on · λ1"), line(LineKey.lambda(2), "renamed"),
                line(LineKey.of(LineKey.Kind.THRESHOLD), "full-batch threshold"));
        assertEquals("renamed", LineKey.lambda(2).find(lines).orElseThrow().name());
        assertEquals(List.of(lines.get(0)), LineKey.lambda(1).only(lines));
        assertTrue(LineKey.lambda(3).find(lines).isEmpty());
        assertTrue(LineKey.lambda(1).ofRun(1).only(lines).isEmpty(), "another run's λ1 is another line");
        assertEquals(List.of(lines.get(0), lines.get(1)), LineKey.without(lines, LineKey.Kind.THRESHOLD));
    }

    @Test
    void onlyTheNextMemberOfOneRunsNumberedFamilyFollows() {
        var layer2 = LineKey.member(LineKey.Kind.LAYER_MEAN, 2);
        assertTrue(LineKey.member(LineKey.Kind.LAYER_MEAN, 3).follows(layer2));
        assertFalse(LineKey.member(LineKey.Kind.LAYER_MEAN, 4).follows(layer2), "a gap ends the family");
        assertFalse(LineKey.member(LineKey.Kind.LAYER_VARIANCE, 3).follows(layer2), "another kind");
        assertFalse(LineKey.member(LineKey.Kind.LAYER_MEAN, 3).ofRun(1).follows(layer2), "another run");
        assertFalse(LineKey.member(LineKey.Kind.PERCENTILE, 51).follows(LineKey.member(LineKey.Kind.PERCENTILE, 50)),
                "percentiles are no numbered family");
    }

    @Test
    void aHistorysLinesCarryTheirKeys() {
        var history = new RunHistory(NetworkShape.mlpWithBatchNorm());
        var layers = new LayerStats[]{new LayerStats(0, 1, 0.9, 0.1, -1, 0, 1, 0.01),
                new LayerStats(0, 1, 0.9, 0.1, -1, 0, 1, 0.01)};
        var settings = new LiveSettings(0.1, 0, false, 0, BnMode.ON);
        history.add(new StepRecord(1, settings, 1.0, 0.5, 0.4, 0.8, layers, layers, new double[0], null));
        assertEquals(List.of(LineKey.of(LineKey.Kind.LOSS_SMOOTHED), LineKey.of(LineKey.Kind.LOSS_BATCH),
                LineKey.of(LineKey.Kind.LOSS_TEST)), history.lossSeries().stream().map(ChartSeries::key).toList());
        assertEquals(List.of(LineKey.member(LineKey.Kind.LAYER_VARIANCE, 1), LineKey.member(LineKey.Kind.LAYER_VARIANCE, 2)),
                history.layerSeries(true, false).stream().map(ChartSeries::key).toList());
        assertEquals(LineKey.of(LineKey.Kind.THRESHOLD), history.hessianSeries().get(0).key(), "no λ yet: the threshold alone");
        assertEquals("train (batch)", LineKey.of(LineKey.Kind.LOSS_BATCH).find(history.lossSeries()).orElseThrow().name());
    }
}
