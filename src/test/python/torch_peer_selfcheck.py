#!/usr/bin/env python3
"""Self-check of torch_peer.py's Hessian code against a dense Hessian, on nets small enough to form it.

For each case (depth 1, width 4, 16 samples, float64 and float32, BN off and on, several activations) it
compares torch_peer's top-3 Lanczos eigenvalues, run with as many products as parameters, with eigvalsh of the
Hessian from torch.autograd.functional.hessian of the loss as a function of the flattened parameters; and one
SLQ probe run to full length with the dense Hessian (weights sum to 1, sum w*node = v'Hv, sum w*node^2 = v'H^2v,
nodes within the spectrum). Also the reference-BLAS path test. Runs in seconds; prints PASS or FAIL per check
and exits 1 on any failure.

    /usr/bin/python3 src/test/python/torch_peer_selfcheck.py
"""
import os
import sys

import torch
import torch.nn.functional as F
from torch.nn.utils import stateless

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_peer  # noqa: E402

INPUTS, WIDTH, DEPTH, CLASSES, SAMPLES, TOP_K = 5, 4, 1, 3, 16, 3

failures = 0


def check(name, ok, detail):
    global failures
    print("%s %s: %s" % ("PASS" if ok else "FAIL", name, detail))
    if not ok:
        failures += 1


def dense_hessian(model, x, y):
    names = [n for n, p in model.named_parameters()]
    params = [p.detach() for p in model.parameters()]
    shapes = [p.shape for p in params]
    sizes = [p.numel() for p in params]
    buffers = {n: b.clone() for n, b in model.named_buffers()}

    def loss(flat):
        pieces = torch.split(flat, sizes)
        values = {n: piece.view(s) for n, piece, s in zip(names, pieces, shapes)}
        values.update(buffers)
        return F.cross_entropy(stateless.functional_call(model, values, (x,)), y)

    flat = torch.cat([p.reshape(-1) for p in params])
    return torch.autograd.functional.hessian(loss, flat)


def case(dtype, bn, activation):
    torch.manual_seed(1)
    model = torch_peer.build(INPUTS, WIDTH, DEPTH, CLASSES, bn, activation).to(dtype).train()
    x = torch.rand(SAMPLES, INPUTS, dtype=dtype)
    y = torch.randint(0, CLASSES, (SAMPLES,))
    H = dense_hessian(model, x, y).double()
    spectrum = torch.linalg.eigvalsh(H)
    expected = sorted(spectrum.tolist(), reverse=True)[:TOP_K]
    op = torch_peer.HessianOperator(model, x, y)
    n = op.size
    label = "%s bn=%s %s (n=%d)" % (str(dtype).replace("torch.", ""), "on" if bn else "off", activation, n)
    tol = 1e-9 if dtype == torch.float64 else 2e-4
    scale = max(abs(e) for e in spectrum.tolist())

    got, iterations = torch_peer.top_eigenvalues(op, TOP_K, n)
    error = max(abs(g - e) for g, e in zip(got, expected)) / scale
    check("top-%d %s" % (TOP_K, label), iterations == n and len(got) == TOP_K and error < tol,
          "lanczos %s, dense %s, max rel error %.1e, %d products"
          % (["%.8g" % g for g in got], ["%.8g" % e for e in expected], error, iterations))

    # The product itself against the dense matrix.
    v = torch.randn(n, dtype=dtype)
    hv_error = ((op(v).double() - H @ v.double()).norm() / (H @ v.double()).norm()).item()
    check("hvp %s" % label, hv_error < tol, "rel error %.1e" % hv_error)

    # One SLQ probe to full length: a quadrature exact for polynomials of degree < 2m.
    v = (torch.randint(0, 2, (n,)) * 2 - 1).to(dtype)
    v = v / v.norm()
    nodes, weights = torch_peer.slq_probe(op, v, n)
    nodes, weights, vd = nodes.double(), weights.double(), v.double()
    moments = [(weights.sum().item(), 1.0),
               ((weights * nodes).sum().item(), (vd @ H @ vd).item()),
               ((weights * nodes ** 2).sum().item(), (vd @ H @ H @ vd).item())]
    moment_error = max(abs(g - e) / max(1.0, abs(e), scale ** i) for i, (g, e) in enumerate(moments))
    inside = nodes.min().item() >= spectrum[0].item() - tol * scale and \
        nodes.max().item() <= spectrum[-1].item() + tol * scale
    check("slq %s" % label, moment_error < tol and inside,
          "moments %s vs %s, rel error %.1e, nodes in [%.4g, %.4g] within spectrum [%.4g, %.4g]"
          % (["%.6g" % g for g, _ in moments], ["%.6g" % e for _, e in moments], moment_error,
             nodes.min().item(), nodes.max().item(), spectrum[0].item(), spectrum[-1].item()))


def main():
    torch.set_num_threads(1)
    for dtype in (torch.float64, torch.float32):
        for bn in (False, True):
            for activation in ("relu", "tanh", "softplus"):
                case(dtype, bn, activation)
    case(torch.float64, False, "sigmoid")
    reference = "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0"
    check("reference BLAS recognised", torch_peer.is_reference_blas(reference)
          and not torch_peer.is_reference_blas("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3")
          and not torch_peer.is_reference_blas("/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so"),
          "netlib path refused, OpenBLAS paths accepted")
    print("FAIL: %d check(s) failed" % failures if failures else "PASS: all checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
