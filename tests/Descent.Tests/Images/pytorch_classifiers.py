"""Reference numbers for ClassifierReferenceTests.cs: loss and gradients of the classification objectives
for fixed weights and inputs, computed with PyTorch (1.13) in float64.

Run: /usr/bin/python3 tests/Descent.Tests/Images/pytorch_classifiers.py
Weights: element j of parameter k (in the objective's order) is 0.05 * sin(0.7 j + 1.3 k + 0.1).
Inputs: 3 images 1 x 28 x 28, pixel p of image n is ((31 n + 17 p) mod 256) / 255; labels 3, 7, 1.
Printed per model: the mean cross-entropy, then per parameter the sum and the sum of squares of its gradient.
"""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def fill(params):
    with torch.no_grad():
        for k, p in enumerate(params):
            j = torch.arange(p.numel(), dtype=torch.float64)
            p.copy_((0.05 * torch.sin(0.7 * j + 1.3 * k + 0.1)).reshape(p.shape))


def inputs():
    n = torch.arange(3, dtype=torch.float64).reshape(3, 1)
    p = torch.arange(784, dtype=torch.float64).reshape(1, 784)
    x = torch.remainder(31 * n + 17 * p, 256) / 255
    return x.reshape(3, 1, 28, 28), torch.tensor([3, 7, 1])


class Cnn2c2d(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 5, padding=2)
        self.conv2 = nn.Conv2d(32, 64, 5, padding=2)
        self.fc1 = nn.Linear(7 * 7 * 64, 1024)
        self.fc2 = nn.Linear(1024, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)
        return self.fc2(F.relu(self.fc1(x.flatten(1))))


models = {
    "logistic-regression": nn.Sequential(nn.Flatten(), nn.Linear(784, 10)),
    "mlp-classifier": nn.Sequential(nn.Flatten(), nn.Linear(784, 1000), nn.ReLU(), nn.Linear(1000, 500), nn.ReLU(),
                                    nn.Linear(500, 100), nn.ReLU(), nn.Linear(100, 10)),
    "cnn-2c2d": Cnn2c2d(),
}
x, y = inputs()
for name, model in models.items():
    params = list(model.parameters())
    fill(params)
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    print(f'["{name}"] = ({loss.item()!r}, [')
    for p in params:
        print(f"    ({p.grad.sum().item()!r}, {(p.grad ** 2).sum().item()!r}),")
    print(f"]),  # {sum(p.numel() for p in params)} parameters")
