"""Peer (c) of the IMDb-shaped training: 10,000-dim multi-hot -> 16 -> 16 -> 1 in PyTorch, the reviews as one dense
rows x dimension float tensor as Keras's vectorize_sequences builds it, from the word-index sequences MlNetMlp's
WordIndex produced for the same reviews (one review per line: label, then its word indices).
Usage: pytorch_imdb.py SEQUENCES_FILE DIMENSION EPOCHS BATCH_SIZE THREADS"""
import sys
import time

import torch

from peer_common import emit, log, peak_rss_mb


def main():
    sequences_path = sys.argv[1]
    dimension, epochs, batch_size, threads = (int(a) for a in sys.argv[2:6])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    start = time.perf_counter()
    with open(sequences_path) as f:
        lines = f.read().splitlines()
    x = torch.zeros(len(lines), dimension)
    y = torch.zeros(len(lines), 1)
    for row, line in enumerate(lines):
        fields = line.split()
        y[row, 0] = float(fields[0])
        x[row, torch.tensor([int(i) for i in fields[1:]], dtype=torch.long)] = 1
    del lines
    prepare_seconds = time.perf_counter() - start
    model = torch.nn.Sequential(torch.nn.Linear(dimension, 16), torch.nn.ReLU(), torch.nn.Linear(16, 16),
                                torch.nn.ReLU(), torch.nn.Linear(16, 1))
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    seconds = []
    for epoch in range(epochs):
        start = time.perf_counter()
        order = torch.randperm(len(x))
        correct = 0
        loss_sum = 0.0
        for first in range(0, len(x), batch_size):
            rows = order[first:first + batch_size]
            optimizer.zero_grad()
            logits = model(x[rows])
            targets = y[rows]
            loss = loss_fn(logits, targets)
            loss.backward()
            optimizer.step()
            correct += ((logits > 0).float() == targets).sum().item()
            loss_sum += loss.item() * len(rows)
        seconds.append(time.perf_counter() - start)
        log(f"pytorch imdb epoch {epoch + 1}: {seconds[-1]:.3f} s")
    emit({"peer": "PyTorch", "version": torch.__version__, "threads": torch.get_num_threads(), "rows": len(x),
          "epochSeconds": seconds, "peakRssMb": peak_rss_mb(), "prepareSeconds": prepare_seconds,
          "finalLoss": loss_sum / len(x), "trainingAccuracy": correct / len(x)})


if __name__ == "__main__":
    main()
