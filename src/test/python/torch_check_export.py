#!/usr/bin/env python3
"""Cross-check a ShiftScope model export against PyTorch, reading only arch.json and the .npy files.

Rebuilds the network in float64, recomputes the evaluation-set loss in the export's BN mode (or another),
and the top-k Hessian eigenvalues by Lanczos on double-backprop Hessian-vector products, then prints them
beside ShiftScope's figures. Needs Debian's python3-torch and python3-numpy:

    /usr/bin/python3 src/test/python/torch_check_export.py RUN/model [--bn-mode on|frozen] [--top-k 10]
      [--shiftscope-csv RUN/hessian.csv]
"""
import argparse
import csv
import json
import os

import numpy as np
import torch


def load(folder):
    with open(os.path.join(folder, "arch.json")) as f:
        arch = json.load(f)
    arrays = {}
    for layer in arch["layers"]:
        for key, value in layer.items():
            if isinstance(value, str) and value.endswith(".npy"):
                arrays[value] = torch.tensor(np.load(os.path.join(folder, value)), dtype=torch.float64)
    x = torch.tensor(np.load(os.path.join(folder, arch["eval_x"])), dtype=torch.float64)
    y = torch.tensor(np.load(os.path.join(folder, arch["eval_y"])), dtype=torch.long)
    return arch, arrays, x, y


def parameters_of(arch, arrays):
    """The trainable tensors in ShiftScope's order: per layer W, b, then gamma, beta."""
    params = []
    for layer in arch["layers"]:
        if layer["type"] == "dense":
            params += [arrays[layer["W"]], arrays[layer["b"]]]
        elif layer["type"] == "batchnorm":
            params += [arrays[layer["gamma"]], arrays[layer["beta"]]]
    return [p.clone().requires_grad_(True) for p in params]


def forward(arch, arrays, params, x, mode):
    it = iter(params)
    h = x
    for layer in arch["layers"]:
        kind = layer["type"]
        if kind == "dense":
            w, b = next(it), next(it)
            h = h @ w + b
        elif kind == "batchnorm":
            gamma, beta = next(it), next(it)
            if mode == "on":
                mean = h.mean(0)
                var = h.var(0, unbiased=False)
            else:
                mean, var = arrays[layer["running_mean"]], arrays[layer["running_var"]]
            h = gamma * (h - mean) / torch.sqrt(var + layer["eps"]) + beta
        else:
            h = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
                 "softplus": torch.nn.functional.softplus}[layer["fn"]](h)
    return h


def mean_loss(arch, arrays, params, x, y, mode):
    chunk = arch["bn_chunk"] if mode == "on" else len(y)
    total = 0.0
    for start in range(0, len(y), chunk):
        logits = forward(arch, arrays, params, x[start:start + chunk], mode)
        total = total + torch.nn.functional.cross_entropy(logits, y[start:start + chunk], reduction="sum")
    weight_decay = arch["weight_decay"]
    decay = 0.5 * weight_decay * sum((p * p).sum() for p in params) if weight_decay > 0 else 0.0
    return total / len(y), decay


def top_eigenvalues(loss, params, k, iterations, seed=0):
    grads = torch.autograd.grad(loss, params, create_graph=True)
    flat_grad = torch.cat([g.reshape(-1) for g in grads])
    n = flat_grad.numel()
    generator = torch.Generator().manual_seed(seed)
    q = torch.randn(n, dtype=torch.float64, generator=generator)
    basis = [q / q.norm()]
    alphas, betas = [], []
    for j in range(iterations):
        hv = torch.autograd.grad(flat_grad @ basis[-1], params, retain_graph=True)
        w = torch.cat([h.reshape(-1) for h in hv])
        alphas.append(float(w @ basis[-1]))
        for _ in range(2):
            for b in basis:
                w = w - (w @ b) * b
        beta = float(w.norm())
        if beta < 1e-12 or j == iterations - 1:
            break
        betas.append(beta)
        basis.append(w / beta)
    m = len(alphas)
    t = np.diag(alphas) + np.diag(betas[:m - 1], 1) + np.diag(betas[:m - 1], -1)
    return sorted(np.linalg.eigvalsh(t).tolist(), reverse=True)[:k]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--bn-mode", default=None)
    parser.add_argument("--top-k", type=int, default=10)
    parser.add_argument("--lanczos-iters", type=int, default=40)
    parser.add_argument("--shiftscope-csv", default=None, help="hessian.csv to compare with (its last step)")
    args = parser.parse_args()
    torch.set_num_threads(2)
    arch, arrays, x, y = load(args.model)
    mode = args.bn_mode or arch["bn_mode"]
    params = parameters_of(arch, arrays)
    loss, decay = mean_loss(arch, arrays, params, x, y, mode)
    eigen = top_eigenvalues(loss + decay, params, args.top_k, args.lanczos_iters)
    result = {"bn_mode": mode, "torch_eval_loss": float(loss), "shiftscope_eval_loss": arch["eval_loss"],
              "torch_top_eigenvalues": eigen}
    if args.shiftscope_csv:
        with open(args.shiftscope_csv) as f:
            rows = list(csv.DictReader(f))
        last = max(int(r["step"]) for r in rows)
        ours = [float(r["eigenvalue"]) for r in rows if int(r["step"]) == last]
        result["shiftscope_top_eigenvalues"] = ours
        result["max_relative_difference"] = max(abs(a - b) / abs(b) for a, b in zip(eigen, ours))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
