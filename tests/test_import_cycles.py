"""The house has no import cycle: module-level imports between fogofwar's modules form a DAG.

Imports inside functions (lazy, for start-up time) and under ``if TYPE_CHECKING:`` (types only)
do not run at import time and are left out; an import of a package's module is an edge to that
module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import fogofwar

ROOT = Path(fogofwar.__file__).parent


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _top_level_imports(
    tree: ast.Module, here: str, is_package: bool, modules: set[str]
) -> set[str]:
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in [node] if not isinstance(node, ast.Try) else node.body:
            if isinstance(sub, ast.Import):
                out.update(a.name for a in sub.names)
            elif isinstance(sub, ast.ImportFrom):
                base = sub.module or ""
                if sub.level:
                    pkg = here.split(".") if is_package else here.split(".")[:-1]
                    pkg = pkg[: len(pkg) - (sub.level - 1)]
                    base = ".".join([*pkg, base] if base else pkg)
                subs = {f"{base}.{a.name}" for a in sub.names} & modules
                out.update(subs)  # "from pkg import module" imports the module
                if len(subs) < len(sub.names):
                    out.add(base)  # "from module import name" imports the module
    return out


def import_graph() -> dict[str, set[str]]:
    """Module → the fogofwar modules it imports at import time."""
    paths = {_module(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = _top_level_imports(tree, name, path.name == "__init__.py", set(paths))
        graph[name] = {m for m in found if m in paths and m != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path of module names, or ``None``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return [*stack[stack.index(m) :], m]
            if m not in state and (c := visit(m)) is not None:
                return c
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (c := visit(n)) is not None:
            return c
    return None


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_cycle_finder_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
