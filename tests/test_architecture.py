"""The house as its imports draw it: the core imports no app, and no two apps import each other
in a circle of files. Reads every module's imports (top-level and inside functions) with ``ast``;
migrations, demo content and management commands are read too."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    *[
        "core",
        "outbox",
        "practices",
        "events",
        "articles",
        "newsletters",
        "learning",
        "ambitions",
        "opportunities",
        "reports",
    ],
    *["search", "home", "site_", "demo"],
]
SKIP = {".venv", "tests", "benchmarks", "node_modules"}


def project_modules():
    """{dotted module name: path} of every Python file of the apps."""
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if SKIP & set(path.relative_to(ROOT).parts):
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imports_of(name, path, modules):
    """The project modules that ``name`` imports (absolute and relative, at any depth of the file)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph():
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def app_of(module):
    return module.split(".")[0]


def strongly_connected(graph):
    """Tarjan's components of ``graph`` with more than one member."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return result


def test_the_reader_finds_imports_of_every_kind():
    graph = import_graph()
    assert "core.models" in graph["practices.models"]  # from core.models import ...
    assert "core.documents" in graph["practices.models"]  # an import inside a method
    assert "practices.models" in graph["practices.views"]  # from .models import ...
    assert "core.blocks" in graph["newsletters.apps"]


def test_the_core_imports_no_app():
    graph = import_graph()
    back_doors = sorted(
        (module, target)
        for module, targets in graph.items()
        if app_of(module) == "core"
        for target in targets
        if app_of(target) != "core"
    )
    assert back_doors == []


def test_no_circle_of_files_crosses_apps():
    components = strongly_connected(import_graph())
    crossing = [sorted(component) for component in components if len({app_of(module) for module in component}) > 1]
    assert crossing == []


def test_the_apps_depend_in_one_direction():
    """The app-level picture in docs/architecture.md: no two apps import each other."""
    graph = import_graph()
    edges = {(app_of(module), app_of(target)) for module, targets in graph.items() for target in targets}
    edges = {(source, target) for source, target in edges if source != target}
    assert sorted((a, b) for a, b in edges if (b, a) in edges) == []


def test_the_lock_files_install_from_the_public_index_only():
    """No local index or wheel folder of one machine in the pinned requirements."""
    for name in ("base.txt", "dev.txt"):
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        assert "file://" not in text and "--find-links" not in text and "--extra-index-url" not in text, name


def test_no_app_imports_the_demo():
    """The demo content sits on top: the site runs the same without it."""
    graph = import_graph()
    users = sorted(
        module
        for module, targets in graph.items()
        if app_of(module) != "demo" and any(app_of(target) == "demo" for target in targets)
    )
    assert users == []
