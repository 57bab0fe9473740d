"""The automation files: valid YAML (and valid for GitHub and GitLab), calling only `lip` commands
and options that exist in the Click command tree."""

from __future__ import annotations

import importlib.resources
import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import jsonschema
import pytest
import yaml

from lip_build.cli import cli
from lip_build.commands.history import codeowners_command, diff_command, report_command

from .conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "lip.yml"
PIPELINE = REPO / ".gitlab-ci.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
COMMANDS: dict[str, click.Command] = {
    **cli.commands,
    "diff": diff_command,  # registered in cli.py by the lead
    "report": report_command,
    "codeowners": codeowners_command,
}
_OPERATORS = {";", "&&", "||", "|", "&", "(", ")", ">", ">>", "<", "2>", "then", "do", "else", "if", "!"}


def _load(path: Path) -> Any:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and True in data:  # YAML 1.1 reads the key "on" as true; GitHub does not
        data["on"] = data.pop(True)
    return data


def _scripts_github(data: dict[str, Any]) -> Iterator[str]:
    for job in data["jobs"].values():
        for step in job.get("steps", []):
            if "run" in step:
                yield step["run"]


def _scripts_gitlab(data: dict[str, Any]) -> Iterator[str]:
    for job in data.values():
        if isinstance(job, dict):
            for key in ("before_script", "script", "after_script"):
                lines = job.get(key, [])
                yield from [lines] if isinstance(lines, str) else lines


def lip_calls(script: str) -> list[list[str]]:
    """The arguments of every `lip` command in a shell script."""
    calls = []
    for line in script.replace("\\\n", " ").splitlines():
        if line.strip().startswith("#"):
            continue
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        tokens = list(lexer)
        for index, token in enumerate(tokens):
            if token == "lip" and (index == 0 or tokens[index - 1] in _OPERATORS):
                args = []
                for arg in tokens[index + 1 :]:
                    if arg in _OPERATORS:
                        break
                    args.append(arg)
                calls.append(args)
    return calls


def _option(command: click.Command, name: str) -> click.Option | None:
    for param in command.params:
        if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
            return param
    return None


def problems(args: list[str]) -> list[str]:
    """Why a `lip` call would fail: unknown commands, options or choice values, wrong arguments."""
    found: list[str] = []
    command: click.Command = cli
    commands = COMMANDS
    positional: list[str] = []
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if token.startswith("-") and token != "-":
            name, _, inline = token.partition("=")
            option = _option(command, name)
            if option is None:
                found.append(f"lip {' '.join(args)}: Option {name} gibt es bei „{command.name}“ nicht")
                continue
            if option.is_flag or option.count:
                continue
            value = inline or (args[index] if index < len(args) else "")
            index += 0 if inline else 1
            if isinstance(option.type, click.Choice) and "$" not in value and value not in option.type.choices:
                found.append(f"lip {' '.join(args)}: „{value}“ ist für {name} nicht erlaubt")
        elif isinstance(command, click.Group):
            sub = commands.get(token)
            if sub is None:
                found.append(f"lip {' '.join(args)}: Befehl „{token}“ gibt es nicht")
                return found
            command = sub
            commands = sub.commands if isinstance(sub, click.Group) else {}
        else:
            positional.append(token)
    if isinstance(command, click.Group):
        found.append(f"lip {' '.join(args)}: Befehl fehlt")
        return found
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    required = sum(1 for p in arguments if p.required)
    unlimited = any(p.nargs == -1 for p in arguments)
    if len(positional) < required or (not unlimited and len(positional) > len(arguments)):
        found.append(f"lip {' '.join(args)}: {len(positional)} Angaben, erwartet {required}–{len(arguments)}")
    return found


def _vendored_schema(name: str) -> dict[str, Any]:
    base = importlib.resources.files("check_jsonschema") / "builtin_schemas" / "vendor"
    schema: dict[str, Any] = json.loads((base / name).read_text(encoding="utf-8"))
    return schema


# --- the checker itself must be able to fail ----------------------------------------------------


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("lip validate --format github", []),
        ('lip report --base "origin/$BASIS" --ausgabe x.md', []),
        ("lip diff v2.0 main --format=markdown", []),
        ("lip --plan . build --quiet", []),
        ("cat lip-bericht.md && lip validate --fromat github", ["Option --fromat"]),
        ("echo ok; lip valdate", ["Befehl „valdate“"]),
        ("lip validate --format xml > x", ["„xml“ ist für --format nicht erlaubt"]),
        ("lip diff", ["0 Angaben"]),
        ("lip diff a b c", ["3 Angaben"]),
        ("lip", ["Befehl fehlt"]),
    ],
)
def test_checker_finds_wrong_calls(script: str, expected: list[str]) -> None:
    (args,) = lip_calls(script)
    found = problems(args)
    assert bool(found) == bool(expected), found
    for part in expected:
        assert part in found[0], found


def test_calls_are_found_in_shell_lines() -> None:
    script = "python -m pip install .\nlip validate || true\n# lip kaputt\nif true; then lip stats; fi\necho lip\n"
    assert lip_calls(script) == [["validate"], ["stats"]]


# --- the real files -------------------------------------------------------------------------------


def test_github_workflow_is_valid_and_calls_existing_lip_commands() -> None:
    data = _load(WORKFLOW)
    errors = list(jsonschema.Draft7Validator(_vendored_schema("github-workflows.json")).iter_errors(data))
    assert not errors, [e.message for e in errors]
    assert set(data["on"]) >= {"pull_request", "push"}
    calls = [call for script in _scripts_github(data) for call in lip_calls(script)]
    assert {c[0] for c in calls} >= {"validate", "report", "build"}
    assert ["validate", "--format", "github"] in calls
    assert ["format", "--check"] in calls
    assert ["report", "--base", "origin/$BASIS", "--ausgabe", "lip-bericht.md"] in calls
    assert [p for call in calls for p in problems(call)] == []
    assert all(s.get("with", {}).get("fetch-depth") == 0 for j in data["jobs"].values() for s in j["steps"][:1])


def test_gitlab_pipeline_is_valid_and_calls_existing_lip_commands() -> None:
    data = _load(PIPELINE)
    errors = list(jsonschema.Draft7Validator(_vendored_schema("gitlab-ci.json")).iter_errors(data))
    assert not errors, [e.message for e in errors]
    calls = [call for script in _scripts_gitlab(data) for call in lip_calls(script)]
    assert ["validate", "--format", "gitlab"] in calls
    assert ["format", "--check"] in calls
    assert {c[0] for c in calls} >= {"validate", "report", "build"}
    assert [p for call in calls for p in problems(call)] == []
    assert data["pruefen"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert data["variables"]["GIT_DEPTH"] == "0"


def test_schema_check_catches_a_broken_workflow() -> None:
    data = _load(WORKFLOW)
    data["jobs"]["pruefen"]["runs_on"] = data["jobs"]["pruefen"].pop("runs-on")
    errors = list(jsonschema.Draft7Validator(_vendored_schema("github-workflows.json")).iter_errors(data))
    assert errors


def test_pre_commit_hook_and_documented_configurations() -> None:
    hooks = _load(HOOKS)
    assert [h["id"] for h in hooks] == ["lip-validate", "lip-format"]
    for hook in hooks:
        assert hook["pass_filenames"] is False and hook["language"] == "python"
        entry = shlex.split(hook["entry"])
        assert entry[0] == "lip" and problems(entry[1:]) == []
        assert re.match(hook["files"], "handlungsfelder/bildung/massnahmen/BIL-M01.md")
    assert shlex.split(hooks[1]["entry"]) == ["lip", "format", "--check"]

    docs = (REPO / "doku" / "versionen.md").read_text(encoding="utf-8")
    examples = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", docs, re.DOTALL)]
    configs = [e for e in examples if isinstance(e, dict) and "repos" in e]
    assert len(configs) == 2
    for config in configs:
        (repo,) = config["repos"]
        assert [h["id"] for h in repo["hooks"]] == ["lip-validate", "lip-format"]
        for documented in repo["hooks"]:
            if "entry" in documented:
                command = shlex.split(documented["entry"])
                assert command[0].endswith("lip") and problems(command[1:]) == []


def test_pull_request_template_and_contributing_guide_are_german() -> None:
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "## Was ändert sich?" in template and "## Checkliste" in template
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needed in ("Edit this file", "Propose changes", "Create pull request", "doku/diagnosen.md", "lip new"):
        assert needed in guide
    for link in re.findall(r"\]\(([^)#]+)", guide):
        assert link.startswith("http") or (REPO / link).exists(), link
