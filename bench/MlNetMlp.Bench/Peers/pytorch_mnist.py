"""Peer (c): the 784-512-10 MNIST network in PyTorch, trained on the same IDX files as MlNetMlp: the images read
into one float tensor, rows picked by a shuffled index per batch, RMSprop with Keras's constants.
Usage: pytorch_mnist.py TRAIN_IMAGES TRAIN_LABELS TEST_IMAGES TEST_LABELS EPOCHS BATCH_SIZE THREADS"""
import sys
import time
import warnings

import torch

from peer_common import emit, log, peak_rss_mb, read_mnist

# The IDX bytes are shared read-only with numpy and only ever read: no copy just to silence torch.
warnings.filterwarnings("ignore", message="The given NumPy array is not writable")


def main():
    train_images, train_labels, test_images, test_labels = sys.argv[1:5]
    epochs, batch_size, threads = (int(a) for a in sys.argv[5:8])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    start = time.perf_counter()
    pixels, labels = read_mnist(train_images, train_labels)
    x = torch.from_numpy(pixels).float().div_(255)
    y = torch.from_numpy(labels)
    prepare_seconds = time.perf_counter() - start
    model = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 10))
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    seconds = []
    for epoch in range(epochs):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(x))
        loss_sum = 0.0
        for first in range(0, len(x), batch_size):
            rows = order[first:first + batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(rows)
        seconds.append(time.perf_counter() - start)
        log(f"pytorch epoch {epoch + 1}: {seconds[-1]:.3f} s")
    peak = peak_rss_mb()
    test_pixels, test_labels = read_mnist(test_images, test_labels)
    model.eval()
    with torch.no_grad():
        predicted = model(torch.from_numpy(test_pixels).float().div_(255)).argmax(1)
    accuracy = (predicted == torch.from_numpy(test_labels)).float().mean().item()
    emit({"peer": "PyTorch", "version": torch.__version__, "threads": torch.get_num_threads(), "rows": len(x),
          "epochSeconds": seconds, "peakRssMb": peak, "prepareSeconds": prepare_seconds,
          "finalLoss": loss_sum / len(x), "testAccuracy": accuracy})


if __name__ == "__main__":
    main()
