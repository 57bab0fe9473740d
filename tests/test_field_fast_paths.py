"""The hot paths of the field check (check/fields.py) decide exactly as the general methods do.

Texts and identifiers take a short way when a scalar is certainly text and valid; every other
scalar goes to the general method. Generated scalars (plain, quoted, block, tagged; empty, numbers,
true/false, null, dates, IDs with spaces, umlauts) are checked both ways, and value, findings, mentions
and the broken flag must agree. Derandomized, so every run checks the same examples.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lip_build import schema as s
from lip_build.check.fields import _INVALID, FieldChecker, _check_of, _IdCheck
from lip_build.diagnostics import Diagnostics
from lip_build.load.yamltree import parse_front_matter

_WORDS = st.sampled_from(
    [
        "",
        " ",
        "~",
        "null",
        "Null",
        "true",
        "False",
        "yes",
        "2024",
        "-3",
        "0x1F",
        ".5",
        "1e3",
        ".inf",
        "2026-11-26",
        "BIL-M04",
        " BIL-M04 ",
        "bil-m04",
        "BIL-Z02",
        "WIR-M1",
        "50.60",
        "51",
        "Fachbereich Bildung",
        "Straße",
        "nicht_begonnen",
        "in_umsetzung",
        "zugestimmt",
        "eltern",
        "n",
        "Tee",
        "„40“",
        "+",
        "-",
        ".",
    ]
)
_FORMS = st.sampled_from(["{}", "'{}'", '"{}"', "!!str {}", "|-\n  {}"])


def _scalar(word: str, form: str) -> yaml.ScalarNode | None:
    """The node of `word` written in `form`; None where that is not YAML ("wert: -") or not a scalar."""
    text = form.format(word.replace("'", "''")) if form != '"{}"' else '"' + word.replace('"', '\\"') + '"'
    front = parse_front_matter(f"wert: {text}\n", "x.md", 2, Diagnostics())
    node = front.node.value[0][1] if front is not None and front.node.value else None
    return node if isinstance(node, yaml.ScalarNode) else None


def _outcome(check: Any, node: yaml.ScalarNode) -> tuple[Any, ...]:
    diagnostics = Diagnostics()
    checker = FieldChecker("x.md", diagnostics)
    checker.offset = 40  # the front matter of a file that starts further down: positions must count it
    value = check(checker, node, "wert")
    result = checker.result
    return (
        "ungültig" if value is _INVALID else value,
        sorted(d.as_text() for d in diagnostics.items),
        result.definitions,
        result.references,
        result.broken,
    )


_TYPES: list[s.FieldType] = [
    s.Text(),
    s.Ref("massnahme"),
    s.Ref("oe"),
    s.Key("ziel"),
    s.Ref("zielgruppe"),
]


@settings(max_examples=400, derandomize=True, database=None)
@given(st.sampled_from(_TYPES), _WORDS, _FORMS)
def test_the_hot_path_decides_as_the_general_method(t: s.FieldType, word: str, form: str) -> None:
    node = _scalar(word, form)
    assume(node is not None)
    assert node is not None
    fast = _check_of(t)
    general: Callable[[FieldChecker, yaml.ScalarNode, str], Any]
    if isinstance(t, s.Text):
        general = FieldChecker._text
    else:
        assert isinstance(t, (s.Key, s.Ref))
        ident = _IdCheck.of(t)
        general = lambda self, n, label: self._identifier(ident, n, label)  # noqa: E731
    assert _outcome(fast, node) == _outcome(general, node)
