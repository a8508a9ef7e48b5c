"""Every package the code imports is declared in requirements/*.in, the files the lock files are
compiled from: what the site imports in base.in, what only the tests and benchmarks import in
dev.in (or base.in). A package that is only there because another one needs it can vanish with
that other package's next release."""

import ast
import re
import sys
from importlib.metadata import packages_distributions

from tests.house import APPS, ROOT

FIRST_PARTY = {*APPS, "tests", "benchmarks", "manage"}
SKIP = {".venv", "node_modules", "migrations"}


def declared(name):
    """The distribution names a requirements .in file lists, normalised."""
    text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
    names = set()
    for line in text.splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(normalise(re.split(r"[\[<>=!~ ;]", line)[0]))
    return names


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def imported(folders, factories=False):
    """The top-level modules imported by the Python files below ``folders``; an app's
    ``factories.py`` (record builders for the tests) only with ``factories``."""
    found = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            if SKIP & set(path.relative_to(ROOT).parts) or (path.name == "factories.py" and not factories):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    found.add(node.module.split(".")[0])
    return found - FIRST_PARTY - set(sys.stdlib_module_names) - {"__future__"}


def undeclared(modules, names):
    owners = packages_distributions()
    missing = set()
    for module in modules:
        distributions = {normalise(distribution) for distribution in owners.get(module, [module])}
        if not distributions & names:
            missing.add(f"{module} ({', '.join(sorted(distributions))})")
    return sorted(missing)


def test_the_site_declares_every_package_it_imports():
    site = imported(APPS)
    assert {"wagtail", "django", "modelcluster", "openpyxl"} <= site and "factory" not in site
    assert undeclared(site, declared("base.in")) == []


def test_the_tests_declare_every_package_they_import():
    tools = imported(["tests", "benchmarks"]) | imported(APPS, factories=True)
    assert {"pytest", "factory"} <= tools
    assert undeclared(tools, declared("base.in") | declared("dev.in")) == []
