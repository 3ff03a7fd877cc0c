"""The package's import graph, read from the source with `ast`: no module imports (even inside a function) a
module that imports it back, and a function-level import of newskit says why it is there."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "newskit"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    """Return the line numbers of imports under `if TYPE_CHECKING:` (never run, so no edge)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                for sub in ast.walk(inner):
                    lines.add(getattr(sub, "lineno", -1))
    return lines


def _targets(node: ast.Import | ast.ImportFrom, here: str, is_package: bool, known: set[str]) -> set[str]:
    """Return the newskit modules an import statement loads (a `from pkg import name` loads pkg.name when that
    is a module)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:
            parts = here.split(".")
            parts = parts if is_package else parts[:-1]
            parts = parts[:len(parts) - (node.level - 1)]
            base = ".".join([*parts, base] if base else parts)
        names = [base] + [f"{base}.{a.name}" for a in node.names]
    out = set()
    for name in names:
        # importing a.b.c runs a, a.b and a.b.c
        parts = name.split(".")
        out |= {".".join(parts[:k]) for k in range(1, len(parts) + 1)} & known
    return out


def import_graph() -> tuple[dict[str, set[str]], list[tuple[str, int, str]]]:
    """Return module → modules it imports at run time (module level or inside functions), and the function-level
    newskit imports as (module, line, source line)."""
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    inner: list[tuple[str, int, str]] = []
    for name, path in modules.items():
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        skip = _type_checking_lines(tree)
        top = {id(n) for n in tree.body}
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.lineno in skip:
                continue
            targets = _targets(node, name, path.name == "__init__.py", known) - {name}
            # a package's own __init__ is loaded first by any of its submodules: not an edge of a circle
            targets = {t for t in targets if not name.startswith(t + ".")}
            graph[name] |= targets
            if targets and id(node) not in top:
                inner.append((name, node.lineno, source.splitlines()[node.lineno - 1]))
    return graph, inner


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import circle (a list of modules, the first repeated at the end), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_cycle_finder_finds_a_circle_and_passes_a_tree():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_relative_and_from_imports_become_edges(tmp_path):
    tree = ast.parse("from . import b\nfrom .c import x\nimport newskit.d.e\n")
    known = {"newskit", "newskit.p", "newskit.p.b", "newskit.p.c", "newskit.d", "newskit.d.e"}
    found = set()
    for node in tree.body:
        assert isinstance(node, (ast.Import, ast.ImportFrom))
        found |= _targets(node, "newskit.p.a", False, known)
    assert {"newskit.p.b", "newskit.p.c", "newskit.d.e"} <= found


def test_the_package_has_no_import_circle():
    graph, _ = import_graph()
    assert len(graph) > 50
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_every_function_level_import_of_newskit_says_why():
    """A newskit import inside a function is kept only to spare start-up time (or an optional extra), and its
    line or the import block it stands in says so; one that hides a circle is caught by the test above."""
    _, inner = import_graph()
    modules = _modules()
    unexplained = []
    for name, line, text in inner:
        if not _explained(modules[name].read_text(encoding="utf-8").splitlines(), line - 1):
            unexplained.append(f"{name}:{line}: {text.strip()}")
    assert not unexplained, "\n".join(unexplained)


def _explained(lines: list[str], at: int) -> bool:
    """Tell whether an import line, or the run of import and comment lines it stands in, holds a comment."""
    i = at
    while i >= 0:
        text = lines[i].strip()
        if "#" in text:
            return True
        if i < at and not text.startswith(("from ", "import ")) and text:
            return False
        i -= 1
    return False


@pytest.mark.parametrize("module", ["newskit.record", "newskit.lexicon", "newskit.errors"])
def test_the_foundation_modules_import_nothing_of_newskit_above_them(module):
    graph, _ = import_graph()
    assert graph[module] <= {"newskit.lexicon", "newskit.errors", "newskit.record"} - {module}
