#!/usr/bin/env python3
"""Cross-check a ShiftScope model export against PyTorch, reading only arch.json and the .npy files.

Rebuilds the network in float64 from its entries (format in ModelExport.java and each layer's exportEntry):
dense, conv3x3 (W as PyTorch's (out, in, 3, 3), stride 1, padding 1), max_pool_2x2, global_avg_pool,
batchnorm and batchnorm2d (batch statistics with biased variance over chunks of bn_chunk examples in mode
"on", running statistics in mode "frozen"), layernorm, groupnorm, residual (body, then projection or the
identity) and activation (relu, tanh, sigmoid, softplus, softplus10). Every row is one example flattened as ShiftScope
holds it, images channel-major (C, side, side). Recomputes the evaluation-set loss in the export's BN mode (or
another) and the top-k Hessian eigenvalues by Lanczos with full reorthogonalisation on double-backprop
Hessian-vector products, then prints one JSON line beside ShiftScope's figures. Needs Debian's python3-torch and
python3-numpy:

    /usr/bin/python3 src/test/python/torch_check_export.py RUN/model [--bn-mode on|frozen|off] [--top-k 10]
      [--lanczos-iters 80] [--shiftscope-csv OUT/hessian.csv]

The loss beside ShiftScope's is arch.json's eval_loss, which is in the export's own BN mode; `hessian` writes no
loss, so with another --bn-mode only the eigenvalues are compared. torch_check_all.py runs the issue's cases.
"""
import argparse
import csv
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

NORMALISATIONS = {"batchnorm", "batchnorm2d", "layernorm", "groupnorm"}
ACTIVATIONS = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "softplus": F.softplus,
               "softplus10": lambda z: F.softplus(z, beta=10)}


def inner(layer):
    """A residual block's entries in forward (and parameter) order: its body, then its projection."""
    return layer["body"] + ([layer["projection"]] if "projection" in layer else [])


def arrays_of(layers, folder, arrays):
    """Every .npy an entry names, nested entries included, by file name."""
    for layer in layers:
        for value in layer.values():
            if isinstance(value, str) and value.endswith(".npy"):
                arrays[value] = torch.tensor(np.load(os.path.join(folder, value)), dtype=torch.float64)
        if layer["type"] == "residual":
            arrays_of(inner(layer), folder, arrays)
    return arrays


def load(folder):
    with open(os.path.join(folder, "arch.json")) as f:
        arch = json.load(f)
    arrays = arrays_of(arch["layers"], folder, {})
    x = torch.tensor(np.load(os.path.join(folder, arch["eval_x"])), dtype=torch.float64)
    y = torch.tensor(np.load(os.path.join(folder, arch["eval_y"])), dtype=torch.long)
    return arch, arrays, x, y


def parameter_files(layers, mode):
    """The trainable arrays' files in ShiftScope's order: per layer W, b or gamma, beta, a block's body before its
    projection; normalisations have none in mode off, where ShiftScope bypasses them."""
    files = []
    for layer in layers:
        kind = layer["type"]
        if kind in ("dense", "conv3x3"):
            files += [layer["W"], layer["b"]]
        elif kind in NORMALISATIONS and mode != "off":
            files += [layer["gamma"], layer["beta"]]
        elif kind == "residual":
            files += parameter_files(inner(layer), mode)
    if len(set(files)) != len(files):
        raise ValueError("two parameters share a file name; the export cannot be read unambiguously")
    return files


def images(h, side):
    """Rows (n, C·side²) as (n, C, side, side): ShiftScope's rows are channel-major."""
    return h.reshape(h.shape[0], -1, side, side)


def normalised(h, dims, mean, var, eps):
    if mean is None:
        mean = h.mean(dims, keepdim=True)
        var = h.var(dims, unbiased=False, keepdim=True)
    return (h - mean) / torch.sqrt(var + eps)


def forward(layers, arrays, params, h, mode):
    """The rows (n, in) through these entries; params maps a parameter's file to its tensor."""
    for layer in layers:
        kind = layer["type"]
        n = h.shape[0]
        if kind == "dense":
            h = h @ params[layer["W"]] + params[layer["b"]]
        elif kind == "conv3x3":
            h = F.conv2d(images(h, layer["side"]), params[layer["W"]], params[layer["b"]], padding=1).reshape(n, -1)
        elif kind == "max_pool_2x2":
            h = F.max_pool2d(images(h, layer["side"]), 2).reshape(n, -1)
        elif kind == "global_avg_pool":
            h = h.reshape(n, layer["channels"], -1).mean(2)
        elif kind in NORMALISATIONS and mode == "off":
            pass
        elif kind in ("batchnorm", "batchnorm2d"):
            gamma, beta = params[layer["gamma"]], params[layer["beta"]]
            # Per unit over the batch, or per channel over batch × pixels: (n, C, side²) either way.
            x = h.reshape(n, gamma.numel(), -1)
            stats = (None, None) if mode == "on" else (arrays[layer["running_mean"]].reshape(1, -1, 1),
                                                       arrays[layer["running_var"]].reshape(1, -1, 1))
            x = normalised(x, (0, 2), *stats, layer["eps"])
            h = (gamma.reshape(1, -1, 1) * x + beta.reshape(1, -1, 1)).reshape(n, -1)
        elif kind == "layernorm":
            h = params[layer["gamma"]] * normalised(h, 1, None, None, layer["eps"]) + params[layer["beta"]]
        elif kind == "groupnorm":
            gamma, beta = params[layer["gamma"]], params[layer["beta"]]
            x = normalised(h.reshape(n, layer["groups"], -1), 2, None, None, layer["eps"])
            x = x.reshape(n, gamma.numel(), -1)
            h = (gamma.reshape(1, -1, 1) * x + beta.reshape(1, -1, 1)).reshape(n, -1)
        elif kind == "residual":
            shortcut = forward([layer["projection"]], arrays, params, h, mode) if "projection" in layer else h
            h = forward(layer["body"], arrays, params, h, mode) + shortcut
        elif kind == "activation":
            h = ACTIVATIONS[layer["fn"]](h)
        else:
            raise ValueError("unknown layer type %r" % kind)
    return h


def mean_loss(arch, arrays, files, params, x, y, mode):
    """Mean cross-entropy over the set, with batch statistics per bn_chunk examples in mode on (as
    ShiftScope's EvaluationSetLoss), and the weight-decay term λ/2·‖w‖² apart."""
    chunk = arch["bn_chunk"] if mode == "on" else len(y)
    by_file = dict(zip(files, params))
    total = 0.0
    for start in range(0, len(y), chunk):
        logits = forward(arch["layers"], arrays, by_file, x[start:start + chunk], mode)
        total = total + F.cross_entropy(logits, y[start:start + chunk], reduction="sum")
    weight_decay = arch["weight_decay"]
    decay = 0.5 * weight_decay * sum((p * p).sum() for p in params) if weight_decay > 0 else 0.0
    return total / len(y), decay


def top_eigenvalues(loss, params, k, iterations, seed=0):
    """Lanczos with full reorthogonalisation on H·v by double backprop; the top k Ritz values."""
    grads = torch.autograd.grad(loss, params, create_graph=True)
    flat_grad = torch.cat([g.reshape(-1) for g in grads])
    n = flat_grad.numel()
    generator = torch.Generator().manual_seed(seed)
    q = torch.randn(n, dtype=torch.float64, generator=generator)
    basis = [q / q.norm()]
    alphas, betas = [], []
    for j in range(min(iterations, n)):
        hv = torch.autograd.grad(flat_grad @ basis[-1], params, retain_graph=True)
        w = torch.cat([h.reshape(-1) for h in hv])
        alphas.append(float(w @ basis[-1]))
        for _ in range(2):
            for b in basis:
                w = w - (w @ b) * b
        beta = float(w.norm())
        if beta < 1e-12 or j == min(iterations, n) - 1:
            break
        betas.append(beta)
        basis.append(w / beta)
    m = len(alphas)
    t = np.diag(alphas) + np.diag(betas[:m - 1], 1) + np.diag(betas[:m - 1], -1)
    return sorted(np.linalg.eigvalsh(t).tolist(), reverse=True)[:k]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--bn-mode", default=None, choices=["on", "frozen", "off"],
                        help="default: the export's own (arch.json bn_mode)")
    parser.add_argument("--top-k", type=int, default=10)
    parser.add_argument("--lanczos-iters", type=int, default=80)
    parser.add_argument("--shiftscope-csv", default=None, help="hessian.csv to compare with (its last step)")
    args = parser.parse_args()
    torch.set_num_threads(2)
    arch, arrays, x, y = load(args.model)
    mode = args.bn_mode or arch["bn_mode"]
    files = parameter_files(arch["layers"], mode)
    params = [arrays[f].clone().requires_grad_(True) for f in files]
    loss, decay = mean_loss(arch, arrays, files, params, x, y, mode)
    eigen = top_eigenvalues(loss + decay, params, args.top_k, args.lanczos_iters)
    result = {"bn_mode": mode, "parameters": sum(p.numel() for p in params), "torch_eval_loss": float(loss),
              "shiftscope_eval_loss": arch["eval_loss"] if mode == arch["bn_mode"] else None,
              "torch_top_eigenvalues": eigen}
    if result["shiftscope_eval_loss"] is not None:
        result["loss_difference"] = abs(float(loss) - arch["eval_loss"])
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
