"""What every Python peer of MlNetMlp.Bench shares: reading IDX files, its peak resident memory, and the one JSON
line it prints on stdout for the harness (progress goes to stderr)."""
import gzip
import json
import sys

import numpy as np


def read_idx(path):
    """An IDX file (gzipped or not, told by its content) as a uint8 array shaped by its header."""
    with open(path, "rb") as raw:
        start = raw.read(2)
    opener = gzip.open if start == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    dimensions = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dimensions))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dimensions).reshape(shape)


def read_mnist(images_path, labels_path):
    """Images as a uint8 array of rows x 784, labels as int64."""
    images = read_idx(images_path)
    return images.reshape(len(images), -1), read_idx(labels_path).astype(np.int64)


def peak_rss_mb():
    """The peak resident set of this process (VmHWM) in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def log(message):
    print(message, file=sys.stderr, flush=True)


def emit(result):
    print(json.dumps(result), flush=True)
