"""Step 2 and 4: pandoc (from pypandoc-binary) reads the Markdown and writes Typst markup or DOCX.

The reader leaves out every extension that lets a text reach the output untouched or pull
something in: raw HTML/TeX/attributes, HTML divs and spans, TeX macros and math, citations,
metadata blocks. A failing pandoc ends in a BuildError that names the intermediate file.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from lip_build.errors import BuildError

_DISABLED = (
    "raw_html",
    "raw_attribute",
    "raw_tex",
    "native_divs",
    "native_spans",
    "markdown_in_html_blocks",
    "latex_macros",
    "tex_math_dollars",
    "citations",
    "yaml_metadata_block",
    "pandoc_title_block",
    "implicit_figures",
    "implicit_header_references",
)
READER = "markdown" + "".join(f"-{name}" for name in _DISABLED)
TIMEOUT = 600  # seconds; the synthetic plan with 1,000 measures needs a few


def executable() -> str:
    """The pandoc binary that pypandoc-binary ships, found without importing pypandoc (which loads urllib,
    http and email for its download helper: a tenth of a second of every build)."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.origin is not None:
        shipped = Path(spec.origin).parent / "files" / "pandoc"
        if shipped.is_file() and os.access(shipped, os.X_OK):
            return str(shipped)
    try:
        import pypandoc

        path = str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as error:
        raise BuildError(
            f"pandoc wurde nicht gefunden ({error}). Installieren Sie lip mit seinen Abhängigkeiten neu "
            "(pip install -e .); pandoc kommt mit dem Paket pypandoc-binary."
        ) from None
    return path


def run(
    args: list[str], stdin: bytes | None, what: str, intermediate: Path, env: dict[str, str] | None = None
) -> bytes:
    """Run pandoc; on failure a German BuildError with pandoc's message and the intermediate file."""
    command = [executable(), *args]
    try:
        done = subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            env={**os.environ, **(env or {})},
        )
    except subprocess.TimeoutExpired:
        raise BuildError(
            f"pandoc hat {what} nach {TIMEOUT} Sekunden nicht fertiggestellt und wurde abgebrochen. "
            f"Zwischendatei: {intermediate}"
        ) from None
    except OSError as error:
        raise BuildError(f"pandoc konnte für {what} nicht gestartet werden: {error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or "(keine Meldung)"
        raise BuildError(
            f"pandoc ist bei {what} gescheitert (Exit-Code {done.returncode}): {message}\nZwischendatei: {intermediate}"
        )
    return done.stdout


def read_markdown(path: Path) -> dict[str, Any]:
    """The assembled Markdown file as pandoc's document tree."""
    out = run(["--from", READER, "--to", "json", str(path)], None, "dem Lesen des Markdown-Dokuments", path)
    tree: dict[str, Any] = json.loads(out)
    return tree


def write(tree: dict[str, Any], to: str, what: str, intermediate: Path, extra: list[str], env: dict[str, str]) -> bytes:
    """Write the tree in format `to` (typst, docx); `extra` are further pandoc options."""
    data = json.dumps(tree, ensure_ascii=False).encode("utf-8")
    return run(["--from", "json", "--to", to, *extra], data, what, intermediate, env)
