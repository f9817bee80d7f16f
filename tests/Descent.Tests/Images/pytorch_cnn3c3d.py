"""Reference numbers for Cnn3c3dReferenceTests.cs: the training loss of cnn-3c3d (DeepOBS cifar10_3c3d) and its
gradients for fixed weights and inputs, computed with PyTorch in float64 (the version is printed first).

Run: /usr/bin/python3 tests/Descent.Tests/Images/pytorch_cnn3c3d.py
Weights: element j of parameter k (in the objective's order: conv1..3, fc1..3, weight then bias) is
0.05 * sin(0.7 j + 1.3 k + 0.1).
Inputs: 3 images 3 x 32 x 32, element p (CHW order) of image n is ((31 n + 17 p) mod 256) / 255; labels 3, 7, 1.
The network follows DeepOBS's net_cifar10_3c3d: TensorFlow "same" max-pooling is ZeroPad2d((0, 1, 0, 1)) before
MaxPool2d(3, 2) at these sizes (28, 12 and 6), as DeepOBS's tfmaxpool2d computes it.
Training loss: mean cross-entropy + 0.002 / 2 * sum of the squared weights (not biases), DeepOBS's
get_regularization_loss with l2_reg = 0.002.
Printed: the cross-entropy, the training loss, then per parameter the sum and the sum of squares of the
training loss's gradient, then the parameter count.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
WEIGHT_DECAY = 0.002


class Cnn3c3d(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 5)
        self.conv2 = nn.Conv2d(64, 96, 3)
        self.conv3 = nn.Conv2d(96, 128, 3, padding=1)
        self.fc1 = nn.Linear(3 * 3 * 128, 512)
        self.fc2 = nn.Linear(512, 256)
        self.fc3 = nn.Linear(256, 10)
        self.pool = nn.Sequential(nn.ZeroPad2d((0, 1, 0, 1)), nn.MaxPool2d(3, 2))

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = self.pool(F.relu(self.conv3(x)))
        x = F.relu(self.fc1(x.flatten(1)))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


model = Cnn3c3d()
params = list(model.parameters())
with torch.no_grad():
    for k, p in enumerate(params):
        j = torch.arange(p.numel(), dtype=torch.float64)
        p.copy_((0.05 * torch.sin(0.7 * j + 1.3 * k + 0.1)).reshape(p.shape))

n = torch.arange(3, dtype=torch.float64).reshape(3, 1)
p = torch.arange(3072, dtype=torch.float64).reshape(1, 3072)
x = (torch.remainder(31 * n + 17 * p, 256) / 255).reshape(3, 3, 32, 32)
y = torch.tensor([3, 7, 1])

cross_entropy = F.cross_entropy(model(x), y)
penalty = 0.5 * WEIGHT_DECAY * sum((q ** 2).sum() for name, q in model.named_parameters() if name.endswith("weight"))
loss = cross_entropy + penalty
loss.backward()
print(f"# torch {torch.__version__}")
print(f"({cross_entropy.item()!r}, {loss.item()!r}, [")
for q in params:
    print(f"    ({q.grad.sum().item()!r}, {(q.grad ** 2).sum().item()!r}),")
print(f"])  # {sum(q.numel() for q in params)} parameters")
