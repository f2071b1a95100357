#!/usr/bin/env python3
"""ShiftScope's PyTorch peer for `shiftscope bench`: the same MLP or convnet, trained and analysed with PyTorch on the CPU.

What it measures, with the definitions of the Java `bench` command (BenchCommand.java):
  * training: --arch mlp: input -> [Linear -> (BatchNorm1d with --bn on) -> activation] x depth -> Linear;
    --arch convnet (Architectures.Builder.convnet; --width = the first stage's channels, --depth = stages):
    stage 0 = conv3x3(in -> width, padding 1) -> (BatchNorm2d) -> activation, stages 1..3 = conv3x3(c -> 2c)
    -> (BatchNorm2d) -> activation -> MaxPool2d(2) while the side is even, then global average pooling ->
    Linear; softmax cross-entropy (mean), SGD lr 0.01 momentum 0.9 on one fixed random batch (torch.rand
    inputs, random labels), 10 warm-up steps, then --steps timed steps -> train_steps_per_s, train_ms_per_step;
  * Hessian: the top-k eigenvalues of the Hessian of the mean loss over --hessian-samples random examples
    (model in --hessian-dtype, train mode, so BN normalises with the statistics of the whole set), by Lanczos
    with full reorthogonalisation on exact Hessian-vector products (double backprop), exactly
    --lanczos-iters products, Ritz values from eigvalsh of the tridiagonal -> hessian_topk_s (includes
    building the first gradient graph);
  * with --density: the spectral density by stochastic Lanczos quadrature (Ghorbani, Krishnan & Xiao 2019,
    arXiv 1901.10159, as in PyHessian): per probe a normalised Rademacher vector, --density-steps Lanczos
    steps with full reorthogonalisation, nodes = Ritz values, weights = squared first eigenvector components
    -> density_s (the SLQ loop alone; it reuses the gradient graph of the top-k part).
Prints one JSON line with the keys of the Java bench where they exist.

Install (Debian):
    apt-get install -y python3-torch libopenblas0-pthread
python3-torch calls whatever libblas.so.3 points to; libopenblas0-pthread switches that alternative to
OpenBLAS (check: update-alternatives --display libblas.so.3-x86_64-linux-gnu). On the netlib reference BLAS
the peer is several times slower and the comparison unfair, so this script refuses to run there (exit 2)
unless --allow-reference-blas is given. The `backend` key names the BLAS library actually loaded.

Run fairly, with Debian's Python and without the OPENBLAS_* overrides this machine sets for ND4J's bundled
OpenBLAS:
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 src/test/python/torch_peer.py \\
        --depth 8 --width 256 --batch 128 --bn off --threads 2
Threads: ShiftScope trains with one BLAS thread (NativeRuntime), and its Hessian runs one pass per BN statistics
group, so with --bn on and one group (bench's default) on one thread as well: compare with --threads 1 (and
--hessian-threads to set the Hessian part apart; its `hessian_threads` key says what it used).
Only figures measured back to back with `shiftscope bench` on the same machine, with the same options and
nothing else heavy running, count; numbers from different machines or different days are not comparable.
"""
import argparse
import ctypes
import json
import os
import re
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

WARM_UP_STEPS = 10
LEARNING_RATE = 0.01
MOMENTUM = 0.9

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "softplus": nn.Softplus}

# The Java bench's ranges (Limits, HessianSettings, HessianAnalysis, BenchCommand).
RANGES = {"depth": (1, 50), "width": (8, 1024), "batch": (1, 4096), "inputs": (1, 4096),
          "classes": (2, 1000), "steps": (1, 2**31 - 1), "hessian_samples": (0, 20000), "top_k": (1, 30),
          "lanczos_iters": (0, 1000), "threads": (1, 1024), "hessian_threads": (0, 1024), "density_probes": (1, 1000),
          "density_steps": (1, 1000)}


# ---------------------------------------------------------------- model

def build(inputs, width, depth, classes, bn, activation):
    """input -> [Linear -> (BatchNorm1d) -> activation] x depth -> Linear (logits)."""
    layers, d = [], inputs
    for _ in range(depth):
        layers.append(nn.Linear(d, width))
        if bn:
            layers.append(nn.BatchNorm1d(width))
        layers.append(ACTIVATIONS[activation]())
        d = width
    layers.append(nn.Linear(d, classes))
    return nn.Sequential(*layers)


POOLING_STAGES = 3      # Architectures.POOLING_STAGES: stages 1-3 double the channels and pool


def image_shape(inputs):
    """(channels, side) with channels * side**2 == inputs: one channel when that is a square, else three."""
    for channels in (1, 3):
        if inputs % channels == 0:
            side = round((inputs // channels) ** 0.5)
            if side > 1 and channels * side * side == inputs:
                return channels, side
    raise ValueError("a convnet needs square images of 1 or 3 channels, not %d features" % inputs)


class Flat2Image(nn.Module):
    """(batch, channels*side*side) channel-major rows -> (batch, channels, side, side), as the Java layers read them."""

    def __init__(self, channels, side):
        super().__init__()
        self.shape = (channels, side, side)

    def forward(self, x):
        return x.view(x.shape[0], *self.shape)


def build_convnet(inputs, width, depth, classes, bn, activation):
    """Architectures.Builder.convnet: stage 0 = conv3x3(in -> width, same padding) -> (BatchNorm2d) ->
    activation; stages 1..3 = conv3x3(c -> 2c) -> (BatchNorm2d) -> activation -> MaxPool2d(2) while the side is
    even (later stages keep channels and side); then global average pooling -> Linear(channels -> classes)."""
    channels, side = image_shape(inputs)
    layers = [Flat2Image(channels, side)]
    for stage in range(depth):
        pools = 1 <= stage <= POOLING_STAGES and side % 2 == 0
        out = width if stage == 0 else 2 * channels if pools else channels
        layers.append(nn.Conv2d(channels, out, 3, padding=1))
        if bn:
            layers.append(nn.BatchNorm2d(out))
        layers.append(ACTIVATIONS[activation]())
        channels = out
        if pools:
            layers.append(nn.MaxPool2d(2))
            side //= 2
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, classes)]
    return nn.Sequential(*layers)

# ---------------------------------------------------------------- Hessian

class HessianOperator:
    """Exact Hessian-vector products of the mean cross-entropy of `model` on (x, y), by double backprop.

    The first gradient is built once with create_graph=True; each product differentiates it again with
    grad_outputs = v. Vectors are flat, in the order of model.parameters().
    """

    def __init__(self, model, x, y):
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.dtype = self.params[0].dtype
        self.size = sum(p.numel() for p in self.params)
        loss = F.cross_entropy(model(x), y)
        self.loss = loss.item()
        self.grads = torch.autograd.grad(loss, self.params, create_graph=True)
        # Gradients that do not depend on any parameter contribute zero rows; skip them in the products.
        self.live = [i for i, g in enumerate(self.grads) if g.requires_grad]

    def __call__(self, v):
        chunks, offset = [], 0
        for p in self.params:
            chunks.append(v[offset:offset + p.numel()].view_as(p))
            offset += p.numel()
        hv = torch.autograd.grad([self.grads[i] for i in self.live], self.params,
                                 grad_outputs=[chunks[i] for i in self.live],
                                 retain_graph=True, allow_unused=True)
        return torch.cat([(torch.zeros_like(p) if h is None else h).reshape(-1)
                          for p, h in zip(self.params, hv)])


def lanczos(matvec, q0, steps, restart=None):
    """Lanczos with full reorthogonalisation from q0 (any nonzero vector), `steps` products at most.

    Returns (alpha, beta) of the tridiagonal, float64 tensors of length m and m-1. On breakdown (an invariant
    subspace found), `restart` (a function returning a fresh random vector) continues in a new direction with
    a zero off-diagonal so that exactly `steps` products are made; without it the iteration stops there (m <
    steps), which is what quadrature wants.
    """
    n = q0.numel()
    steps = min(steps, n)
    dtype = q0.dtype
    Q = torch.empty(steps, n, dtype=dtype)
    Q[0] = q0 / q0.norm()
    alpha, beta = [], []
    tolerance = 1e3 * torch.finfo(dtype).eps
    scale = 0.0
    for j in range(steps):
        w = matvec(Q[j])
        a = torch.dot(w, Q[j])
        alpha.append(a.item())
        w = w - a * Q[j]
        if j > 0:
            w = w - beta[-1] * Q[j - 1]
        basis = Q[:j + 1]
        for _ in range(2):                                   # full reorthogonalisation, twice is enough
            w = w - basis.t().mv(basis.mv(w))
        if j == steps - 1:
            break
        b = w.norm().item()
        scale = max(scale, abs(alpha[-1]), b)
        if b <= tolerance * scale:
            if restart is None:
                break
            b = 0.0
            w = restart()
            for _ in range(2):
                w = w - basis.t().mv(basis.mv(w))
            w = w / w.norm()
        else:
            w = w / b
        beta.append(b)
        Q[j + 1] = w
    return torch.tensor(alpha, dtype=torch.float64), torch.tensor(beta, dtype=torch.float64)


def tridiagonal(alpha, beta):
    return torch.diag(alpha) + torch.diag(beta, 1) + torch.diag(beta, -1)


def top_eigenvalues(op, k, iterations):
    """The k largest Ritz values after exactly `iterations` Lanczos products (fewer only if > dimension)."""
    def gaussian():                          # drawn in float64 so that both dtypes start from the same vector
        return torch.randn(op.size, dtype=torch.float64).to(op.dtype)

    alpha, beta = lanczos(op, gaussian(), iterations, restart=gaussian)
    ritz = torch.linalg.eigvalsh(tridiagonal(alpha, beta))
    return sorted(ritz.tolist(), reverse=True)[:k], len(alpha)


def slq_probe(op, v, steps):
    """One probe of stochastic Lanczos quadrature: nodes (Ritz values) and weights (squared first components)."""
    alpha, beta = lanczos(op, v, steps)
    evals, evecs = torch.linalg.eigh(tridiagonal(alpha, beta))
    return evals, evecs[0] ** 2


def slq_density(op, probes, steps):
    """Nodes and weights of the density over all probes (weights sum to 1 over everything)."""
    nodes, weights, steps_done = [], [], []
    for _ in range(probes):
        v = (torch.randint(0, 2, (op.size,)) * 2 - 1).to(op.dtype)    # Rademacher
        v = v / v.norm()
        evals, w = slq_probe(op, v, steps)
        nodes.append(evals)
        weights.append(w / probes)
        steps_done.append(len(evals))
    return torch.cat(nodes), torch.cat(weights), steps_done


# ---------------------------------------------------------------- BLAS in use

class _DlInfo(ctypes.Structure):
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]


BLAS_NAME = re.compile(r"lib(open)?blas|libblis|libmkl|libatlas|libsatlas|libtatlas")


def is_reference_blas(path):
    """Debian's netlib reference BLAS: libblas.so.3* under .../x86_64-linux-gnu/blas/."""
    real = os.path.realpath(path)
    return "/x86_64-linux-gnu/blas/" in real and os.path.basename(real).startswith("libblas.so.3")


def mapped_libraries():
    paths = []
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split(None, 5)
            if len(fields) == 6 and fields[5].startswith("/"):
                path = fields[5].strip()
                if path not in paths:
                    paths.append(path)
    return paths


def sgemm_provider(libraries):
    """The file that torch's own sgemm_ resolves to (dlsym from libtorch_cpu's scope, then dladdr)."""
    try:
        torch_cpu = next((p for p in libraries if os.path.basename(p).startswith("libtorch_cpu.so")), None)
        handle = ctypes.CDLL(torch_cpu, mode=os.RTLD_NOLOAD | os.RTLD_LAZY) if torch_cpu else ctypes.CDLL(None)
        address = ctypes.cast(handle.sgemm_, ctypes.c_void_p)
        libc = ctypes.CDLL(None)
        info = _DlInfo()
        if libc.dladdr(address, ctypes.byref(info)) and info.dli_fname:
            return os.path.realpath(info.dli_fname.decode())
    except (OSError, AttributeError):
        pass
    return None


def blas_in_use(threads):
    """Runs a matmul, then reads /proc/self/maps. Returns (sgemm provider, loaded BLAS files, description)."""
    a = torch.rand(64, 64)
    (a @ a).sum().item()
    (a.double() @ a.double()).sum().item()
    libraries = mapped_libraries()
    blas = []
    for p in libraries:
        if BLAS_NAME.search(os.path.basename(p)):
            real = os.path.realpath(p)
            if real not in blas:
                blas.append(real)
    provider = sgemm_provider(libraries)
    config = None
    for path in blas:
        try:
            lib = ctypes.CDLL(path, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_set_num_threads(threads)            # its own pool; match --threads
            lib.openblas_get_num_threads.restype = ctypes.c_int
            config = "%s, %d threads" % (lib.openblas_get_config().decode().strip(),
                                         lib.openblas_get_num_threads())
            break
        except (OSError, AttributeError):
            continue
    if provider is None:
        kind = "unknown BLAS"
    elif is_reference_blas(provider):
        kind = "netlib reference BLAS"
    elif "openblas" in provider.lower():
        kind = config or "OpenBLAS"
    else:
        kind = os.path.basename(provider)
    info = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    description = "%s; sgemm_ from %s; loaded %s; torch BLAS_INFO=%s" % (
        kind, provider or "unknown", ", ".join(blas) or "no BLAS file", info.group(1) if info else "unknown")
    return provider, blas, description


# ---------------------------------------------------------------- main

def parse(argv):
    ap = argparse.ArgumentParser(description="PyTorch peer of `shiftscope bench`; prints one JSON line.")
    ap.add_argument("--arch", choices=["mlp", "convnet"], default="mlp")
    ap.add_argument("--depth", type=int, default=8, help="hidden layers, 1-50; convnet: stages, 1-20 (default 8)")
    ap.add_argument("--width", type=int, default=256,
                    help="units per hidden layer, 8-1024; convnet: the first stage's channels, 8-128 (default 256)")
    ap.add_argument("--batch", type=int, default=128, help="batch, 1-4096, 2+ with --bn on (default 128)")
    ap.add_argument("--inputs", type=int, default=784, help="input features, 1-4096 (default 784)")
    ap.add_argument("--classes", type=int, default=10, help="classes, 2-1000 (default 10)")
    ap.add_argument("--bn", choices=["off", "on"], default="off")
    ap.add_argument("--activation", choices=sorted(ACTIVATIONS), default="relu")
    ap.add_argument("--steps", type=int, default=200, help="timed training steps (default 200)")
    ap.add_argument("--hessian-samples", type=int, default=1024, help="0 skips the Hessian (default 1024)")
    ap.add_argument("--top-k", type=int, default=10, help="Hessian eigenvalues, 1-30 (default 10)")
    ap.add_argument("--lanczos-iters", type=int, default=40, help="0 = 4 x top-k (default 40)")
    ap.add_argument("--threads", type=int, default=2, help="torch and OpenBLAS threads (default 2)")
    ap.add_argument("--hessian-threads", type=int, default=0,
                    help="threads for the Hessian part; 0 = --threads (default 0)")
    ap.add_argument("--hessian-dtype", choices=["float64", "float32"], default="float64")
    ap.add_argument("--density", action="store_true", help="also the spectral density by SLQ")
    ap.add_argument("--density-probes", type=int, default=1)
    ap.add_argument("--density-steps", type=int, default=80)
    ap.add_argument("--allow-reference-blas", action="store_true",
                    help="run even on the netlib reference BLAS (slow, not a fair peer)")
    a = ap.parse_args(argv)
    for name, (low, high) in RANGES.items():
        value = getattr(a, name)
        if not low <= value <= high:
            ap.error("--%s must be %d to %d, not %d" % (name.replace("_", "-"), low, high, value))
    if a.bn == "on" and a.batch < 2:
        ap.error("--bn on needs a --batch of at least 2")
    if a.density and a.hessian_samples == 0:
        ap.error("--density needs --hessian-samples above 0")
    if a.arch == "convnet":
        if not 1 <= a.depth <= 20 or not 8 <= a.width <= 128:
            ap.error("a convnet needs --depth 1 to 20 and --width 8 to 128")
        try:
            image_shape(a.inputs)
        except ValueError as e:
            ap.error(str(e))
    if a.hessian_threads == 0:
        a.hessian_threads = a.threads
    if a.lanczos_iters == 0:
        a.lanczos_iters = 4 * a.top_k
    return a


def main(argv=None):
    a = parse(argv)
    torch.set_num_threads(a.threads)
    provider, blas, backend = blas_in_use(a.threads)
    if not a.allow_reference_blas and any(is_reference_blas(p) for p in [provider or ""] + blas):
        print("torch_peer: refusing to run on the netlib reference BLAS (%s): apt-get install "
              "libopenblas0-pthread, or pass --allow-reference-blas" % (provider or blas[0]), file=sys.stderr)
        return 2

    torch.manual_seed(0)
    build_model = build_convnet if a.arch == "convnet" else build
    model = build_model(a.inputs, a.width, a.depth, a.classes, a.bn == "on", a.activation)
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)
    x = torch.rand(a.batch, a.inputs)
    y = torch.randint(0, a.classes, (a.batch,))

    def step():
        optimizer.zero_grad()
        F.cross_entropy(model(x), y).backward()
        optimizer.step()

    for _ in range(WARM_UP_STEPS):
        step()
    start = time.perf_counter()
    for _ in range(a.steps):
        step()
    step_s = (time.perf_counter() - start) / a.steps

    result = {"peer": "pytorch-" + torch.__version__, "backend": backend, "blas_path": provider,
              "openblas_env": {k: v for k, v in sorted(os.environ.items()) if k.startswith("OPENBLAS_")},
              "threads": a.threads, "arch": a.arch, "depth": a.depth, "width": a.width, "batch": a.batch, "bn": a.bn,
              "activation": a.activation, "train_steps_per_s": 1 / step_s, "train_ms_per_step": step_s * 1e3}
    if a.hessian_samples > 0:
        torch.set_num_threads(a.hessian_threads)
        blas_in_use(a.hessian_threads)
        dtype = getattr(torch, a.hessian_dtype)
        hx = torch.rand(a.hessian_samples, a.inputs).to(dtype)
        hy = torch.randint(0, a.classes, (a.hessian_samples,))
        model = model.to(dtype).train()
        start = time.perf_counter()
        op = HessianOperator(model, hx, hy)
        eigenvalues, iterations = top_eigenvalues(op, a.top_k, a.lanczos_iters)
        result["hessian_topk_s"] = time.perf_counter() - start
        result["hessian_dtype"] = a.hessian_dtype
        result["hessian_threads"] = a.hessian_threads
        result["lanczos_iters"] = iterations
        result["hessian_samples"] = a.hessian_samples
        result["top_eigenvalues"] = eigenvalues
        if a.density:
            start = time.perf_counter()
            nodes, weights, steps_done = slq_density(op, a.density_probes, a.density_steps)
            result["density_s"] = time.perf_counter() - start
            result["density_probes"] = a.density_probes
            result["density_steps"] = min(steps_done)
            result["density_node_min"] = nodes.min().item()
            result["density_node_max"] = nodes.max().item()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
