// Stochastic Lanczos quadrature (Ghorbani, Krishnan & Xiao 2019; Lin, Saad & Yang 2016) against the smoothed
// exact spectrum of tiny networks' dense Hessians in every BN mode, against a prescribed bulk with outliers,
// and against itself: probes in lockstep equal probes alone; a breakdown gives the exact nodes.
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectralDensityTest {
    static final double MASS_TOLERANCE = 1e-3;
    /**
     * The estimated weight of an eigenvalue is the mean over P probes of (u·v)², of relative standard deviation
     * at most √(2/P) ≈ 0.045 at P = 1000; where kernels do not overlap the L1 distance is about the mean
     * absolute deviation, ≤ √(2/P)·√(2/π) ≈ 0.036, less where eigenvalues cluster
     * (measured 0.015–0.027 with this seed, at most 0.029 with four others).
     */
    static final double L1_TOLERANCE = 0.05;
    /** With as many steps as the dimension every probe's extreme nodes are the extreme eigenvalues (relative). */
    static final double EXTREME_NODE_TOLERANCE = 1e-9;
    static final int NETWORK_PROBES = 1000;
    static final int GRID = 400;
    static final long PROBE_SEED = 7;
    /** Probes alone and in a block differ only by the rounding of the stacked products (seen: 5e-15). */
    static final double LOCKSTEP_TOLERANCE = 1e-10;
    /** Nodes and weights of a Krylov space that became invariant are exact up to rounding. */
    static final double BREAKDOWN_TOLERANCE = 1e-10;
    /**
     * An isolated outlier's Ritz pair has converged within 80 steps, so its node carries exactly the probes'
     * mean (u·v)²; what the window misses is the grid's 5σ cut-off and the trapezoid error (seen: 2e-9).
     */
    static final double OUTLIER_QUADRATURE_TOLERANCE = 1e-8;
    /** Standard deviations of the probes' mean (u·v)² allowed between an outlier's mass and 1/n. */
    static final double SAMPLING_DEVIATIONS = 4;

    @ParameterizedTest
    @CsvSource({"relu, off", "relu, on", "relu, frozen", "tanh, off", "tanh, on", "tanh, frozen"})
    void matchesTheSmoothedExactSpectrumOfATinyNetwork(String activation, String mode) {
        var loss = HessianVectorProductTest.tinyLoss(ActivationFunction.parse(activation), BnMode.parse(mode), 0);
        var operator = new ExactHessian(loss, () -> false);
        int n = operator.dimension();
        double[] exact = denseEigenvalues(operator);
        var estimate = SpectralDensity.estimate(operator, NETWORK_PROBES, n, GRID, PROBE_SEED);
        var uniform = new double[n];
        Arrays.fill(uniform, 1.0 / n);
        double[] reference = DensitySmoothing.curve(estimate.grid(), exact, uniform, estimate.sigma());

        double estimatedMass = estimate.mass();
        double referenceMass = trapezoid(estimate.grid(), reference, 0, GRID - 1);
        assertEquals(1, estimatedMass, MASS_TOLERANCE);
        assertEquals(1, referenceMass, MASS_TOLERANCE);
        var difference = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            difference[i] = Math.abs(estimate.density()[i] / estimatedMass - reference[i] / referenceMass);
        }
        double distance = trapezoid(estimate.grid(), difference, 0, GRID - 1);
        assertTrue(distance < L1_TOLERANCE, "L1 distance " + distance);
        assertEquals(exact[0], estimate.smallestNode(), EXTREME_NODE_TOLERANCE * Math.abs(exact[0]));
        assertEquals(exact[n - 1], estimate.largestNode(), EXTREME_NODE_TOLERANCE * exact[n - 1]);
    }

    @Test
    void putsTheOutliersMassAtTheOutliersAndTheRestInTheBulk() {
        double[] outliers = {20, 30, 45};
        int bulk = 400;
        int n = bulk + outliers.length;
        int probes = 100;
        var random = new Random(3);
        var spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = i < outliers.length ? outliers[i] : -0.5 + 1.5 * random.nextDouble();
        }
        var operator = new PrescribedSpectrum(spectrum, 11);
        double[][] vectors = SpectralDensity.rademacherProbes(n, probes, PROBE_SEED);
        var estimate = DensitySmoothing.smooth(SpectralDensity.quadratures(operator, vectors, 80), GRID);
        assertEquals(1, estimate.mass(), MASS_TOLERANCE);

        double relativeSpread = Math.sqrt(2.0 / probes);   // of n·mean(u·v)², whose mean is 1
        for (int k = 0; k < outliers.length; k++) {
            double mass = windowMass(estimate, outliers[k] - 2.5, outliers[k] + 2.5);
            double projected = 0;
            for (double[] v : vectors) {
                double along = Vectors.dot(v, operator.eigenvector(k));
                projected += along * along / probes;
            }
            assertEquals(projected, mass, OUTLIER_QUADRATURE_TOLERANCE, "outlier at " + outliers[k]);
            assertEquals(1, n * mass, SAMPLING_DEVIATIONS * relativeSpread, "outlier at " + outliers[k] + " × n");
        }
        double bulkMass = windowMass(estimate, -1.5, 2);
        assertEquals(1 - outliers.length / (double) n, bulkMass,
                SAMPLING_DEVIATIONS * Math.sqrt(outliers.length) * relativeSpread / n);
    }

    @ParameterizedTest
    @CsvSource({"relu, on", "tanh, frozen", "softplus, off"})
    void probesInLockstepEqualProbesAlone(String activation, String mode) {
        var loss = HessianVectorProductTest.tinyLoss(ActivationFunction.parse(activation), BnMode.parse(mode), 0);
        var operator = new ExactHessian(loss, () -> false);
        double[][] probes = SpectralDensity.rademacherProbes(operator.dimension(), 8, PROBE_SEED);
        int steps = 30;
        var together = SpectralDensity.quadratures(operator, probes, steps);
        assertEquals((long) steps * probes.length, operator.products(), "one block product per step");
        for (int p = 0; p < probes.length; p++) {
            var alone = SpectralDensity.quadratures(operator, new double[][]{probes[p]}, steps).get(0);
            assertArrayEquals(alone.nodes(), together.get(p).nodes(), LOCKSTEP_TOLERANCE);
            assertArrayEquals(alone.weights(), together.get(p).weights(), LOCKSTEP_TOLERANCE);
        }
    }

    @Test
    void aProbeThatBreaksDownStopsWithTheExactNodesAndItsProjections() {
        double[] distinct = {-1, 2, 5};
        int n = 30;
        var spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = distinct[i % distinct.length];
        }
        var operator = new PrescribedSpectrum(spectrum, 4);
        double[][] probes = SpectralDensity.rademacherProbes(n, 3, PROBE_SEED);
        var rules = SpectralDensity.quadratures(operator, probes, 20);
        for (int p = 0; p < probes.length; p++) {
            var projections = new double[distinct.length];     // ‖P_λ v‖² per eigenspace
            for (int i = 0; i < n; i++) {
                double along = Vectors.dot(probes[p], operator.eigenvector(i));
                projections[i % distinct.length] += along * along;
            }
            assertArrayEquals(distinct, rules.get(p).nodes(), BREAKDOWN_TOLERANCE);
            assertArrayEquals(projections, rules.get(p).weights(), BREAKDOWN_TOLERANCE);
        }
    }

    @Test
    void aCancelledOperatorStopsTheEstimate() {
        var loss = HessianVectorProductTest.tinyLoss(ActivationFunction.RELU, BnMode.ON, 0);
        var operator = new ExactHessian(loss, () -> true);
        assertThrows(ExactHessian.CancelledException.class, () -> SpectralDensity.estimate(operator, 2, 10, GRID, PROBE_SEED));
    }

    @Test
    void sigmaIsPyHessiansWhereTheGridResolvesItAndOneSpacingOtherwise() {
        assertEquals(Math.sqrt(1e-5), DensitySmoothing.sigma(0.5, 10_000), 1e-15, "range below 1 counts as 1");
        assertEquals(Math.sqrt(1e-5 * 100), DensitySmoothing.sigma(100, 10_000), 1e-15);
        double sigma = DensitySmoothing.sigma(100, GRID);
        double spacing = (100 + 2 * DensitySmoothing.PADDING_SIGMAS * sigma) / (GRID - 1);
        assertEquals(spacing, sigma, 1e-12, "σ widened to the grid spacing");
    }

    @Test
    void plottableValuesStayAboveTheFloorWhereTheTailsUnderflow() {
        var spectrum = new double[20];
        spectrum[0] = 1000;
        var estimate = SpectralDensity.estimate(new PrescribedSpectrum(spectrum, 2), 1, 20, GRID, PROBE_SEED);
        double[] density = estimate.density();
        double[] plottable = estimate.plottable(0);
        assertTrue(Arrays.stream(density).anyMatch(d -> d == 0), "between 0 and 1000 the kernels underflow");
        for (int i = 0; i < GRID; i++) {
            assertEquals(Math.max(density[i], DensityEstimate.LOG_FLOOR), plottable[i]);
        }
        double peak = Arrays.stream(density).max().orElseThrow();
        double[] eightDecades = estimate.plottable(1e-8);
        for (int i = 0; i < GRID; i++) {
            assertEquals(Math.max(density[i], 1e-8 * peak), eightDecades[i], "clamped at the range below the peak");
        }
        assertEquals(1, estimate.mass(), MASS_TOLERANCE);
    }

    /** The dense Hessian column by column from products (it is symmetric), its eigenvalues ascending (EJML). */
    private static double[] denseEigenvalues(SymmetricOperator operator) {
        int n = operator.dimension();
        var columns = new double[n][];
        for (int j = 0; j < n; j++) {
            var e = new double[n];
            e[j] = 1;
            columns[j] = operator.apply(e);
        }
        var eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(new DMatrixRMaj(columns)));
        var values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(values);
        return values;
    }

    /** ∫ over the grid points in [from, to]. */
    private static double windowMass(DensityEstimate estimate, double from, double to) {
        double[] grid = estimate.grid();
        int first = 0;
        while (grid[first] < from) {
            first++;
        }
        int last = grid.length - 1;
        while (grid[last] > to) {
            last--;
        }
        return trapezoid(grid, estimate.density(), first, last);
    }

    /** The trapezoid rule from grid point {@code first} to {@code last} on the even grid. */
    private static double trapezoid(double[] grid, double[] values, int first, int last) {
        double spacing = grid[1] - grid[0];
        double sum = 0;
        for (int i = first; i < last; i++) {
            sum += 0.5 * (values[i] + values[i + 1]) * spacing;
        }
        return sum;
    }
}
