#!/usr/bin/env python3
"""PyTorch baseline for `descent bench workloads`: the same training and evaluation Descent runs for the
Fashion-MNIST workloads, timed the way a PyTorch user would write them.

  mlp  DeepOBS fmnist_mlp: 784-1000-500-100-10, ReLU (Descent's mlp-classifier at its defaults)
  cnn  DeepOBS fmnist_2c2d: conv 5x5 32 "same", ReLU, max-pool 2; conv 5x5 64 "same", ReLU, max-pool 2;
       dense 1024, ReLU; dense 10 (Descent's cnn-2c2d)
  cnn_channels_last  the same CNN in PyTorch's channels-last recipe (model.to(memory_format=torch.channels_last),
       each batch made channels-last): Descent's cnn-2c2d runs channels-last on CPU, so the benchmark times
       PyTorch both ways and compares with the faster

Both with PyTorch's default initialization (nn.Linear / nn.Conv2d), torch.optim.Adam at its defaults, the
mean cross-entropy, batch 128, float32, on the first --train-rows training images (Descent's train split:
the last --eval-rows of the 60,000 are its valid split), scaled to [0, 1]. Each epoch shuffles with one
permutation of the whole set and slices batches from the shuffled copy, as Descent's loop does. Before the
first epoch (cold, not timed) and after each epoch (timed), it evaluates what Descent's loop does: train_eval
(the first min(10,000, train rows) training images), valid and the first --eval-rows test images, under
no_grad in batches of --eval-batch (summed loss and correct count per batch, as Descent's MetricSums).

Prints one JSON object: per model the seconds of each epoch (evaluation excluded), evaluation images per
second (the timed evaluations), and the resident set size (MB) at the start and after each epoch's evaluation; the torch
version, the thread counts and the BLAS torch runs on (read from the shared libraries this process has mapped).
Needs numpy and torch (Debian: apt-get install python3-torch).
"""
import argparse
import ctypes
import gzip
import os
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from pytorch_airfoil import write_figures

TRAIN_EVAL_ROWS = 10_000
MLP_WIDTHS = [784, 1000, 500, 100, 10]  # DeepOBS fmnist_mlp


def idx(root, name, offset):
    path = os.path.join(root, name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load(root, train_rows, eval_rows):
    images = idx(root, "train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)
    labels = idx(root, "train-labels-idx1-ubyte.gz", 8)
    kept = images.shape[0] - eval_rows

    def tensors(x, y):
        return torch.tensor(x, dtype=torch.float32) / 255, torch.tensor(y, dtype=torch.int64)

    train = tensors(images[:min(train_rows, kept)], labels[:min(train_rows, kept)])
    valid = tensors(images[kept:], labels[kept:])
    test = tensors(idx(root, "t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)[:eval_rows],
                   idx(root, "t10k-labels-idx1-ubyte.gz", 8)[:eval_rows])
    return train, valid, test


def mlp():
    layers = [nn.Flatten()]
    for i, o in zip(MLP_WIDTHS, MLP_WIDTHS[1:]):
        layers += [nn.Linear(i, o), nn.ReLU()]
    return nn.Sequential(*layers[:-1])


def cnn():
    return nn.Sequential(nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
                         nn.Conv2d(32, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
                         nn.Flatten(), nn.Linear(7 * 7 * 64, 1024), nn.ReLU(), nn.Linear(1024, 10))


class ChannelsLast(nn.Module):
    """Makes its input channels-last in memory (the shape stays N x C x H x W)."""

    def forward(self, x):
        return x.contiguous(memory_format=torch.channels_last)


def cnn_channels_last():
    return nn.Sequential(ChannelsLast(), *cnn()).to(memory_format=torch.channels_last)


MODELS = {"mlp": mlp, "cnn": cnn, "cnn_channels_last": cnn_channels_last}


def mlp_gemm_gflops(batch, repeats=20, warm_up=3):
    """GFLOP/s of mlp()'s layer products alone (linear with bias, no activations, float32, no_grad) at a batch
    size, the median of the timed passes: the BLAS's matrix product, as Descent's GemmProbe."""
    widths = MLP_WIDTHS
    generator = torch.Generator().manual_seed(0)
    x = torch.rand(batch, widths[0], generator=generator)
    layers = [(torch.rand(o, i, generator=generator), torch.rand(o, generator=generator)) for i, o in zip(widths, widths[1:])]
    seconds = []
    with torch.no_grad():
        for repeat in range(warm_up + repeats):
            start = time.perf_counter()
            h = x
            for weight, bias in layers:
                h = F.linear(h, weight, bias)
            if repeat >= warm_up:
                seconds.append(time.perf_counter() - start)
    return 2 * batch * sum(i * o for i, o in zip(widths, widths[1:])) / statistics.median(seconds) / 1e9


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def evaluate(model, x, y, batch):
    """Summed loss and correct count over the split, batch by batch, as Descent's SplitEvaluator."""
    sums = torch.zeros(2, dtype=torch.float64)
    with torch.no_grad():
        for start in range(0, x.shape[0], batch):
            logits = model(x[start:start + batch])
            target = y[start:start + batch]
            loss = F.cross_entropy(logits, target, reduction="sum")
            correct = (logits.argmax(1) == target).sum().to(logits.dtype)
            sums += torch.stack([loss, correct]).double()
    return (sums / x.shape[0]).tolist()


def run(name, train, splits, epochs, batch, eval_batch, seed):
    torch.manual_seed(seed)
    model = MODELS[name]()
    optimizer = torch.optim.Adam(model.parameters())
    x, y = train
    rows = x.shape[0]
    seconds, rss, eval_seconds, eval_images = [], [rss_mb()], 0.0, 0
    model.eval()
    for split_x, split_y in splits:
        evaluate(model, split_x, split_y, eval_batch)
    for epoch in range(epochs):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(rows)
        shuffled_x, shuffled_y = x.index_select(0, order), y.index_select(0, order)
        for first in range(0, rows, batch):
            optimizer.zero_grad()
            loss = F.cross_entropy(model(shuffled_x[first:first + batch]), shuffled_y[first:first + batch])
            loss.backward()
            optimizer.step()
        seconds.append(time.perf_counter() - start)
        model.eval()
        clock = time.perf_counter()
        for split_x, split_y in splits:
            _, accuracy = evaluate(model, split_x, split_y, eval_batch)
        eval_seconds += time.perf_counter() - clock
        eval_images += sum(s[0].shape[0] for s in splits)
        rss.append(rss_mb())
    return {"epoch_seconds": seconds, "eval_images_per_second": eval_images / eval_seconds,
            "eval_images": eval_images, "rss_mb": rss, "test_accuracy": accuracy}


def openblas_threads():
    """The thread count the mapped OpenBLAS runs with (OPENBLAS_NUM_THREADS / OMP_NUM_THREADS), or None."""
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "openblas" in line.lower() and line.split()[-1].startswith("/")})
    for path in paths:
        try:
            return ctypes.CDLL(path).openblas_get_num_threads()
        except (OSError, AttributeError):
            continue
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with the four Fashion-MNIST IDX files (.gz)")
    parser.add_argument("--models", default="mlp,cnn", help="comma-separated: mlp, cnn, cnn_channels_last")
    parser.add_argument("--train-rows", type=int, default=10_000, help="training images per epoch")
    parser.add_argument("--epochs", type=int, default=3, help="epochs per model")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (set OMP_NUM_THREADS and OPENBLAS_NUM_THREADS alike)")
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--eval-batch", type=int, default=1000)
    parser.add_argument("--eval-rows", type=int, default=10_000, help="valid images (the last training images) and test images (the first)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    train, valid, test = load(args.data, args.train_rows, args.eval_rows)
    train_eval = (train[0][:TRAIN_EVAL_ROWS], train[1][:TRAIN_EVAL_ROWS])
    splits = [train_eval, valid, test]
    figures = {"train_rows": train[0].shape[0]}
    for name in args.models.split(","):
        figures[name] = run(name, train, splits, args.epochs, args.batch, args.eval_batch, args.seed)
    figures["mlp_gemm_gflops"] = {str(b): mlp_gemm_gflops(b) for b in sorted({args.batch, args.eval_batch})}
    figures["torch_version"] = torch.__version__
    figures["threads"] = torch.get_num_threads()
    figures["blas_threads"] = openblas_threads()
    figures["blas_build"] = "BLAS_INFO=" + torch.__config__.show().split("BLAS_INFO=")[1].split(",")[0] if "BLAS_INFO=" in torch.__config__.show() else "unknown"
    write_figures(figures)


if __name__ == "__main__":
    main()
