"""The house as its imports draw it: the core imports no app, no two apps import each other, and
no files import each other in a circle. Reads every module's imports (top-level and inside functions) with ``ast``;
migrations, demo content and management commands are read too."""

import ast
from pathlib import Path

from tests.house import APPS, BELOW_THE_CORE, ROOT

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
    """Only the foundation below it (the geography: a werkplaats covers municipalities)."""
    graph = import_graph()
    back_doors = sorted(
        (module, target)
        for module, targets in graph.items()
        if app_of(module) == "core"
        for target in targets
        if app_of(target) not in {"core", *BELOW_THE_CORE}
    )
    assert back_doors == []


def test_the_geography_imports_no_app():
    graph = import_graph()
    assert "geography.places" in graph["practices.fit"]
    up = sorted(
        (module, target)
        for module, targets in graph.items()
        if app_of(module) in BELOW_THE_CORE
        for target in targets
        if app_of(target) != app_of(module)
    )
    assert up == []


def test_no_circle_of_files():
    """Not across apps, nor inside one: a page type's routes are answered by views it never
    imports (``core.routes.answer``), so models never import their views."""
    assert [sorted(component) for component in strongly_connected(import_graph())] == []


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


def app_labels_and_commands():
    """The labels of the apps above the core and the names of their management commands."""
    from django.apps import apps

    labels, commands = set(), set()
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.parent != ROOT or config.label in {"core", *BELOW_THE_CORE}:
            continue
        labels.add(config.label)
        commands |= {command.stem for command in path.glob("management/commands/[!_]*.py")}
    return labels, commands


def strings_of(tree):
    """The string constants of a module that are not docstrings: (line, value, alone), where
    ``alone`` is False for an element of a tuple or list or an argument of a call (where an app's
    label stands for the app, as in ("practices", "partnertype") or get_app_config("events"))."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    grouped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            grouped |= {id(element) for element in node.elts}
        elif isinstance(node, ast.Call):
            grouped |= {id(argument) for argument in node.args}
    return [
        (node.lineno, node.value, id(node) not in grouped)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_core_names_no_app_nor_its_commands():
    """The apps hand the core what it must know (jobs, permissions, cache exceptions) in their
    AppConfig.ready or a hook; a label ("practices.PartnerType", "practices:detail", or
    "practices" beside a model's name) or a command's name in a string of the core is a
    dependency the import test cannot see. (A word such as "home" alone, as an icon's or a
    key's name, is no label.)"""
    labels, commands = app_labels_and_commands()
    assert {"practices", "wielsearch", "home"} <= labels and "send_newsletters" in commands
    named = []
    for path in (ROOT / "core").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for line, value, alone in strings_of(ast.parse(path.read_text(encoding="utf-8"))):
            head = value.split(".")[0].split(":")[0]
            if value in commands or (value in labels and not alone) or (head in labels and value != head):
                named.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    assert named == [], "\n".join(named)
