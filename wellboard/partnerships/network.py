"""A two-column network picture: other strategies on the left, priorities on the right.

Laid out on the server so the picture needs no JavaScript and reads the same in a board
paper; the page pairs it with a table, which is the text alternative screen readers use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ROW = 40
TOP = 30
WIDTH = 760
LEFT_X = 250
RIGHT_X = 510
LABEL_CHARS = 34


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"


@dataclass(frozen=True)
class Node:
    key: int
    label: str
    y: int

    @property
    def short(self) -> str:
        return shorten(self.label)


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    weight: int

    @property
    def stroke(self) -> int:
        """Thicker for more shared actions, capped so a busy link does not hide the others."""
        return min(1 + self.weight, 8)


@dataclass(frozen=True)
class Network:
    left: list[Node]
    right: list[Node]
    edges: list[Edge]
    width: int = WIDTH
    left_x: int = LEFT_X
    right_x: int = RIGHT_X

    @property
    def height(self) -> int:
        return TOP * 2 + ROW * max(len(self.left), len(self.right), 1)


def _column(items: Sequence[tuple[int, str]], rows: int) -> list[Node]:
    # Centre the shorter column against the longer one.
    offset = (rows - len(items)) * ROW // 2
    return [
        Node(key, label, TOP + offset + ROW * i + ROW // 2) for i, (key, label) in enumerate(items)
    ]


def bipartite(
    left: Sequence[tuple[int, str]],
    right: Sequence[tuple[int, str]],
    weights: Mapping[tuple[int, int], int],
) -> Network:
    rows = max(len(left), len(right), 1)
    left_nodes, right_nodes = _column(left, rows), _column(right, rows)
    by_left = {node.key: node for node in left_nodes}
    by_right = {node.key: node for node in right_nodes}
    edges = [
        Edge(by_left[a], by_right[b], weight)
        for (a, b), weight in sorted(weights.items())
        if a in by_left and b in by_right and weight > 0
    ]
    return Network(left_nodes, right_nodes, edges)
