"""The PyTorch side of the Fashion-MNIST end-to-end test (tests/Descent.Tests/Images/FashionMnistEndToEndTests.cs):
DeepOBS's fmnist_mlp (784-1000-500-100-10, ReLU) with PyTorch's default init, torch.optim.Adam at its defaults
(lr 1e-3, betas 0.9/0.999, eps 1e-8), batch 128, 2 epochs on the first 6,000 training images (Descent's
train_rows 6000: the last 10,000 of the 60,000 are the valid split), float32, one shuffle per epoch; prints the
test accuracy (10,000 images) per seed and the range.

Run: /usr/bin/python3 experiments/baselines/pytorch_fmnist_mlp.py [DIR] (default /usr/share/datasets/fashion-mnist)
"""
import gzip
import sys
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
torch.set_num_threads(2)


def idx(name, offset):
    with gzip.open(f"{root}/{name}") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


train_x = torch.tensor(idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)[:6000], dtype=torch.float32) / 255
train_y = torch.tensor(idx("train-labels-idx1-ubyte.gz", 8)[:6000], dtype=torch.int64)
test_x = torch.tensor(idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784), dtype=torch.float32) / 255
test_y = torch.tensor(idx("t10k-labels-idx1-ubyte.gz", 8), dtype=torch.int64)

accuracies = []
for seed in range(3):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(784, 1000), nn.ReLU(), nn.Linear(1000, 500), nn.ReLU(),
                          nn.Linear(500, 100), nn.ReLU(), nn.Linear(100, 10))
    opt = torch.optim.Adam(model.parameters())
    for epoch in range(2):
        order = torch.randperm(6000)
        for start in range(0, 6000, 128):
            batch = order[start:start + 128]
            opt.zero_grad()
            F.cross_entropy(model(train_x[batch]), train_y[batch]).backward()
            opt.step()
    with torch.no_grad():
        accuracy = (model(test_x).argmax(1) == test_y).double().mean().item()
    accuracies.append(accuracy)
    print(f"seed {seed}: test accuracy {accuracy:.4f}")
print(f"range {min(accuracies):.4f} .. {max(accuracies):.4f}, mean {np.mean(accuracies):.4f}")
