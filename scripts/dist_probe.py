"""Inspect one installed masonite distribution from inside its own fresh virtualenv.

Run by ``dist_check.py`` as ``VENV/bin/python -I dist_probe.py DIST MODULE`` (``-I`` keeps
the repository off ``sys.path``, so only the installed wheel can be imported). Prints one
JSON object: where the package was imported from, every file installed under it, its
version as code and as metadata, the import errors of its modules and entry points, and
every distribution in the environment. Standard library only: it runs in a bare venv.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from importlib import metadata
from pathlib import Path
from typing import Any


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def probe(dist: str, module: str) -> dict[str, Any]:
    """Import ``module`` and describe what ``dist`` installed."""
    report: dict[str, Any] = {"errors": []}
    try:
        package = importlib.import_module(module)
    except Exception as exc:  # any failure to import is the finding
        report["errors"].append(f"import {module}: {_error(exc)}")
        return report
    root = Path(package.__file__ or "").parent
    report["location"] = str(root)
    report["files"] = sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    namespace = sys.modules[module.rpartition(".")[0]]
    report["namespace_file"] = getattr(namespace, "__file__", None)
    report["module_version"] = getattr(package, "__version__", None)
    report["metadata_version"] = metadata.version(dist)

    def walk_error(name: str) -> None:
        # walk_packages calls this from inside its except block when a package fails.
        failure = sys.exc_info()[1]
        report["errors"].append(f"import {name}: {_error(failure) if failure else 'failed'}")

    modules = [module]
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{module}.", onerror=walk_error):
        # __main__ runs the program on import; `python -m` is its only caller.
        if info.name.rpartition(".")[2] == "__main__":
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            report["errors"].append(f"import {info.name}: {_error(exc)}")
            continue
        modules.append(info.name)
    report["modules"] = modules

    scripts: list[str] = []
    for entry_point in metadata.distribution(dist).entry_points:
        try:
            entry_point.load()
        except Exception as exc:
            report["errors"].append(f"entry point {entry_point.name}: {_error(exc)}")
        if entry_point.group == "console_scripts":
            scripts.append(entry_point.name)
    report["scripts"] = scripts
    template_path = getattr(package, "template_path", None)
    if callable(template_path):
        report["template"] = str(template_path())
    report["installed"] = {
        str(found.metadata["Name"]): found.version for found in metadata.distributions()
    }
    return report


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: dist_probe.py DIST MODULE", file=sys.stderr)
        return 2
    print(json.dumps(probe(argv[1], argv[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
