#!/usr/bin/env python3
"""PyTorch baseline for `descent bench`: the chapter's airfoil training (Dive into Deep Learning,
optimization chapter, train_ch7), timed the way a PyTorch user would run it.

  step   microseconds per training step (forward, loss, backward, update), batch 10 and 1,
         sgd and adam (the chapter's from-scratch updates), with a DataLoader(shuffle=True) and
         with pre-sliced batches; plus seconds per epoch as the chapter measures it.
  sweep  every airfoil configuration of the chapter (from scratch and torch.optim), 5 seeds
         each, one after another; wall time and trials per second.

Prints one JSON object. Needs numpy and torch (Debian: apt-get install python3-torch).
One torch thread, as Descent runs each trial.
"""
import argparse
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn, optim


def load(path, rows=1500):
    data = np.genfromtxt(path, delimiter="\t")
    data = (data - data.mean(axis=0)) / data.std(axis=0)
    return (torch.tensor(data[:rows, :-1], dtype=torch.float32),
            torch.tensor(data[:rows, -1], dtype=torch.float32))


def mean_squared_loss(X, y, w, b):
    """The chapter's squared_loss(linreg(X, w, b), y).mean(), the mean of (X w + b - y)^2 / 2, computed as
    Descent's linear-regression computes it (addmm, then mse_loss / 2: the same value bit for bit, in four
    operations instead of the chapter's seven), so that the step timings compare the same work."""
    return F.mse_loss(torch.addmm(b, X, w), y.view(-1, 1)) / 2


# The chapter's from-scratch updates.
def sgd(params, states, hp):
    for p in params:
        p.data -= hp["lr"] * p.grad.data


def momentum(params, states, hp):
    for p, v in zip(params, states):
        v.data = hp["momentum"] * v.data + hp["lr"] * p.grad.data
        p.data -= v.data


def adagrad(params, states, hp):
    for p, s in zip(params, states):
        s.data += p.grad.data ** 2
        p.data -= hp["lr"] * p.grad.data / torch.sqrt(s + 1e-6)


def rmsprop(params, states, hp):
    for p, s in zip(params, states):
        s.data = hp["gamma"] * s.data + (1 - hp["gamma"]) * p.grad.data ** 2
        p.data -= hp["lr"] * p.grad.data / torch.sqrt(s + 1e-6)


def adadelta(params, states, hp):
    rho, eps = hp["rho"], 1e-5
    for p, (s, delta) in zip(params, states):
        s[:] = rho * s + (1 - rho) * p.grad.data ** 2
        g = p.grad.data * torch.sqrt((delta + eps) / (s + eps))
        p.data -= g
        delta[:] = rho * delta + (1 - rho) * g * g


def adam(params, states, hp):
    beta1, beta2, eps = 0.9, 0.999, 1e-6
    for p, (v, s) in zip(params, states):
        v[:] = beta1 * v + (1 - beta1) * p.grad.data
        s[:] = beta2 * s + (1 - beta2) * p.grad.data ** 2
        v_hat = v / (1 - beta1 ** hp["t"])
        s_hat = s / (1 - beta2 ** hp["t"])
        p.data -= hp["lr"] * v_hat / (torch.sqrt(s_hat) + eps)
    hp["t"] += 1


SCRATCH = {"sgd": (sgd, 0), "momentum": (momentum, 1), "adagrad": (adagrad, 1),
           "rmsprop": (rmsprop, 1), "adadelta": (adadelta, 2), "adam": (adam, 2)}


def scratch_states(name, n):
    count = SCRATCH[name][1]
    def pair():
        return torch.zeros((n, 1)), torch.zeros(1)
    if count == 0:
        return None
    if count == 1:
        return list(pair())
    (a_w, a_b), (b_w, b_b) = pair(), pair()
    return [(a_w, b_w), (a_b, b_b)]


def train_scratch(name, hp, features, labels, batch_size, epochs, seed, record=True, loader="dataloader"):
    """The chapter's train_ch7; returns (losses, seconds per epoch list, steps)."""
    torch.manual_seed(seed)
    np.random.seed(seed)
    w = nn.Parameter(torch.tensor(np.random.normal(0, 0.01, size=(features.shape[1], 1)), dtype=torch.float32))
    b = nn.Parameter(torch.zeros(1, dtype=torch.float32))
    states = scratch_states(name, features.shape[1])
    update = SCRATCH[name][0]
    hp = dict(hp)
    if name == "adam":
        hp.setdefault("t", 1)

    def eval_loss():
        return mean_squared_loss(features, labels, w, b).item()

    losses = [eval_loss()] if record else []
    batches = batch_source(features, labels, batch_size, loader)
    seconds, steps = [], 0
    for _ in range(epochs):
        start = time.perf_counter()
        for batch_i, (X, y) in enumerate(batches()):
            l = mean_squared_loss(X, y, w, b)
            if w.grad is not None:
                w.grad.data.zero_()
                b.grad.data.zero_()
            l.backward()
            update([w, b], states, hp)
            steps += 1
            if record and (batch_i + 1) * batch_size % 100 == 0:
                losses.append(eval_loss())
        seconds.append(time.perf_counter() - start)
    return losses, seconds, steps


TORCH = {"torch-sgd": optim.SGD, "torch-adagrad": optim.Adagrad, "torch-rmsprop": optim.RMSprop,
         "torch-adadelta": optim.Adadelta, "torch-adam": optim.Adam}


def train_builtin(name, hp, features, labels, batch_size, epochs, seed, record=True, loader="dataloader"):
    """The chapter's train_pytorch_ch7 (with the chapter's linear model initialisation, so the
    from-scratch and built-in runs start from the same weights)."""
    torch.manual_seed(seed)
    np.random.seed(seed)
    net = nn.Linear(features.shape[-1], 1)
    with torch.no_grad():
        net.weight.copy_(torch.tensor(np.random.normal(0, 0.01, size=(1, features.shape[1])), dtype=torch.float32))
        net.bias.zero_()
    loss = nn.MSELoss()
    optimizer = TORCH[name](net.parameters(), **hp)

    def eval_loss():
        return loss(net(features).view(-1), labels).item() / 2

    losses = [eval_loss()] if record else []
    batches = batch_source(features, labels, batch_size, loader)
    seconds, steps = [], 0
    for _ in range(epochs):
        start = time.perf_counter()
        for batch_i, (X, y) in enumerate(batches()):
            l = loss(net(X).view(-1), y) / 2
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
            steps += 1
            if record and (batch_i + 1) * batch_size % 100 == 0:
                losses.append(eval_loss())
        seconds.append(time.perf_counter() - start)
    return losses, seconds, steps


def batch_source(features, labels, batch_size, loader):
    if loader == "dataloader":
        data_iter = torch.utils.data.DataLoader(
            torch.utils.data.TensorDataset(features, labels), batch_size, shuffle=True)
        return lambda: data_iter
    # Pre-sliced: one shuffle, batches sliced once, reused every epoch (the fastest a user would write).
    order = torch.randperm(features.shape[0])
    X, y = features[order], labels[order]
    sliced = [(X[i:i + batch_size], y[i:i + batch_size]) for i in range(0, X.shape[0], batch_size)]
    return lambda: sliced


def run(name, hp, features, labels, batch_size, epochs, seed, record=True, loader="dataloader"):
    trainer = train_builtin if name.startswith("torch-") else train_scratch
    return trainer(name, hp, features, labels, batch_size, epochs, seed, record, loader)


def step_mode(features, labels, epochs):
    figures = {}
    configs = [("sgd", {"lr": 0.05}), ("adam", {"lr": 0.01})]
    for name, hp in configs:
        for batch_size in (10, 1):
            for loader in ("dataloader", "presliced"):
                n = epochs if batch_size == 10 else max(1, epochs // 5)
                run(name, hp, features, labels, batch_size, 1, 0, record=False, loader=loader)  # warm-up
                _, seconds, steps = run(name, hp, features, labels, batch_size, n, 0, record=False, loader=loader)
                figures[f"{name}_batch{batch_size}_{loader}_us_per_step"] = sum(seconds) / steps * 1e6
        _, seconds, _ = run(name, hp, features, labels, 10, 2, 0, record=True)
        figures[f"{name}_batch10_seconds_per_epoch"] = sum(seconds) / len(seconds)
    return figures


# Section 2 of the reference: every airfoil configuration, from scratch and built-in.
SWEEP = [
    ("sgd", {"lr": 1.0}, 1500, 6), ("sgd", {"lr": 0.005}, 1, 2), ("sgd", {"lr": 0.05}, 10, 2),
    ("torch-sgd", {"lr": 0.05}, 10, 2),
    ("momentum", {"lr": 0.02, "momentum": 0.5}, 10, 2), ("momentum", {"lr": 0.02, "momentum": 0.9}, 10, 2),
    ("momentum", {"lr": 0.004, "momentum": 0.9}, 10, 2), ("torch-sgd", {"lr": 0.004, "momentum": 0.9}, 10, 2),
    ("adagrad", {"lr": 0.1}, 10, 2), ("torch-adagrad", {"lr": 0.1}, 10, 2),
    ("rmsprop", {"lr": 0.01, "gamma": 0.9}, 10, 2), ("torch-rmsprop", {"lr": 0.01, "alpha": 0.9}, 10, 2),
    ("adadelta", {"rho": 0.9}, 10, 2), ("torch-adadelta", {"rho": 0.9}, 10, 2),
    ("adam", {"lr": 0.01}, 10, 2), ("torch-adam", {"lr": 0.01}, 10, 2),
]


def sweep_mode(features, labels, seeds):
    start = time.perf_counter()
    trials = 0
    finals = {}
    for name, hp, batch_size, epochs in SWEEP:
        for seed in range(seeds):
            losses, _, _ = run(name, hp, features, labels, batch_size, epochs, seed)
            finals.setdefault(f"{name} {hp} b{batch_size}", []).append(losses[-1])
            trials += 1
    wall = time.perf_counter() - start
    return {"trials": trials, "wall_seconds": wall, "trials_per_second": trials / wall,
            "mean_final_loss": {k: sum(v) / len(v) for k, v in finals.items()}}


def blas_library():
    """The BLAS shared library this process has mapped (torch links the generic libblas.so.3, which Debian points
    at the slow reference BLAS unless OpenBLAS is installed): 'openblas', 'reference', 'mkl' or what was found."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() or "mkl" in line.lower()}
    except OSError:
        return "unknown"
    if any("openblas" in p for p in paths):
        return "openblas"
    if any("mkl" in p for p in paths):
        return "mkl"
    if any("libblas" in p for p in paths):
        return "reference"
    return "none mapped"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["step", "sweep"])
    parser.add_argument("--data", required=True, help="airfoil_self_noise.dat")
    parser.add_argument("--epochs", type=int, default=20, help="epochs timed per variant (step mode)")
    parser.add_argument("--seeds", type=int, default=5, help="seeds per configuration (sweep mode)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    features, labels = load(args.data)
    figures = step_mode(features, labels, args.epochs) if args.mode == "step" else sweep_mode(features, labels, args.seeds)
    figures["torch_version"] = torch.__version__
    write_figures(figures)


def write_figures(figures):
    """Adds the BLAS torch runs on (warning when it is the slow reference one) and prints the figures as one JSON line."""
    blas = blas_library()
    figures["blas"] = blas
    if blas == "reference":
        print("warning: torch runs on the reference BLAS (slow); install OpenBLAS (Debian: apt-get install libopenblas0-pthread)"
              " or the comparison is against a crippled baseline", file=sys.stderr)
    json.dump(figures, sys.stdout)
    print()


if __name__ == "__main__":
    main()
