"""Writing statistics results as they are produced: JSON, JSON lines or CSV, a block of
rows at a time, with no Python object per row.

Numbers are written exactly as ``json.dumps`` writes them (float_text.py), so the JSON is the
same data as before, only compact. A value that cannot be computed is ``null`` in JSON and
an empty cell in CSV. Each block of rows is laid out as a byte matrix with a fixed slot per
piece (constant text, a number's slots, a group name) and the padding, zero bytes, is
squeezed out in one step.
"""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring_ascii
from typing import BinaryIO

import numpy as np
from numpy.typing import NDArray

from wellboard.core.stats.csv_stats import StatsResult
from wellboard.core.stats.float_text import float_slots

FORMATS = ("json", "jsonl", "csv")
BLOCK = 32_768
Labels = tuple[NDArray[np.uint8], NDArray[np.intp]]  # left-aligned texts and their lengths
Piece = bytes | NDArray[np.uint8] | Labels  # constant text, a number's slots, labels


def write_result(result: StatsResult, fmt: str, out: BinaryIO) -> None:
    """Write the result to a binary stream in the format (json, jsonl or csv)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    names = ["value", "lower", "upper"]
    if fmt == "csv":
        out.write((",".join(([] if result.groups is None else ["group"]) + names) + "\n").encode())
    if fmt == "json":
        out.write(b"[")
    first = True
    for block in _blocks(result, fmt, names):
        if fmt == "json" and first:
            block = block[1:]  # no comma before the first object
        out.write(block)
        first = False
    if fmt == "json":
        out.write(b"\n]\n" if not first else b"]\n")


def _blocks(result: StatsResult, fmt: str, names: list[str]) -> Iterator[bytes]:
    """The rows, BLOCK at a time, as bytes."""
    count = result.value.size
    for start in range(0, count, BLOCK):
        stop = min(start + BLOCK, count)
        pieces: list[Piece] = []
        texts_have_nul = False
        if result.groups is not None:
            labels = result.groups[start:stop]
            pieces += _texts(labels, fmt)
            texts_have_nul = fmt == "csv" and any("\0" in label for label in labels)
        for i, (name, column) in enumerate(
            zip(names, (result.value, result.lower, result.upper), strict=True)
        ):
            pieces.append(_before(fmt, name, first=i == 0 and result.groups is None))
            pieces.append(float_slots(column[start:stop], b"" if fmt == "csv" else b"null"))
        pieces.append({"json": b"}", "jsonl": b"}\n", "csv": b"\n"}[fmt])
        if texts_have_nul:  # a zero byte is text here, not padding: keep by lengths
            yield _assemble(pieces, stop - start)
        else:
            yield _assemble_unpadded(pieces, stop - start)


def _before(fmt: str, name: str, *, first: bool) -> bytes:
    """The text before a number: a key in JSON, a comma in CSV."""
    if fmt == "csv":
        return b"" if first else b","
    opening = (b",\n{" if fmt == "json" else b"{") if first else b","
    return opening + f'"{name}":'.encode()


def _texts(labels: list[str], fmt: str) -> list[Piece]:
    """Group names as a JSON string after the opening brace, or a CSV cell."""
    if fmt == "csv":
        encoded = [_csv_cell(label).encode("utf-8") for label in labels]
        return [_matrix(encoded)]
    # What json.dumps(label) returns (it calls this C function for a str), without its
    # encoder object per label.
    encoded = [encode_basestring_ascii(label).encode("ascii") for label in labels]
    opening = b",\n{" if fmt == "json" else b"{"
    return [opening + b'"group":', _matrix(encoded)]


def _csv_cell(text: str) -> str:
    if any(char in text for char in ',"\r\n') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def _matrix(encoded: list[bytes]) -> Labels:
    width = max((len(item) for item in encoded), default=1) or 1
    padded = b"".join(item.ljust(width, b"\0") for item in encoded)
    matrix = np.frombuffer(padded, dtype=np.uint8).reshape(len(encoded), width)
    return matrix, np.array([len(item) for item in encoded], dtype=np.intp)


def _assemble_unpadded(pieces: list[Piece], rows: int) -> bytes:
    """As _assemble, for pieces with no zero byte in their text (numbers, JSON, keys, and CSV
    labels without one): every zero byte is padding, so the bytes kept are the non-zero
    ones, without building a mask from the lengths (half the time of _assemble)."""
    grid = np.empty((rows, sum(map(_width, pieces))), dtype=np.uint8)
    column = 0
    for piece in pieces:
        width = _width(piece)
        if isinstance(piece, bytes):
            grid[:, column : column + width] = np.frombuffer(piece, dtype=np.uint8)
        else:
            grid[:, column : column + width] = piece if isinstance(piece, np.ndarray) else piece[0]
        column += width
    return grid.tobytes().translate(None, b"\0")  # a quarter faster than a boolean mask


def _assemble(pieces: list[Piece], rows: int) -> bytes:
    """Lay each row's pieces side by side in fixed slots and squeeze out the padding: a
    label's bytes past its length, a number's zero bytes."""
    width_all = sum(map(_width, pieces))
    grid = np.zeros((rows, width_all), dtype=np.uint8)
    keep = np.zeros((rows, width_all), dtype=bool)
    column = 0
    for piece in pieces:
        width = _width(piece)
        if isinstance(piece, bytes):
            grid[:, column : column + width] = np.frombuffer(piece, dtype=np.uint8)
            keep[:, column : column + width] = True
        elif isinstance(piece, np.ndarray):
            grid[:, column : column + width] = piece
            keep[:, column : column + width] = piece != 0
        else:
            matrix, lengths = piece
            grid[:, column : column + width] = matrix
            keep[:, column : column + width] = np.arange(width) < lengths[:, None]
        column += width
    return grid[keep].tobytes()


def _width(piece: Piece) -> int:
    if isinstance(piece, bytes):
        return len(piece)
    return (piece if isinstance(piece, np.ndarray) else piece[0]).shape[1]
