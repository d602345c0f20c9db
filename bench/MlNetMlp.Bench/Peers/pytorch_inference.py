"""The PyTorch peer of the inference benchmark: the MNIST model MlNetMlp trained, loaded from its exported weights
(per dense layer: int32 inputs, int32 units, units x inputs float32 kernel, units float32 biases; relu between
layers, softmax at the end), scoring the test images one row at a time and in batches, in eval mode without gradients.
Usage: pytorch_inference.py WEIGHTS TEST_IMAGES TEST_LABELS SINGLE_ROWS BATCH_SIZE PASSES THREADS"""
import statistics
import sys
import time
import warnings

import numpy as np
import torch

from peer_common import emit, read_mnist


def load_layers(path):
    data = open(path, "rb").read()
    layers, offset = [], 0
    while offset < len(data):
        inputs, units = np.frombuffer(data, dtype="<i4", count=2, offset=offset)
        offset += 8
        layer = torch.nn.Linear(int(inputs), int(units))
        kernel = np.frombuffer(data, dtype="<f4", count=inputs * units, offset=offset).reshape(units, inputs)
        offset += 4 * inputs * units
        bias = np.frombuffer(data, dtype="<f4", count=units, offset=offset)
        offset += 4 * units
        with torch.no_grad():
            layer.weight.copy_(torch.from_numpy(kernel.copy()))
            layer.bias.copy_(torch.from_numpy(bias.copy()))
        layers += [layer, torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1], torch.nn.Softmax(dim=1)).eval()

# The IDX bytes are shared read-only with numpy and only ever read: no copy just to silence torch.
warnings.filterwarnings("ignore", message="The given NumPy array is not writable")


def main():
    weights, test_images, test_labels = sys.argv[1:4]
    single_rows, batch_size, passes, threads = (int(a) for a in sys.argv[4:8])
    torch.set_num_threads(threads)
    model = load_layers(weights)
    pixels, labels = read_mnist(test_images, test_labels)
    x = torch.from_numpy(pixels).float().div_(255)
    with torch.no_grad():
        latencies = []
        for row in range(min(single_rows, len(x)) + 100):
            one = x[row % len(x)].unsqueeze(0)
            start = time.perf_counter_ns()
            model(one).argmax(1)
            latencies.append(time.perf_counter_ns() - start)
        latencies = sorted(latencies[100:])
        rates = []
        for _ in range(passes):
            start = time.perf_counter()
            predicted = torch.cat([model(x[first:first + batch_size]).argmax(1) for first in range(0, len(x), batch_size)])
            rates.append(len(x) / (time.perf_counter() - start))
    emit({"scorer": "PyTorch", "threads": torch.get_num_threads(),
          "singleRowMedianMicroseconds": statistics.median(latencies) / 1000,
          "singleRowP99Microseconds": latencies[int(0.99 * (len(latencies) - 1))] / 1000,
          "batchRowsPerSecond": statistics.median(rates),
          "accuracy": (predicted == torch.from_numpy(labels)).float().mean().item()})


if __name__ == "__main__":
    main()
