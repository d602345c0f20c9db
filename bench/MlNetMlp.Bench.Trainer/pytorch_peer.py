"""The PyTorch peer of MlNetMlp.Bench.Trainer: the same 784-512-10 network, batch size and epochs on the same
MNIST files, printing one line per epoch (seconds, resident memory) for the C# program to show side by side.
Usage: python3 pytorch_peer.py <mnist-folder> <epochs> <batch-size>"""
import gzip
import sys
import time

import numpy as np
import torch


def read_idx(path, header_ints):
    with gzip.open(path, "rb") as f:
        data = f.read()
    return np.frombuffer(data, dtype=np.uint8, offset=4 * header_ints)


def resident_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    folder, epochs, batch_size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.manual_seed(1)
    x = torch.tensor(read_idx(f"{folder}/train-images-idx3-ubyte.gz", 4).reshape(-1, 784), dtype=torch.float32) / 255
    y = torch.tensor(read_idx(f"{folder}/train-labels-idx1-ubyte.gz", 2), dtype=torch.long)
    test_x = torch.tensor(read_idx(f"{folder}/t10k-images-idx3-ubyte.gz", 4).reshape(-1, 784), dtype=torch.float32) / 255
    test_y = torch.tensor(read_idx(f"{folder}/t10k-labels-idx1-ubyte.gz", 2), dtype=torch.long)
    model = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 10))
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    print(f"threads {torch.get_num_threads()} torch {torch.__version__}", flush=True)
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(x))
        for first in range(0, len(x), batch_size):
            rows = order[first:first + batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
        seconds = time.perf_counter() - start
        print(f"epoch {epoch} {seconds:.3f} {resident_mb():.1f} {loss.item():.4f}", flush=True)
    model.eval()
    with torch.no_grad():
        accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
    print(f"accuracy {accuracy:.4f}", flush=True)


if __name__ == "__main__":
    main()
