"""The house stays in order (#19): dependencies between apps run one way, and no module outgrows what one
person can hold in mind. The import graph counts every import, also those inside functions."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ideabank", "home", "search")
MAX_LINES = 600


def source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_of(module):
    """`ideabank.ideas.queries` → `ideabank.ideas`; `home.models` → `home`; `ideabank.validators` stays."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "ideabank" else parts[0]


def imported_modules(path, module, known):
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(filter(None, [*anchor, base]))
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                yield name


def import_graph():
    paths = {module_name(path): path for path in source_files()}
    return {module: set(imported_modules(path, module, paths)) for module, path in paths.items()}


def strongly_connected(graph):
    """Tarjan's algorithm, iterative: the groups of modules that import each other, directly or not."""
    index, low, on_stack, stack, groups, counter = {}, {}, set(), [], [], [0]

    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                groups.append(group)
    return groups


def test_no_import_cycle_spans_two_apps():
    spanning = [
        sorted(group) for group in strongly_connected(import_graph()) if len({app_of(module) for module in group}) > 1
    ]
    assert spanning == []


def test_the_cycle_finder_sees_a_cycle_across_apps():
    graph = {"ideabank.ideas.queries": {"search.service"}, "search.service": {"ideabank.ideas.queries"}, "home": set()}
    groups = [group for group in strongly_connected(graph) if len(group) > 1]
    assert groups == [{"ideabank.ideas.queries", "search.service"}]


def test_imports_inside_functions_and_relative_imports_are_counted():
    graph = import_graph()
    assert "ideabank.accounts.roles" in graph["ideabank.accounts.signed_in"]  # `from .roles import role_of`
    assert "ideabank.spread.version" in graph["ideabank.spread.queries"]  # `from . import statistics, version`


def test_no_module_is_longer_than_one_person_can_hold_in_mind():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in source_files()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
