#!/usr/bin/env python3
"""The PyTorch cross-check of every layer type a model export can hold, end to end, in one command.

For each case it trains a small network headless (`train --export-model`), computes ShiftScope's top-k
Hessian eigenvalues of the export (`hessian`) and its evaluation loss (hessian.json's eval_loss, in the checked BN mode),
rebuilds the export in PyTorch float64 (torch_check_export.py) and prints both sides in a table. A case passes
when the losses agree to LOSS_TOLERANCE and every eigenvalue to EIGEN_TOLERANCE (relative); exit status 1 if
any fails. Cases: a convnet with BN on, the same export frozen, a convnet without normalisation, a resnet with
BN (ghost batches; projection and identity shortcuts), an MLP with LayerNorm and weight decay, a convnet with
GroupNorm, and the MLP with BN; together they hold every entry type and activation. About 10 minutes on 2 cores.

    mvn -B -o -q -DskipTests package
    /usr/bin/python3 src/test/python/torch_check_all.py [--work DIR] [--cases convnet-bn-on,mlp-layernorm]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
LOSS_TOLERANCE = 1e-6   # absolute, on a mean cross-entropy of order 1
EIGEN_TOLERANCE = 1e-3  # relative, per rank; ShiftScope's reports stop at residuals of 1e-3·λ

# Shared by every training run: synthetic 1×8×8 images (64 inputs), so that the convnets pool 8 → 4 → 2 (and the
# resnet's fourth stage to 1, after which its fifth block keeps the channels: the identity shortcut).
COMMON = ["--dataset", "synthetic", "--batch", "32", "--momentum", "0.9", "--seed", "7"]

# name, train options (None: reuse the export of `source`), BN mode of the check, source case.
CASES = [
    ("convnet-bn-on", ["--arch", "convnet", "--norm", "batch", "--depth", "3", "--width", "8", "--lr", "0.05"],
     "on", None),
    ("convnet-bn-frozen", None, "frozen", "convnet-bn-on"),
    ("convnet-none", ["--arch", "convnet", "--norm", "none", "--depth", "3", "--width", "8", "--activation", "tanh",
                      "--lr", "0.05"], "off", None),
    ("resnet-bn-on", ["--arch", "resnet", "--norm", "batch", "--depth", "5", "--width", "8", "--ghost-batch", "16",
                      "--lr", "0.01"], "on", None),
    ("mlp-layernorm", ["--arch", "mlp", "--norm", "layer", "--depth", "3", "--width", "32", "--activation", "softplus",
                       "--weight-decay", "1e-3", "--lr", "0.05"], "on", None),
    ("convnet-groupnorm", ["--arch", "convnet", "--norm", "group", "--groups", "4", "--depth", "3", "--width", "8",
                           "--lr", "0.02"], "on", None),
    ("mlp-bn-sigmoid", ["--arch", "mlp", "--norm", "batch", "--depth", "3", "--width", "32", "--activation", "sigmoid",
                        "--lr", "0.05"], "on", None),
    ("mlp-bn-softplus10", ["--arch", "mlp", "--norm", "batch", "--depth", "3", "--width", "32", "--activation",
                           "softplus10", "--nesterov", "--weight-decay", "5e-4", "--lr", "0.05"], "on", None),
    ("mlp-bn-softplus10-frozen", None, "frozen", "mlp-bn-softplus10"),
]


def run(command, log):
    """Runs a command, its output appended to log; the stdout on success, the log's tail in the error otherwise."""
    with open(log, "a") as f:
        f.write("$ " + " ".join(command) + "\n")
        f.flush()
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=f, text=True)
        f.write(done.stdout)
    if done.returncode != 0:
        with open(log) as f:
            tail = f.read()[-2000:]
        raise RuntimeError("%s exited with %d:\n%s" % (command[0], done.returncode, tail))
    return done.stdout


def check(name, train, mode, source, args, work):
    folder = os.path.join(work, name)
    os.makedirs(folder, exist_ok=True)
    log = os.path.join(folder, "log.txt")
    java = ["java", "-jar", args.jar]
    model = os.path.join(work, source or name, "run", "model")
    if train is not None:
        run(java + ["train"] + COMMON + train + ["--steps", str(args.steps), "--hessian-samples", str(args.samples),
                                                 "--top-k", "1", "--export-model", "--out", os.path.join(folder, "run")],
            log)
    hessian = os.path.join(folder, "hessian")
    run(java + ["hessian", "--model", model, "--bn-mode", mode if mode != "off" else "as-trained",
                "--top-k", str(args.top_k), "--out", hessian], log)
    torch = json.loads(run([sys.executable, os.path.join(HERE, "torch_check_export.py"), model, "--bn-mode", mode,
                            "--top-k", str(args.top_k), "--lanczos-iters", str(args.lanczos_iters),
                            "--shiftscope-csv", os.path.join(hessian, "hessian.csv")], log).splitlines()[-1])
    with open(os.path.join(hessian, "hessian.json")) as f:
        figures = json.load(f)
    converged = figures["converged"]
    ours_loss = figures["eval_loss"]
    loss_difference = abs(ours_loss - torch["torch_eval_loss"])
    eigen_difference = torch["max_relative_difference"]
    return {"case": name, "mode": mode, "parameters": torch["parameters"], "shiftscope_loss": ours_loss,
            "torch_loss": torch["torch_eval_loss"], "loss_difference": loss_difference,
            "lambda1": torch["shiftscope_top_eigenvalues"][0], "max_relative_eigen_difference": eigen_difference,
            "converged": converged,
            "passed": loss_difference <= LOSS_TOLERANCE and eigen_difference <= EIGEN_TOLERANCE and converged}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", default=os.path.join(REPO, "target", "shiftscope.jar"))
    parser.add_argument("--work", default=None, help="folder for the runs (default: a new temporary folder)")
    parser.add_argument("--cases", default=None, help="comma-separated case names (default: all)")
    parser.add_argument("--steps", type=int, default=150)
    parser.add_argument("--samples", type=int, default=256, help="the Hessian's evaluation set")
    parser.add_argument("--top-k", type=int, default=10)
    parser.add_argument("--lanczos-iters", type=int, default=60, help="PyTorch's Lanczos products")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="torch_check_")
    wanted = args.cases.split(",") if args.cases else [case[0] for case in CASES]
    unknown = set(wanted) - {case[0] for case in CASES}
    if unknown:
        parser.error("unknown cases: " + ", ".join(sorted(unknown)))
    wanted += [source for name, _, _, source in CASES if name in wanted and source]   # their exports are reused
    print("runs in " + work, flush=True)
    header = "%-18s %-6s %7s %20s %20s %9s %10s %10s %s" % (
        "case", "mode", "params", "loss ShiftScope", "loss torch", "|Δloss|", "λ1", "max rel Δλ", "")
    rows = []
    for name, train, mode, source in CASES:
        if name not in wanted:
            continue
        start = time.time()
        try:
            r = check(name, train, mode, source, args, work)
            line = "%-18s %-6s %7d %20.15f %20.15f %9.1e %10.5g %10.1e %s" % (
                name, mode, r["parameters"], r["shiftscope_loss"], r["torch_loss"], r["loss_difference"], r["lambda1"],
                r["max_relative_eigen_difference"], "ok" if r["passed"] else "FAIL")
        except (RuntimeError, KeyError, ValueError) as e:
            r = {"case": name, "passed": False, "error": str(e)}
            line = "%-18s %-6s ERROR (see %s)" % (name, mode, os.path.join(work, name, "log.txt"))
        rows.append((line, r))
        print("%s done in %.0f s" % (name, time.time() - start), file=sys.stderr, flush=True)
    print(header)
    for line, _ in rows:
        print(line)
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump([r for _, r in rows], f, indent=1)
    sys.exit(0 if all(r["passed"] for _, r in rows) else 1)


if __name__ == "__main__":
    main()
