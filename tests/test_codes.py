"""The registry of diagnostic codes (lip_build/codes.py): templates, call sites, retired codes, snapshot.

tests/snapshots/diagnosen.json records every code with severity, title and all message templates, so
that a change of number, severity, title or wording is a visible, deliberate diff. After an intended
change, refresh the snapshot with one command and commit it together with the change:

    .venv/bin/python -m tests.test_codes
"""

from __future__ import annotations

import ast
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from lip_build import codes
from lip_build.codes import CODES, LIP202, LIP204, RETIRED, Registry, Severity
from lip_build.diagnostics import Code, Diagnostics

TESTS = Path(__file__).resolve().parent
SNAPSHOT = TESTS / "snapshots" / "diagnosen.json"
PACKAGE = TESTS.parent / "lip_build"
ALL_TEMPLATES = sorted((c.code, variant) for c in CODES.values() for variant in c.templates)


def snapshot() -> dict[str, Any]:
    return {
        "codes": [
            {
                "code": c.code,
                "severity": c.severity.value,
                "title": c.title,
                "templates": c.templates,
            }
            for c in sorted(CODES.values(), key=lambda c: c.code)
        ],
        "retired": dict(sorted(RETIRED.items())),
    }


def render_snapshot() -> str:
    return json.dumps(snapshot(), ensure_ascii=False, indent=2) + "\n"


# -- templates ---------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "variant"), ALL_TEMPLATES)
def test_template_formats_with_its_placeholders(code: str, variant: str) -> None:
    entry = CODES[code]
    names = entry.placeholders(variant)
    values = {name: f"<{name}>" for name in names}
    message = entry.format(variant, **values)
    for name in names:
        assert f"<{name}>" in message
    assert message.endswith((".", "?", "“")) or variant == "zitiert", message
    assert "  " not in message, message
    for name in names:  # one value too few or too many is a programming error
        with pytest.raises(TypeError, match="missing"):
            entry.format(variant, **{k: v for k, v in values.items() if k != name})
    with pytest.raises(TypeError, match="unexpected"):
        entry.format(variant, **values, ueberzaehlig="x")


def test_unknown_variant_raises() -> None:
    with pytest.raises(TypeError, match="no variant"):
        LIP204.format("gibt_es_nicht", wert="x", feld="y")


def test_add_formats_and_checks_values() -> None:
    diagnostics = Diagnostics()
    diagnostics.add(LIP202, "content/plan.md", 3, 1, variant="leer", feld="titel", schluessel="titel", hilfe="Name")
    [item] = diagnostics.items
    assert item.code == "LIP202" and item.severity is Severity.ERROR
    assert item.message == "Die Pflichtangabe „titel“ fehlt oder ist leer. Ergänzen Sie „titel: …“ (Name)."
    with pytest.raises(TypeError):
        diagnostics.add(LIP202, "content/plan.md", 3, 1, feld="titel")
    with pytest.raises(TypeError):
        diagnostics.add(LIP202, "content/plan.md", 3, 1, feld="titel", schluessel="titel", hilfe="h", mehr="x")


def test_add_refuses_a_code_outside_the_registry() -> None:
    stray = Registry({}).register("LIP999", Severity.ERROR, "Titel", "Meldung.")
    with pytest.raises(KeyError, match="unregistered"):
        Diagnostics().add(stray, "content/plan.md", 1, 1)


# -- registration ------------------------------------------------------------------------


def test_registering_a_code_twice_fails() -> None:
    registry = Registry({})
    registry.register("LIP901", Severity.ERROR, "Titel", "Meldung.")
    with pytest.raises(ValueError, match="twice"):
        registry.register("LIP901", Severity.WARNING, "Anderer Titel", "Andere Meldung.")


def test_registering_a_retired_code_fails() -> None:
    registry = Registry({"LIP902": "durch LIP903 ersetzt"})
    with pytest.raises(ValueError, match="retired"):
        registry.register("LIP902", Severity.ERROR, "Titel", "Meldung.")
    assert "LIP902" not in registry


@pytest.mark.parametrize(
    ("code", "message", "variants", "problem"),
    [
        ("LIP9", "Meldung.", {}, "form LIPnnn"),
        ("LIP903", "Wert {0}.", {}, "plain lower-case name"),
        ("LIP903", "Wert {wert!r}.", {}, "plain lower-case name"),
        ("LIP903", "Wert {wert:>4}.", {}, "plain lower-case name"),
        ("LIP903", "Wert {wert.name}.", {}, "plain lower-case name"),
        ("LIP903", "Wert {variant}.", {}, "reserved"),
        ("LIP903", "Meldung.", {"Gross": "Meldung."}, "variant name"),
        ("LIP903", " ", {}, "needs a title and a message"),
    ],
)
def test_malformed_registrations_fail(code: str, message: str, variants: dict[str, str], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Registry({}).register(code, Severity.ERROR, "Titel", message, **variants)


def _import_copy(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("codes_copy")
    monkeypatch.setitem(sys.modules, "codes_copy", module)
    exec(compile(source, "codes_copy.py", "exec"), module.__dict__)


def test_registry_module_imports_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    _import_copy(Path(codes.__file__).read_text(encoding="utf-8"), monkeypatch)
    assert sorted(sys.modules["codes_copy"].CODES) == sorted(CODES)


def test_duplicate_or_retired_code_in_the_registry_module_fails_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """The module registers at import: a second LIP101 or a retired number stops the import."""
    source = Path(codes.__file__).read_text(encoding="utf-8")
    duplicate = source + '\nLIP_DOPPELT = _code("LIP101", E, "Doppelt", "Doppelt.")\n'
    with pytest.raises(ValueError, match="LIP101 is registered twice"):
        _import_copy(duplicate, monkeypatch)
    retired = source.replace("RETIRED: dict[str, str] = {}", 'RETIRED: dict[str, str] = {"LIP101": "Test"}', 1)
    assert retired != source
    with pytest.raises(ValueError, match="LIP101 is retired"):
        _import_copy(retired, monkeypatch)


def test_constants_match_their_codes() -> None:
    constants = {name: value for name, value in vars(codes).items() if isinstance(value, Code)}
    assert {c.code for c in constants.values()} == set(CODES)
    for name, value in constants.items():
        assert name == value.code, f"{name} = {value.code}"
        assert CODES[name] is value
    assert not set(RETIRED) & set(CODES)


# -- call sites --------------------------------------------------------------------------


def _call_sites() -> list[tuple[str, int, str, set[str] | None, set[str], bool]]:
    """Every call in lip_build that passes a code constant: (file, line, code, variants, keywords, splat)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _called_name(node) not in ("add", "_report"):
                continue
            names = [a.id for a in node.args if isinstance(a, ast.Name) and a.id in CODES]
            if not names:
                continue
            code = CODES[names[0]]
            literal = [a.value for a in node.args if isinstance(a, ast.Constant) and a.value in code.variants] + [
                k.value.value for k in node.keywords if k.arg == "variant" and isinstance(k.value, ast.Constant)
            ]
            keywords = {k.arg for k in node.keywords if k.arg and k.arg != "variant"}
            splat = any(k.arg is None for k in node.keywords)
            found.append((path.name, node.lineno, code.code, set(literal) or None, keywords, splat))
    return found


def _called_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def test_every_code_has_a_call_site() -> None:
    used = {code for _, _, code, _, _, _ in _call_sites()}
    indirect = {"LIP206", "LIP303", "LIP304"}  # passed as schema.Kind.bad_format_code / unknown_code
    indirect |= {"LIP211"}  # FieldChecker._report turns a finding about a value in „…“ into LIP211
    assert used | indirect == set(CODES)


def test_call_sites_pass_the_placeholders_of_a_wording() -> None:
    """A static check of the values at each call; variants chosen at run time are covered by the scenarios."""
    for file, line, code, variants, keywords, splat in _call_sites():
        entry = CODES[code]
        candidates = variants if variants is not None else set(entry.templates)
        fits = [
            v for v in candidates if (keywords <= entry.placeholders(v) if splat else keywords == entry.placeholders(v))
        ]
        assert fits, f"{file}:{line}: {code} with {sorted(keywords)} fits none of {sorted(candidates)}"


# -- snapshot ----------------------------------------------------------------------------


def test_registry_matches_snapshot() -> None:
    """Fails when a code changes number, severity, title or wording, or when one is added or retired.

    Intended? Refresh with `.venv/bin/python -m tests.test_codes` and commit tests/snapshots/diagnosen.json.
    """
    assert SNAPSHOT.is_file(), "Snapshot fehlt: .venv/bin/python -m tests.test_codes"
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    current = snapshot()
    assert recorded["retired"] == current["retired"]
    old = {c["code"]: c for c in recorded["codes"]}
    new = {c["code"]: c for c in current["codes"]}
    assert lost_codes(recorded) == [], "Codes verschwunden, ohne in RETIRED zu stehen"
    assert old == new, "Registry weicht vom Snapshot ab; gewollt? .venv/bin/python -m tests.test_codes"
    assert SNAPSHOT.read_text(encoding="utf-8") == render_snapshot()


def test_refresh_refuses_to_drop_a_code_that_is_not_retired() -> None:
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert lost_codes(recorded) == []
    recorded["codes"].append({"code": "LIP998", "severity": "Fehler", "title": "Alt", "templates": {"": "Alt."}})
    assert lost_codes(recorded) == ["LIP998"]


def lost_codes(recorded: dict[str, Any]) -> list[str]:
    """Codes in a snapshot that are neither registered nor retired: their numbers would become reusable."""
    return sorted({c["code"] for c in recorded["codes"]} - set(CODES) - set(RETIRED))


def refresh() -> None:
    if SNAPSHOT.is_file():
        lost = lost_codes(json.loads(SNAPSHOT.read_text(encoding="utf-8")))
        if lost:
            raise SystemExit(
                f"{', '.join(lost)} fehlt in der Registry. Tragen Sie den Code mit Grund in RETIRED "
                "(lip_build/codes.py) ein; Nummern werden nie wieder vergeben."
            )
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(render_snapshot(), encoding="utf-8")
    print(f"{SNAPSHOT.relative_to(TESTS.parent)}: {len(CODES)} Codes, {len(RETIRED)} ausgemustert")


if __name__ == "__main__":
    refresh()
