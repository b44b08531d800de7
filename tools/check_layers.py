"""Check the arrows between the project's layers (run by ``make lint``).

Every ``import`` in ``magnum_ui/`` (at any depth of a module, so a lazy import
counts too) is an arrow from its module to the imported one.  These must never
exist, whatever ruff's import rules say:

- anything outside ``magnum_ui.service.api`` → ``magnum_ui.service.api``
  (the HTTP layer is on top; the documentation tool reaches its declarations
  through Django's URL resolver);
- ``magnum_ui.service`` → ``magnum_ui.aio``, ``magnum_ui.dashboard``, ``magnum_ui.docs``;
- ``magnum_ui.service.workloads`` / ``.drivers`` → HTTP (``django.http``);
- ``magnum_ui.dashboard`` → ``magnum_ui.service`` (it goes through the service API);

and no two modules may import each other, directly or around a circle.
Prints each offence with its file and line, and exits 1 if there is any.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "magnum_ui"

# (importer prefix, imported prefix, importer prefixes exempt, why)
FORBIDDEN: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("magnum_ui", "magnum_ui.service.api", ("magnum_ui.service.api",),
     "only the API's own modules import the HTTP layer"),
    ("magnum_ui.service", "magnum_ui.aio", (), "the service never imports the all-in-one"),
    ("magnum_ui.service", "magnum_ui.dashboard", (), "the service never imports the dashboard"),
    ("magnum_ui.service", "magnum_ui.docs", (), "documentation is not in the service's path"),
    ("magnum_ui.service.workloads", "django.http", (), "workload adapters know no HTTP"),
    ("magnum_ui.service.drivers", "django.http", (), "drivers know no HTTP"),
    ("magnum_ui.dashboard", "magnum_ui.service", (),
     "the dashboard reaches the service through its API only"),
)  # fmt: skip


@dataclass(frozen=True)
class Arrow:
    source: str
    target: str
    path: Path
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def arrows(path: Path) -> Iterator[Arrow]:
    source = module_name(path)
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Arrow(source, alias.name, path, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # "from a import b" is an arrow to a.b when b is a module, else to a.
                candidate = f"{base}.{alias.name}"
                yield Arrow(source, candidate if _is_module(candidate) else base, path, node.lineno)


def _is_module(name: str) -> bool:
    if not name.startswith(PACKAGE):
        return False
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def offences(found: list[Arrow]) -> list[str]:
    problems = []
    for arrow in found:
        for importer, imported, exempt, why in FORBIDDEN:
            if (
                _within(arrow.source, importer)
                and _within(arrow.target, imported)
                and not any(_within(arrow.source, e) for e in exempt)
            ):
                where = f"{arrow.path.relative_to(ROOT)}:{arrow.line}"
                problems.append(f"{where}: {arrow.source} imports {arrow.target}: {why}")
    return problems


def cycles(found: list[Arrow]) -> list[list[str]]:
    """The circles among the project's modules (Tarjan's strongly connected components)."""
    graph: dict[str, set[str]] = {}
    for arrow in found:
        inside = arrow.target.startswith(PACKAGE + ".") and arrow.target != arrow.source
        # A package's __init__ importing its own submodules is how packages are made.
        if inside and not arrow.target.startswith(arrow.source + "."):
            graph.setdefault(arrow.source, set()).add(arrow.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found_cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found_cycles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found_cycles


def main() -> int:
    found = [a for path in sorted((ROOT / PACKAGE).rglob("*.py")) for a in arrows(path)]
    problems = offences(found)
    problems += [f"import cycle: {' <-> '.join(circle)}" for circle in cycles(found)]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
