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

The texts come out in slots (``float_slots``): a row of bytes per value in which zero bytes
are padding and may stand anywhere, the text being the row's other bytes in order. So every
row has the same layout, whatever its number (sign, "0." and leading zeros, 17 digit places
with a place for the point before each, the exponent), and the digits are never moved
to line texts up; the writer drops the zero bytes of a whole block in one step.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

REPR_WIDTH = 24  # the longest repr: "-" + 17 digits + "." + "e-308"
_EXACT_POWER = 22  # 10**22 is the largest power of ten a double holds exactly
_TOLERANCE = 1.0 / 1024.0
_POW10_INT = 10 ** np.arange(19, dtype=np.int64)
_POW10_FLOAT: NDArray[np.float64] = 10.0 ** np.arange(_EXACT_POWER + 1, dtype=np.float64)
_LOG10_2 = 0.30102999566398120
_MANTISSA = (1 << 52) - 1
_POW10_ANY_FIRST = -330  # 10**k as the nearest double (0.0 and inf at the ends), k >= this
_POW10_ANY = np.array([float(f"1e{k}") for k in range(_POW10_ANY_FIRST, 320)])


def _words(texts: list[bytes], width: int) -> NDArray[np.uint32]:
    """Texts padded with zero bytes to ``width`` bytes (a multiple of 4), as 32-bit words in
    the machine's byte order, so that words written to memory are the texts again."""
    padded = b"".join(text.ljust(width, b"\0") for text in texts)
    return np.frombuffer(padded, dtype=np.uint32).reshape(len(texts), width // 4).copy()


def _group_tables() -> tuple[NDArray[np.uint32], NDArray[np.uint64]]:
    """Four digits (0000..9999) with only their first ``keep`` (0..4) kept: as one word
    (compact) and as eight bytes with a place for a point after each digit (spread).
    Row keep * 10,000 + value."""
    digits = np.array([list(f"{i:04d}".encode("ascii")) for i in range(10_000)], np.uint8)
    compact = np.zeros((5, 10_000, 4), dtype=np.uint8)
    spread = np.zeros((5, 10_000, 8), dtype=np.uint8)
    for keep in range(5):
        compact[keep, :, :keep] = digits[:, :keep]
        spread[keep, :, 0 : 2 * keep : 2] = digits[:, :keep]
    return compact.view(np.uint32).reshape(-1), spread.view(np.uint64).reshape(-1)


_COMPACT, _SPREAD = _group_tables()
# The tables' first row for each group of digits (first places 1, 5, 9, 13) by the number of
# digits shown (0..17): keep * 10,000, keeping the group's digits before that number.
_KEEP_ROWS = np.array(
    [[min(max(shown - first, 0), 4) * 10_000 for shown in range(18)] for first in (1, 5, 9, 13)]
)
# The first digit and what follows it in its word: a point (d.ddd) or nothing.
_FIRST = _words([f"{d}{point}".encode() for point in ("", ".") for d in range(10)], 4)[:, 0]
# The sign, "0." with up to three zeros (0 < |a| < 1), the first digit and a point after it
# or nothing, in eight bytes: row ((5 * negative + lead) * 2 + point) * 10 + digit, where
# lead is 1 - decpt for 0 < |a| < 1, else 0.
_HEAD_TEXTS = [
    sign + lead + f"{d}{point}".encode()
    for sign in (b"\0", b"-")
    for lead in (b"", b"0.", b"0.0", b"0.00", b"0.000")
    for point in ("", ".")
    for d in range(10)
]
_HEAD = _words(_HEAD_TEXTS, 8).view(np.uint64).reshape(-1)
# The exponent of d.ddde+XX, row exponent + 324 (-324..308), and a last row of nothing.
_EXPONENT = _words([f"e{e:+03d}".encode() for e in range(-324, 309)] + [b""], 8)


def float_slots(values: NDArray[np.float64], missing: bytes = b"") -> NDArray[np.uint8]:
    """Each value's repr as ASCII bytes in slots: an ``(n, width)`` matrix whose rows, with
    their zero bytes taken out, are the texts. A non-finite value's row is ``missing``."""
    x = np.ascontiguousarray(values, dtype=np.float64).reshape(-1)
    finite = np.isfinite(x)
    zero = x == 0.0
    plain = finite & ~zero
    a = np.abs(x)
    a[~plain] = 1.0  # any number, so that no special value disturbs the arithmetic
    with np.errstate(all="ignore"):  # uncertain elements compute junk, then go to repr
        chosen, count, exponent, exact = _shortest_digits(a)
    exact &= plain
    slots = _layout(chosen, count, exponent, np.signbit(x), exact)
    specials: list[tuple[NDArray[np.intp], list[bytes]]] = []
    if not exact.all():
        uncertain = np.flatnonzero(plain & ~exact)
        specials.append((uncertain, [repr(v).encode("ascii") for v in x[uncertain].tolist()]))
        negative = np.signbit(x)
        specials.append((np.flatnonzero(zero & ~negative), [b"0.0"]))
        specials.append((np.flatnonzero(zero & negative), [b"-0.0"]))
        specials.append((np.flatnonzero(~finite), [missing]))
    return _with_specials(slots, specials)


def _with_specials(
    slots: NDArray[np.uint32], specials: list[tuple[NDArray[np.intp], list[bytes]]]
) -> NDArray[np.uint8]:
    """The slots as bytes, with the given rows' texts (one each, or one for all) written
    over theirs (left-aligned), widened if a text needs it."""
    longest = max([0, *(len(text) for _, texts in specials for text in texts)])
    if longest > 4 * slots.shape[1]:
        wider = np.zeros((slots.shape[0], -(-longest // 4)), dtype=np.uint32)
        wider[:, : slots.shape[1]] = slots
        slots = wider
    matrix = slots.view(np.uint8)
    width = matrix.shape[1]
    for rows, texts in specials:
        if rows.size:
            padded = b"".join(text.ljust(width, b"\0") for text in texts)
            matrix[rows] = np.frombuffer(padded, dtype=np.uint8).reshape(len(texts), width)
    return matrix


def _shortest_digits(
    a: NDArray[np.float64],
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]:
    """For positive finite ``a``: the shortest round-trip digits as a 17-digit integer (the
    digits followed by zeros), how many digits there are, the decimal exponent of the
    first one (``a = d.ddd * 10**exponent``) and whether the answer is certain (False:
    write that element with repr)."""
    biased = a.view(np.int64) >> 52  # the binary exponent, biased (a is positive)
    # floor(log10(a)) is floor(e2 * log10(2)) or one more (a < 2**(e2 + 1)): compare with
    # the next power of ten (not exact beyond 10**22, but the check below catches a value
    # that close to one). Cheaper than log10 by a factor of ten.
    guess = np.floor((biased - 1023) * _LOG10_2).astype(np.int64)
    exponent = guess + (a >= _POW10_ANY[guess + (1 - _POW10_ANY_FIRST)])
    scale = 16 - exponent
    exact = (scale >= 0) & (scale <= _EXACT_POWER)
    power: NDArray[np.float64] = _POW10_FLOAT[np.minimum(np.maximum(scale, 0), _EXACT_POWER)]
    whole, centre = _two_product(a, power)  # a * 10**scale == whole + centre exactly
    exact &= (whole >= 1e16) & (whole < 1e17)  # log10 can be one out near a power of ten
    whole_int = np.where(exact, whole, 1e16).astype(np.int64)
    # The rounding interval's ends, relative to whole_int; gaps to the neighbours are
    # powers of two (the unit in the last place, ulp, and below a power of two half of
    # it), so half a gap times 10**scale is exact. For biased < 53 the ulp is wrong, but
    # such values are far outside the range and go to repr.
    ulp = ((np.maximum(biased, 53) - 52) << 52).view(np.float64)  # 2**(biased - 1075)
    half_below = np.where((a.view(np.int64) & _MANTISSA) == 0, 0.25, 0.5)
    below = centre - half_below * ulp * power
    above = centre + 0.5 * ulp * power
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
    chosen = np.minimum(np.maximum(nearest, first), last)
    several = last > first
    exact &= ~several | (np.abs(position - np.floor(position) - 0.5) > _TOLERANCE)
    exact &= (chosen >= 10**16) & (chosen < 10**17)  # 17 digits, so decpt is exponent + 1
    return np.where(exact, chosen, 10**16), 17 - k, exponent, exact


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
    too. Most results need 16 or 17 digits (k is 0 or 1), so k = 1 and 2 are tried on
    every row, without picking rows out, and only the rows that pass both go on, k going
    up one at a time over the rows that passed the last, dividing by one number."""
    width = hi - lo
    found = (hi - hi // 10 * 10 <= width).astype(np.intp)
    rows = np.flatnonzero(hi - hi // 100 * 100 <= width)
    found[rows] = 2
    hi, width = hi[rows], width[rows]
    for k in range(3, 17):
        power = _POW10_INT[k]
        passed = hi - hi // power * power <= width
        rows, hi, width = rows[passed], hi[passed], width[passed]
        if rows.size == 0:
            break
        found[rows] = k
    return found


def _layout(
    chosen: NDArray[np.int64],
    count: NDArray[np.intp],
    exponent: NDArray[np.int64],
    negative: NDArray[np.bool_],
    exact: NDArray[np.bool_],
) -> NDArray[np.uint32]:
    """The slots of every row, as repr writes them: positional when -4 < decpt <= 16
    (decpt = exponent + 1), else d.ddde+XX. In words of four bytes: the sign, "0." with any
    zeros (0 < |a| < 1), the first digit and a point after it (two words; one, the digit and
    the point, where the block has no sign and no "0."); four groups of four
    digits, each spread out with a place for a point after each digit where some row's
    point falls in the group, else compact; the exponent. Digits after the last one shown
    are zero bytes, except the zeros of a whole number ("1200.0"). Words no row of the
    block uses are left out. Each step works on a whole column of words (a row at a time
    would cost more in NumPy's loops than the work). Rows not ``exact`` are laid out as
    junk, to be written over."""
    decpt = exponent + 1
    positional = (decpt > -4) & (decpt <= 16)
    shown = np.where(positional, np.maximum(count, decpt + 1), count)  # digits written
    point = np.where(positional, decpt, np.minimum(count - 1, 1))  # "." before digit point
    point = np.where(exact, point, 0)
    small = positional & (decpt <= 0) & exact
    large = ~positional & exact
    signed = negative & exact
    spread = (int(point.max(initial=0)) + 2) // 4  # groups with a place for a point
    lead = bool(signed.any() or small.any())
    tail = bool(large.any())
    words = 1 + lead + 4 + spread + 2 * tail
    slots = np.empty((chosen.size, words), dtype=np.uint32)
    top = chosen // 10**16
    rest = chosen - top * 10**16
    if lead:
        row = ((np.where(small, 1 - decpt, 0) + 5 * signed) * 2 + (point == 1)) * 10 + top
        slots[:, 0:2].view(np.uint64)[:, 0] = _HEAD[row]
        column = 2
    else:
        slots[:, 0] = _FIRST[top + 10 * (point == 1)]
        column = 1
    groups: list[tuple[NDArray[np.int64], int]] = []
    high = rest // 10**8  # (// and a subtraction: a quarter of divmod's time)
    for part, first_place in ((high, 1), (rest - high * 10**8, 9)):
        thousands = part // 10**4
        groups += [(thousands, first_place), (part - thousands * 10**4, first_place + 4)]
    starts = []
    shortest = int(np.where(exact, shown, 17).min(initial=17))
    for group, (value, first_place) in enumerate(groups):
        full = shortest >= first_place + 4  # every row keeps the group's four digits
        row = value + (40_000 if full else _KEEP_ROWS[group][shown])
        starts.append(column * 4)
        if group < spread:
            slots[:, column : column + 2].view(np.uint64)[:, 0] = _SPREAD[row]
            column += 2
        else:
            slots[:, column] = _COMPACT[row]
            column += 1
    if spread:
        inside = np.flatnonzero(point >= 2)  # the point after digit point - 1 (1..16)
        after = point[inside] - 2
        place = np.array(starts)[after // 4] + 2 * (after % 4) + 1
        slots.view(np.uint8).reshape(-1)[inside * (4 * words) + place] = ord(".")
    if tail:
        row = np.where(large, exponent + 324, _EXPONENT.shape[0] - 1)
        slots[:, column] = _EXPONENT[row, 0]
        slots[:, column + 1] = _EXPONENT[row, 1]
    return slots
