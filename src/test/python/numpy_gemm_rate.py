#!/usr/bin/env python3
"""The machine's GEMM rate on the matrix products of one ShiftScope training step, measured with NumPy.

Same shapes as `shiftscope bench` (forward x·W, backward xᵀ·δ and δ·Wᵀ for every dense layer), float32.
Run with the workplace's OpenBLAS overrides removed so NumPy picks its own kernel:
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 src/test/python/numpy_gemm_rate.py
Prints one JSON line: ms for the products of one step and the GFLOP/s reached.
"""
import argparse
import json
import time

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--depth", type=int, default=8)
    ap.add_argument("--width", type=int, default=256)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--inputs", type=int, default=784)
    ap.add_argument("--classes", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=200)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    sizes = [a.inputs] + [a.width] * a.depth + [a.classes]
    weights = [rng.standard_normal((sizes[i], sizes[i + 1]), dtype=np.float32) for i in range(len(sizes) - 1)]
    x = rng.random((a.batch, a.inputs), dtype=np.float32)

    def step():
        activations, h = [], x
        for w in weights:
            activations.append(h)
            h = h @ w
        delta = h
        for w, act in zip(reversed(weights), reversed(activations)):
            act.T @ delta
            delta = delta @ w.T

    for _ in range(10):
        step()
    start = time.perf_counter()
    for _ in range(a.repeats):
        step()
    ms = (time.perf_counter() - start) / a.repeats * 1e3
    flops = sum(3 * 2 * a.batch * w.shape[0] * w.shape[1] for w in weights)
    print(json.dumps({"numpy": np.__version__, "gemm_ms_per_step": ms, "gemm_gflops": flops / ms / 1e6}))


if __name__ == "__main__":
    main()
