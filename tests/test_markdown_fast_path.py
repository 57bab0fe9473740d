"""The fast path of load/markdown.py (texts of paragraphs and "#" headings, parsed without
markdown-it) finds exactly what the full parse finds: same headings, same text references."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lip_build.load.markdown import _INLINE_MARKS, _OTHER_BLOCK, _paragraphs_and_headings, _parse, parse

REPO = Path(__file__).resolve().parent.parent

_PIECES = st.sampled_from(
    [
        "Kinder lernen gemeinsam.",
        "Expert*innen",
        "# Titel",
        "## Ausgangslage",
        "### Ziel [[BIL-Z01]]",
        "####### sieben",
        "#ohne Leerzeichen",
        "   ## eingerückt",
        "[[BIL-M01]]",
        "[[ BIL-M02 ]]",
        "[[",
        "]]",
        "2026 war gut",
        "1. Punkt",
        "- Punkt",
        "* Stern",
        "> Zitat",
        "===",
        "---",
        "    Code [[BIL-M99]]",
        "\tTab",
        "~~~",
        "Text \\# kein Titel",
        "!",
        "",
        " ",
    ]
)
_TEXTS = st.lists(_PIECES, min_size=1, max_size=12).map("\n".join)


def _fast_path_applies(text: str) -> bool:
    return bool(text.strip()) and not any(m in text for m in _INLINE_MARKS) and not _OTHER_BLOCK.search(text)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(_TEXTS, st.integers(min_value=1, max_value=40))
def test_fast_path_equals_markdown_it(text: str, first_line: int) -> None:
    if _fast_path_applies(text):
        assert _paragraphs_and_headings(text, first_line) == _parse(text, first_line, False)


def test_fast_path_is_taken_for_most_plan_texts_and_agrees_with_markdown_it() -> None:
    taken = 0
    for path in sorted([*REPO.glob("content/**/*.md"), *REPO.glob("handlungsfelder/**/*.md")]):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        if _fast_path_applies(body):
            taken += 1
            assert _paragraphs_and_headings(body, 10) == _parse(body, 10, False), path
        assert parse(body, 10) == _parse(body, 10, any(m in body for m in _INLINE_MARKS)), path
    assert taken >= 20
