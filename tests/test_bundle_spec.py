"""build.spec, the PyInstaller bundle installed on workstations, checked without building it.

Building takes a while, so the default run only reads the spec: it parses, names the bundle
`imc-desktop`, uses no UPX, and collects the folders read at run time (resources, the
Alembic migrations as files). `.ci/run` builds the bundle and runs its self-check
(tools/smoke_frozen.py).
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
HELPERS = {"ROOT", "SKIP_DIRS", "SKIP_SUFFIXES", "SKIP_RESOURCES", "tree"}


@pytest.fixture(scope="module")
def spec() -> ast.Module:
    assert SPEC.is_file(), "build.spec belongs at the repository root"
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id == name]


def _assigned(spec: ast.Module, name: str) -> ast.expr:
    for node in spec.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return node.value
    raise AssertionError(f"build.spec does not assign {name}")


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def test_the_bundle_is_named_imc_desktop(spec: ast.Module) -> None:
    name = _assigned(spec, "NAME")
    assert isinstance(name, ast.Constant) and name.value == "imc-desktop"
    (collect,) = _calls(spec, "COLLECT")
    folder = _keyword(collect, "name")
    assert isinstance(folder, ast.Name) and folder.id == "NAME"


def test_no_upx_anywhere(spec: ast.Module) -> None:
    upx = [k.value for k in ast.walk(spec) if isinstance(k, ast.keyword) and k.arg == "upx"]
    assert upx, "say upx=False explicitly"
    assert all(isinstance(v, ast.Constant) and v.value is False for v in upx)


def test_windowed_on_windows_with_a_console_twin(spec: ast.Module) -> None:
    source = ast.unparse(spec)
    assert "executable(NAME, console=not WINDOWS)" in source
    assert "executable(f'{NAME}-cli', console=True)" in source
    (exe,) = _calls(spec, "EXE")
    assert ast.unparse(_keyword(exe, "console") or ast.Constant(None)) == "console"


def test_hidden_imports_the_analysis_cannot_see(spec: ast.Module) -> None:
    listed = {n.value for n in ast.walk(_assigned(spec, "hiddenimports"))
              if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert {"alembic.ddl.sqlite", "alembic.op", "sqlalchemy.dialects.sqlite",
            "logging.config", "PySide6.QtSvg"} <= listed
    collected = {ast.unparse(c.args[0]) for c in _calls(spec, "collect_submodules")}
    assert {"'imc_desktop'", "'models'", "'exports'", "'ui'",
            "'segno'"} <= collected


def _helpers(spec: ast.Module) -> dict[str, Any]:
    """Run only the spec's path helpers (ROOT, tree()) — no PyInstaller involved."""
    body = [node for node in spec.body if
            (isinstance(node, ast.FunctionDef) and node.name in HELPERS)
            or (isinstance(node, ast.Assign) and all(
                isinstance(t, ast.Name) and t.id in HELPERS for t in node.targets))]
    namespace: dict[str, Any] = {"os": os, "sys": sys, "SPECPATH": str(ROOT)}
    exec(compile(ast.Module(body=body, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def _collected_data(spec: ast.Module) -> dict[str, set[str]]:
    """Folder in the bundle -> file names, for the data the spec gathers with tree()."""
    namespace = _helpers(spec)
    found: dict[str, set[str]] = {}
    for call in _calls(_assigned(spec, "datas"), "tree"):
        expression = ast.Expression(body=call)
        for source, dest in eval(compile(expression, str(SPEC), "eval"), namespace):
            found.setdefault(Path(dest).as_posix(), set()).add(Path(source).name)
    return found


def test_resources_and_migrations_are_collected_as_files(spec: ast.Module) -> None:
    data = _collected_data(spec)
    assert "app.svg" in data["resources/icons"]
    assert "imc_desktop_ru.qm" in data["resources/translations"]
    assert "env.py" in data["imc_desktop/migrations"]
    versions = {p.name for p in (ROOT / "imc_desktop" / "migrations" / "versions").glob("*.py")}
    assert versions and data["imc_desktop/migrations/versions"] == versions
    assert not any("__pycache__" in folder for folder in data)
    assert not any(name.endswith(".pyc") for names in data.values() for name in names)


def test_python_docx_templates_and_parts_folder(spec: ast.Module) -> None:
    source = ast.unparse(spec)
    assert "collect_data_files('docx')" in source
    assert "module_collection_mode={'docx': 'pyz+py'}" in source


def test_build_output_is_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in ignored and "dist/" in ignored


def test_hyphenation_dictionaries_are_bundled(spec: ast.Module) -> None:
    source = ast.unparse(spec)
    assert "collect_data_files('pyphen')" in source


def test_the_morphological_dictionary_is_bundled(spec: ast.Module) -> None:
    """Names on certificates are declined by pymorphy3 from its dictionary package, which
    it reads as files: without them the bundle could not decline a name."""
    source = ast.unparse(spec)
    assert "collect_data_files('pymorphy3_dicts_ru')" in source
    assert "collect_submodules('pymorphy3')" in source
