"""Floats as Python writes them (``repr``), for a million at a time, in NumPy.

``repr(float)`` is the shortest text that reads back as the same double, and it is what
``json.dumps`` writes, so results written through here are the same text (and the same
numbers) as before. Done one float at a time it costs about half a microsecond, which was
most of the statistics command's time on a large file; here whole arrays are worked on.

How: for a positive double ``a`` with ``10**e <= a < 10**(e + 1)``, every decimal that reads
back as ``a`` lies strictly inside the rounding interval ``((a + prev) / 2, (a + next) / 2)``.
Scaled by ``10**(16 - e)`` the interval holds 17-digit integers: the scaling is exact, as a
pair of doubles (Dekker's product), while that power of ten is itself an exact double
(``10**22``, so for 1e-6 <= a < 1e17), and the ends are then a few units either side. The
shortest text is the multiple of the largest power of ten ``10**k`` inside the interval,
and among several such the one nearest ``a``: exactly what ``repr`` chooses. Values outside
that range, and the rare ones where an end or a tie between two candidates is within 1/1024
of an integer, are written by ``repr`` itself; tests compare the two on millions of values.
"""

from __future__ import annotations

import functools
import itertools

import numpy as np
from numpy.typing import NDArray

WIDTH = 24  # "-" + 17 digits + "." + "e-308" fits; positional forms are shorter
_EXACT_POWER = 22  # 10**22 is the largest power of ten a double holds exactly
_TOLERANCE = 1.0 / 1024.0
_POW10_INT = 10 ** np.arange(19, dtype=np.int64)
_DIGIT = 48  # "0"
_POW10_FLOAT: NDArray[np.float64] = 10.0 ** np.arange(_EXACT_POWER + 1, dtype=np.float64)


def format_floats(values: NDArray[np.float64]) -> tuple[NDArray[np.uint8], NDArray[np.intp]]:
    """Each value's repr as ASCII bytes: an ``(n, WIDTH)`` matrix left-aligned and padded with
    zero bytes, and the lengths. Non-finite values get length 0 (the caller writes null or an
    empty cell)."""
    x = np.ascontiguousarray(values, dtype=np.float64)
    n = x.size
    out = np.zeros((n, WIDTH), dtype=np.uint8)
    lengths = np.zeros(n, dtype=np.intp)
    finite = np.isfinite(x)
    zero = x == 0.0
    _write_zeros(out, lengths, np.flatnonzero(zero), np.signbit(x))
    todo = np.flatnonzero(finite & ~zero)
    if todo.size:
        with np.errstate(all="ignore"):  # uncertain elements compute junk, then go to repr
            digits, decpt, exact = _shortest_digits(np.abs(x[todo]))
        negative = np.signbit(x[todo])
        good = todo[exact]
        _layout(out, lengths, good, digits[exact], decpt[exact], negative[exact])
        _write_reprs(out, lengths, todo[~exact], x)
    return out, lengths


def _write_reprs(
    out: NDArray[np.uint8], lengths: NDArray[np.intp], rows: NDArray[np.intp], x: NDArray
) -> None:
    """The few values the fast way is not sure of, written by repr itself."""
    if rows.size == 0:
        return
    texts = [repr(value).encode("ascii") for value in x[rows].tolist()]
    padded = b"".join(text.ljust(WIDTH, b"\0") for text in texts)
    out[rows] = np.frombuffer(padded, dtype=np.uint8).reshape(rows.size, WIDTH)
    lengths[rows] = [len(text) for text in texts]


def _write_zeros(
    out: NDArray[np.uint8], lengths: NDArray[np.intp], rows: NDArray[np.intp], sign: NDArray
) -> None:
    negative = rows[sign[rows]]
    positive = rows[~sign[rows]]
    out[positive, :3] = np.frombuffer(b"0.0", dtype=np.uint8)
    lengths[positive] = 3
    out[negative, :4] = np.frombuffer(b"-0.0", dtype=np.uint8)
    lengths[negative] = 4


def _shortest_digits(
    a: NDArray[np.float64],
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]:
    """For positive finite ``a``: the shortest round-trip digits as an integer (no trailing
    zeros), the decimal point position (``a = 0.DIGITS * 10**decpt``), and whether the
    answer is certain (False: write that element with repr)."""
    exponent = np.floor(np.log10(a)).astype(np.int64)
    scale = 16 - exponent
    exact = (scale >= 0) & (scale <= _EXACT_POWER)
    power: NDArray[np.float64] = _POW10_FLOAT[np.clip(scale, 0, _EXACT_POWER)]
    whole, centre = _two_product(a, power)  # a * 10**scale == whole + centre exactly
    exact &= (whole >= 1e16) & (whole < 1e17)  # log10 can be one out near a power of ten
    whole_int = np.where(exact, whole, 1e16).astype(np.int64)
    # The rounding interval's ends, relative to whole_int; gaps to the neighbours are
    # powers of two, so half a gap times 10**scale is exact.
    below = centre - (a - np.nextafter(a, 0.0)) * 0.5 * power
    above = centre + (np.nextafter(a, np.inf) - a) * 0.5 * power
    exact &= np.abs(below - np.rint(below)) > _TOLERANCE
    exact &= np.abs(above - np.rint(above)) > _TOLERANCE
    lo = whole_int + np.ceil(below).astype(np.int64)
    hi = whole_int + np.floor(above).astype(np.int64)
    k = _largest_common_power(lo, hi)
    step = _POW10_INT[k]
    first = -(-lo // step) * step  # the smallest multiple of step in [lo, hi]
    last = (hi // step) * step
    # Nearest multiple to the exact value; only when there are several (step <= 22, so
    # these doubles are exact) can it differ from the first, and a near-tie goes to repr.
    quotient = whole_int // step
    position = (whole_int - quotient * step + centre) / step
    nearest = (quotient + np.floor(position + 0.5).astype(np.int64)) * step
    chosen = np.clip(nearest, first, last)
    several = last > first
    exact &= ~several | (np.abs(position - np.floor(position) - 0.5) > _TOLERANCE)
    exact &= chosen < 10**17
    digits = np.where(exact, chosen // step, 1)
    decpt = _digit_count(digits) + k + exponent - 16
    return digits, decpt, exact


def _two_product(
    a: NDArray[np.float64], b: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Dekker's exact product: a * b == product + error, both doubles (no FMA needed)."""
    product = a * b
    a_high, a_low = _split(a)
    b_high, b_low = _split(b)
    error = ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low
    return product, error


def _split(value: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    scaled = 134217729.0 * value  # 2**27 + 1
    high = scaled - (scaled - value)
    return high, value - high


def _largest_common_power(lo: NDArray[np.int64], hi: NDArray[np.int64]) -> NDArray[np.intp]:
    """The largest k (0..16) with a multiple of 10**k in [lo, hi]: there is one exactly when
    hi's remainder by 10**k is at most hi - lo, and then there is one for every smaller k
    too. So k goes up one at a time, each step only over the rows that passed the last (few
    pass more than one or two: most results need 16 or 17 digits), dividing by one number."""
    width = hi - lo
    found = np.zeros(lo.shape, dtype=np.intp)
    rows = np.arange(lo.size)
    for k in range(1, 17):
        fits = hi % _POW10_INT[k] <= width
        rows, hi, width = rows[fits], hi[fits], width[fits]
        if rows.size == 0:
            break
        found[rows] = k
    return found


def _digit_count(digits: NDArray[np.int64]) -> NDArray[np.int64]:
    return np.searchsorted(_POW10_INT, digits, side="right").astype(np.int64)


def _layout(
    out: NDArray[np.uint8],
    lengths: NDArray[np.intp],
    rows: NDArray[np.intp],
    digits: NDArray[np.int64],
    decpt: NDArray[np.int64],
    negative: NDArray[np.bool_],
) -> None:
    """Write each number the way repr does (positional when -4 < decpt <= 16, else
    d.ddde+XX). Rows are grouped by shape (sign, digit count, point position): within a
    group every row has the same characters in the same places apart from the digits, so
    each group is one template and one column copy. The rows are sorted by shape first (a
    radix sort: the key fits 16 bits), so that each group is a slice, written in place, and
    the texts go to their rows in one step at the end."""
    if rows.size == 0:
        return
    count = _digit_count(digits)
    # decpt is -323..309 for a double, so the key is below 2**16.
    shape = ((decpt + 400) * 64 + count * 2 + negative).astype(np.uint16)
    order = np.argsort(shape, kind="stable")
    shape = shape[order]
    count = count[order]
    chars = _digit_chars(digits[order], count)
    text = np.zeros((rows.size, WIDTH), dtype=np.uint8)
    size = np.empty(rows.size, dtype=np.intp)
    bounds = [0, *(np.flatnonzero(shape[1:] != shape[:-1]) + 1).tolist(), rows.size]
    for start, stop in itertools.pairwise(bounds):
        key = int(shape[start])
        template, runs = _template(key // 64 - 400, (key % 64) // 2, bool(key % 2))
        text[start:stop, : len(template)] = np.frombuffer(template, dtype=np.uint8)
        for place, first, width in runs:
            text[start:stop, place : place + width] = chars[start:stop, first : first + width]
        size[start:stop] = len(template)
    targets = rows[order]
    out[targets] = text
    lengths[targets] = size


def _digit_chars(digits: NDArray[np.int64], count: NDArray[np.int64]) -> NDArray[np.uint8]:
    """The digits as ASCII, left-aligned in 17 columns. The 17-digit number is cut into 8 and
    9 digits, each below 2**53, so the digits come from exact double arithmetic."""
    aligned = digits * _POW10_INT[17 - count]
    high = aligned // 10**9
    parts = ((high.astype(np.float64), range(7, -1, -1)),
             ((aligned - high * 10**9).astype(np.float64), range(16, 7, -1)))  # fmt: skip
    chars = np.empty((digits.size, 17), dtype=np.uint8)
    for rest, columns in parts:
        for column in columns:
            quotient = np.floor(rest / 10.0)
            chars[:, column] = rest - 10.0 * quotient
            rest = quotient
    chars += _DIGIT
    return chars


@functools.lru_cache(maxsize=4096)
def _template(decpt: int, count: int, negative: bool) -> tuple[bytes, list[tuple[int, int, int]]]:
    """The text of a number of this shape with "#" for each digit, and where the digits go:
    (place in the text, first digit, how many) for each run of digits."""
    marks = "#" * count
    if -4 < decpt <= 0:
        text = "0." + "0" * -decpt + marks
    elif 0 < decpt < count:
        text = marks[:decpt] + "." + marks[decpt:]
    elif 0 < decpt <= 16:
        text = marks + "0" * (decpt - count) + ".0"
    else:
        mantissa = marks[0] + ("." + marks[1:] if count > 1 else "")
        text = f"{mantissa}e{decpt - 1:+03d}"
    text = ("-" if negative else "") + text
    runs: list[tuple[int, int, int]] = []
    digit = 0
    for place, char in enumerate(text):
        if char != "#":
            continue
        if runs and runs[-1][0] + runs[-1][2] == place:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((place, digit, 1))
        digit += 1
    return text.encode("ascii"), runs
