#!/usr/bin/env python3
"""Make the class-balanced Fashion-MNIST subset ShiftScope embeds (assets/data/fashion-mnist/*.gz).

Keeps the first 1,000 training and the first 200 test examples of each class, in file order, and writes
them as the four standard gzipped IDX files (format: http://yann.lecun.com/exdb/mnist/) with gzip mtime 0,
so the output is byte-for-byte reproducible. Standard library only.

Usage: python3 assets/data/make_fashion_subset.py [SOURCE_DIR] [OUTPUT_DIR]
  SOURCE_DIR  the full Fashion-MNIST (default: /usr/share/datasets/fashion-mnist, Debian dataset-fashion-mnist)
  OUTPUT_DIR  where the subset goes (default: fashion-mnist/ next to this script)
"""
import gzip
import struct
import sys
from pathlib import Path

CLASSES = 10
TRAIN_PER_CLASS = 1000
TEST_PER_CLASS = 200
IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801
GZIP_LEVEL = 9
DEFAULT_SOURCE = Path('/usr/share/datasets/fashion-mnist')
DEFAULT_OUTPUT = Path(__file__).resolve().parent / 'fashion-mnist'


def read_idx(path, magic, dimensions):
    """Returns (sizes, payload) of a gzipped IDX file, checking its magic and length."""
    data = gzip.decompress(path.read_bytes())
    header_bytes = 4 * (1 + dimensions)
    found, *sizes = struct.unpack_from(f'>{1 + dimensions}I', data)
    if found != magic:
        sys.exit(f'{path}: magic {found:#010x}, expected {magic:#010x}')
    payload = data[header_bytes:]
    expected = 1
    for size in sizes:
        expected *= size
    if len(payload) != expected:
        sys.exit(f'{path}: {len(payload)} bytes of data, header declares {expected}')
    return sizes, payload


def first_of_each_class(labels, per_class):
    """Indices of the first per_class examples of every class, in file order."""
    taken = [0] * CLASSES
    chosen = []
    for index, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append(index)
    if min(taken) < per_class:
        sys.exit(f'not enough examples per class: {taken}, need {per_class}')
    return chosen


def write_idx(path, magic, sizes, payload):
    header = struct.pack(f'>{1 + len(sizes)}I', magic, *sizes)
    path.write_bytes(gzip.compress(header + payload, compresslevel=GZIP_LEVEL, mtime=0))


def make_split(source, output, prefix, per_class):
    (_, rows, columns), pixels = read_idx(source / f'{prefix}-images-idx3-ubyte.gz', IMAGES_MAGIC, 3)
    _, labels = read_idx(source / f'{prefix}-labels-idx1-ubyte.gz', LABELS_MAGIC, 1)
    chosen = first_of_each_class(labels, per_class)
    image_bytes = rows * columns
    chosen_pixels = b''.join(pixels[i * image_bytes:(i + 1) * image_bytes] for i in chosen)
    chosen_labels = bytes(labels[i] for i in chosen)
    write_idx(output / f'{prefix}-images-idx3-ubyte.gz', IMAGES_MAGIC, (len(chosen), rows, columns), chosen_pixels)
    write_idx(output / f'{prefix}-labels-idx1-ubyte.gz', LABELS_MAGIC, (len(chosen),), chosen_labels)


def main():
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUTPUT
    output.mkdir(parents=True, exist_ok=True)
    make_split(source, output, 'train', TRAIN_PER_CLASS)
    make_split(source, output, 't10k', TEST_PER_CLASS)


if __name__ == '__main__':
    main()
