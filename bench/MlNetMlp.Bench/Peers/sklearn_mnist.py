"""Peer (d): scikit-learn's MLPClassifier with the same 784-512-10 shape (Adam, its only fast solver here, batch size
as given, no L2 penalty), on the same IDX files, one epoch per partial_fit call so each epoch is timed.
Usage: sklearn_mnist.py TRAIN_IMAGES TRAIN_LABELS TEST_IMAGES TEST_LABELS EPOCHS BATCH_SIZE THREADS"""
import sys
import time

import numpy as np
import sklearn
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

from peer_common import emit, log, peak_rss_mb, read_mnist


def main():
    train_images, train_labels, test_images, test_labels = sys.argv[1:5]
    epochs, batch_size, threads = (int(a) for a in sys.argv[5:8])
    with threadpool_limits(limits=threads):
        start = time.perf_counter()
        pixels, labels = read_mnist(train_images, train_labels)
        x = pixels.astype(np.float32) / np.float32(255)
        prepare_seconds = time.perf_counter() - start
        model = MLPClassifier(hidden_layer_sizes=(512,), activation="relu", solver="adam", alpha=0.0,
                              batch_size=batch_size, learning_rate_init=1e-3, shuffle=True, random_state=1)
        classes = np.arange(10)
        seconds = []
        for epoch in range(epochs):
            start = time.perf_counter()
            model.partial_fit(x, labels, classes=classes)
            seconds.append(time.perf_counter() - start)
            log(f"scikit-learn epoch {epoch + 1}: {seconds[-1]:.3f} s")
        peak = peak_rss_mb()
        test_pixels, test_labels = read_mnist(test_images, test_labels)
        accuracy = float((model.predict(test_pixels.astype(np.float32) / np.float32(255)) == test_labels).mean())
    emit({"peer": "scikit-learn", "version": sklearn.__version__, "threads": threads, "rows": len(x),
          "epochSeconds": seconds, "peakRssMb": peak, "prepareSeconds": prepare_seconds,
          "finalLoss": float(model.loss_), "testAccuracy": accuracy, "dtype": str(model.coefs_[0].dtype)})


if __name__ == "__main__":
    main()
