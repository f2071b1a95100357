// Stochastic Lanczos quadrature (SLQ) for the spectral density of a symmetric operator (Ghorbani, Krishnan &
// Xiao 2019, arXiv 1901.10159, §2–3 and Appendix; Lin, Saad & Yang 2016, "Approximating spectral densities of
// large matrices", §3.2), its probes advanced in lockstep.
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * From each of P normalised Rademacher probes, m Lanczos steps with full reorthogonalisation give a Gauss
 * quadrature rule of the spectral measure; their average, smoothed by DensitySmoothing, estimates the density.
 * The probes run in lockstep, so every step is one block product A·[q_1 … q_P] (one forward and backward pass
 * for all of them, see ExactHessian).
 */
public final class SpectralDensity {
    /** A new direction whose norm after orthogonalisation is below this fraction of its product's adds nothing. */
    private static final double BREAKDOWN = 1e-10;

    private SpectralDensity() {
    }

    /** The smoothed density from {@code probes} seeded Rademacher probes, {@code steps} Lanczos steps each. */
    public static DensityEstimate estimate(SymmetricOperator operator, int probes, int steps, int gridPoints, long seed) {
        var rules = quadratures(operator, rademacherProbes(operator.dimension(), probes, seed), steps);
        return DensitySmoothing.smooth(rules, gridPoints);
    }

    /** {@code count} seeded vectors of independent ±1/√n entries: Rademacher probes of unit norm. */
    public static double[][] rademacherProbes(int n, int count, long seed) {
        var random = new Random(seed);
        double entry = 1 / Math.sqrt(n);
        var probes = new double[count][n];
        for (double[] v : probes) {
            for (int i = 0; i < n; i++) {
                v[i] = random.nextBoolean() ? entry : -entry;
            }
        }
        return probes;
    }

    /**
     * One quadrature rule per probe, after min(steps, n) Lanczos steps (fewer for a probe that breaks down: its
     * Krylov space is invariant and its nodes are exact). All probes still running are advanced together by one
     * block product per step.
     * @param probes unit start vectors of the dimension (not modified)
     * @throws ExactHessian.CancelledException if the operator is cancelled
     */
    public static List<GaussQuadrature> quadratures(SymmetricOperator operator, double[][] probes, int steps) {
        int limit = Math.min(steps, operator.dimension());
        var runs = new ArrayList<Run>();
        for (double[] probe : probes) {
            runs.add(new Run(probe.clone(), limit));
        }
        while (true) {
            var running = runs.stream().filter(run -> !run.finished).toList();
            if (running.isEmpty()) {
                break;
            }
            var block = new double[running.size()][];                // (running probes, n)
            for (int i = 0; i < block.length; i++) {
                block[i] = running.get(i).current();
            }
            double[][] products = operator.apply(block);              // A·Q (running probes, n)
            for (int i = 0; i < block.length; i++) {
                running.get(i).advance(products[i]);
            }
        }
        return runs.stream().map(Run::quadrature).toList();
    }

    /** One probe's Lanczos run: its orthonormal basis and the tridiagonal's diagonal α and off-diagonal β. */
    private static final class Run {
        final List<double[]> basis = new ArrayList<>();
        final List<Double> alphas = new ArrayList<>();
        final List<Double> betas = new ArrayList<>();
        final int limit;
        boolean finished;

        Run(double[] start, int limit) {
            basis.add(start);
            this.limit = limit;
        }

        double[] current() {
            return basis.get(basis.size() - 1);
        }

        /**
         * Takes w = A·q_j (in place): α_j = q_j·w, then w minus its components along the whole basis (which
         * removes α_j·q_j and β_{j−1}·q_{j−1} and the rounding drift) is β_j·q_{j+1}.
         */
        void advance(double[] w) {
            alphas.add(Vectors.dot(current(), w));
            if (basis.size() == limit) {
                finished = true;
                return;
            }
            double productNorm = Vectors.norm(w);
            Vectors.orthogonalize(w, basis);
            double beta = Vectors.norm(w);
            if (beta <= BREAKDOWN * Math.max(productNorm, Double.MIN_NORMAL)) {
                finished = true;
                return;
            }
            Vectors.scale(1 / beta, w);
            betas.add(beta);
            basis.add(w);
        }

        /** Nodes and weights from the eigendecomposition of the k×k tridiagonal T (EJML), nodes ascending. */
        GaussQuadrature quadrature() {
            int k = alphas.size();
            var t = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                t.set(i, i, alphas.get(i));
                if (i + 1 < k) {
                    t.set(i, i + 1, betas.get(i));
                    t.set(i + 1, i, betas.get(i));
                }
            }
            var eig = DecompositionFactory_DDRM.eig(k, true, true);
            if (!eig.decompose(t)) {
                throw new IllegalStateException("eigendecomposition of the Lanczos tridiagonal failed");
            }
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(a).real, eig.getEigenvalue(b).real));
            var nodes = new double[k];
            var weights = new double[k];
            for (int j = 0; j < k; j++) {
                nodes[j] = eig.getEigenvalue(order[j]).real;
                double first = eig.getEigenVector(order[j]).get(0);      // unit eigenvector's first component
                weights[j] = first * first;
            }
            return new GaussQuadrature(nodes, weights);
        }
    }
}
