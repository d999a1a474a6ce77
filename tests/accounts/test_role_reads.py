"""No module outside wellboard.accounts reads a membership role: decisions go through rules.

A page that wants to know whether someone may do something asks
``permissions.can(user, "rule.name", obj)``; it never looks at ``membership.role``, the
role constants or the role values itself. This test reads the source (and the templates)
and fails on anything that does, with the file and line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from wellboard.accounts.models import Membership

PACKAGE = Path(__file__).resolve().parents[2] / "wellboard"
# The permission layer itself; the pure core cannot see memberships at all (its import
# contract forbids Django), and migrations are history.
ALLOWED = ("accounts", "core")
ROLE_VALUES = frozenset(Membership.Role.values)
ROLE_NAMES = frozenset(Membership.Role.names)
QUERY_METHODS = frozenset({"filter", "exclude", "get", "Q", "annotate", "aggregate"})


def _is_role_reference(node: ast.AST) -> bool:
    """`Membership.Role`, `Role.ADMINISTRATOR`, `ADMINISTRATOR` and the like."""
    if isinstance(node, ast.Attribute):
        return node.attr == "Role" or node.attr in ROLE_NAMES
    return isinstance(node, ast.Name) and (node.id in ROLE_NAMES or node.id == "Role")


def _mentions_role(node: ast.AST) -> bool:
    """A role value, constant or `Membership.Role` anywhere inside the expression."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and inner.value in ROLE_VALUES:
            return True
        if _is_role_reference(inner):
            return True
    return False


class RoleReads(ast.NodeVisitor):
    """Collects (line, what) for every read of a membership role in one module."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []

    def visit_Attribute(self, node: ast.Attribute) -> None:
        # `x.role` read from anything but `self` (a model reading its own field).
        if (
            node.attr == "role"
            and isinstance(node.ctx, ast.Load)
            and not (isinstance(node.value, ast.Name) and node.value.id == "self")
        ):
            self.found.append((node.lineno, f"reads .role on {ast.unparse(node.value)}"))
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        if _mentions_role(node):
            self.found.append((node.lineno, f"compares with a role: {ast.unparse(node)}"))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        name = node.func.id if isinstance(node.func, ast.Name) else name
        if name in QUERY_METHODS:
            for keyword in node.keywords:
                key = keyword.arg or ""
                if key == "role" or key.startswith("role__") or "__role" in key:
                    self.found.append((node.lineno, f"queries by role: {ast.unparse(node)}"))
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if (node.module or "").startswith("wellboard.accounts"):
            for alias in node.names:
                if alias.name in ROLE_NAMES or alias.name.lstrip("_") in ROLE_NAMES:
                    self.found.append((node.lineno, f"imports the role {alias.name}"))


def role_reads(source: str) -> list[tuple[int, str]]:
    visitor = RoleReads()
    visitor.visit(ast.parse(source))
    return visitor.found


def _modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in ALLOWED and "migrations" not in path.parts
    ]


TEMPLATE_ROLE = re.compile(
    r"membership\w*\.role\b|['\"](?:" + "|".join(sorted(ROLE_VALUES)) + r")['\"]"
    r"|\bis_(?:administrator|officer|board_member|lead_officer)\b"
)


def test_the_scan_sees_the_whole_package() -> None:
    modules = _modules()
    assert len(modules) > 100
    assert PACKAGE / "strategy" / "views" / "changes.py" in modules
    assert not any(p.relative_to(PACKAGE).parts[0] == "accounts" for p in modules)


def test_no_module_outside_accounts_reads_a_membership_role() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
        for path in _modules()
        for line, what in role_reads(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "Ask wellboard.accounts.permissions instead:\n" + "\n".join(found)


def test_no_template_reads_a_membership_role() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}: {match.group(0)}"
        for path in sorted(PACKAGE.rglob("*.jinja"))
        for match in TEMPLATE_ROLE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "Pass the answer of permissions.can() instead:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "snippet",
    [
        "if membership.role == 'administrator':\n    pass",
        "allowed = memberships(user)[pid].role in {LEAD, BOARD}",
        "ok = m.role != Membership.Role.BOARD_MEMBER",
        "ok = kind == 'board_member'",
        "ok = x in (Membership.Role.ADMINISTRATOR,)",
        "from wellboard.accounts.permissions import ADMINISTRATOR",
        "from wellboard.accounts.permissions import _LEAD_OFFICER",
        "admins = Membership.objects.filter(role='administrator')",
        "admins = User.objects.filter(memberships__role__in=roles)",
        "q = Q(role=Membership.Role.LEAD_OFFICER)",
    ],
)
def test_the_scan_catches_role_reads(snippet: str) -> None:
    assert role_reads(snippet), snippet


@pytest.mark.parametrize(
    "snippet",
    [
        # Granting a role is writing it, not deciding by it (the demo users are made so).
        "Membership.objects.create(user=u, partnership=p, role=Membership.Role.ADMINISTRATOR)",
        "Membership.objects.update_or_create(user=u, defaults={'role': role})",
        # A working group place has a role of its own, read by its model.
        "label = self.role or 'Member'",
        "ok = can(user, 'import.run', partnership)",
    ],
)
def test_the_scan_lets_other_code_through(snippet: str) -> None:
    assert role_reads(snippet) == [], snippet


def test_the_template_scan_catches_role_reads() -> None:
    assert TEMPLATE_ROLE.search("{% if membership.role == x %}")
    assert TEMPLATE_ROLE.search("{% if viewer.role == 'administrator' %}")
    assert TEMPLATE_ROLE.search("{% if viewer.is_administrator %}")
    assert not TEMPLATE_ROLE.search("{% if viewer.may_edit_glossary %}")
