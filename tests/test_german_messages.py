"""Every message a user sees is German: Click's types, the preview's port, a broken mkdocs.yml, --help."""

from __future__ import annotations

import socket
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from lip_build.cli import cli
from lip_build.errors import BuildError
from lip_build.outputs.site import serve as serve_module
from lip_build.outputs.site.settings import read_config
from lip_build.pipeline import load_plan

from .conftest import REPO

ENGLISH = (
    "is not a valid",
    "is a file",
    "is a directory",
    "does not exist",
    "Errno",
    "DIRECTORY",
    "Usage:",
    "[default",
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("args", "german"),
    [
        (["serve", "--port", "abc"], "Ungültiger Wert für „--port“: „abc“ ist keine ganze Zahl."),
        (["serve", "--port", "99999"], "Ungültiger Wert für „--port“: 99999 liegt nicht zwischen 0 und 65535."),
        (["--plan", "mkdocs.yml", "validate"], "„mkdocs.yml“ ist eine Datei; hier gehört ein Ordner hin."),
        (["schema", "--ausgabe", "mkdocs.yml"], "„mkdocs.yml“ ist eine Datei; hier gehört ein Ordner hin."),
        (["diff", "HEAD", "--ausgabe", "content"], "„content“ ist ein Ordner; hier gehört eine Datei hin."),
    ],
)
def test_wrong_values_are_explained_in_german(
    args: list[str], german: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(REPO)
    code, output = run(*args)
    assert code == 2, output
    assert german in output
    assert not [word for word in ENGLISH if word in output], output


def _commands(group: click.Group) -> list[list[str]]:
    found: list[list[str]] = [[]]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += [[name, *sub] for sub in _commands(command)]
        else:
            found.append([name])
    return found


@pytest.mark.parametrize("command", _commands(cli), ids=lambda c: " ".join(c) or "lip")
def test_help_is_german_and_not_cut(command: list[str]) -> None:
    code, output = run(*command, "--help")
    assert code == 0, output
    assert output.startswith("Aufruf: ")
    assert not [word for word in ENGLISH if word in output], output
    cut = [line for line in output.splitlines()[1:] if line.rstrip().endswith("...")]
    assert cut == [], "a help text cut mid-phrase"


def test_busy_port_is_reported_before_the_site_is_built(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    built: list[bool] = []
    monkeypatch.setattr(serve_module.Preview, "rebuild", lambda self: built.append(True))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(BuildError) as caught:
            serve_module.start(REPO, port, lambda text: None)
    assert str(caught.value).startswith(f"Port {port} ist schon belegt")
    assert "Errno" not in str(caught.value)
    assert built == [], "the port is checked before the site is built"


def test_a_broken_mkdocs_yml_is_found_by_validate_and_explained_in_german(tmp_path: Path) -> None:
    from .conftest import copy_plan

    root = copy_plan(REPO, tmp_path / "plan")
    (root / "mkdocs.yml").write_text("site_name: LIP\nextra:\n  lip:\n   kontakt: a\n  x: [1\n", encoding="utf-8")
    found = [(d.path, d.code) for d in load_plan(root).diagnostics.items]
    assert found == [("mkdocs.yml", "LIP106")]
    with pytest.raises(BuildError) as caught:
        read_config(root)
    message = str(caught.value)
    assert message.startswith("mkdocs.yml:5:") and "Die Datei ist kein gültiges YAML." in message
    assert "while parsing" not in message and "expected" not in message
