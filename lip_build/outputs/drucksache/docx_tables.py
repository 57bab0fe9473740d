"""The tables of the DOCX after pandoc: header column for the fact tables, short tables on one page.

pandoc writes every table without a header row as a plain grid and lets Word split any table at
any row. Two things are added to word/document.xml, the same as in the PDF (tables.py, pdf_tags.py):

- A table without a header row is a fact table (tables.py allows row headers only there): its table
  look gets `firstColumn`, Word's marking of a header column, which the reference document's table
  style shows as the grey, bold label column. Word has no row-scope header cell as PDF has; the
  header column is the structure it offers. The number of such tables must match the document.
- A table of at most tables.SHORT rows stays on one page: no row may break (`cantSplit`) and every
  paragraph except those of the last row keeps with the next (`keepNext`), so that Word moves the
  whole table, and its caption and heading, which keep with the next paragraph too.

pandoc's table XML is regular (no nested tables in the Drucksache), so plain text edits suffice.
"""

from __future__ import annotations

import re

from lip_build.errors import BuildError
from lip_build.outputs.drucksache.tables import SHORT

_TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.S)
_ROW = re.compile(r"<w:tr>(?:<w:trPr>(.*?)</w:trPr>)?(.*?)</w:tr>", re.S)
_PARAGRAPH = re.compile(r"<w:p>(?:<w:pPr>(.*?)</w:pPr>)?")
_NO_HEADER_ROW = 'w:firstRow="0"'


def _keep_next(xml: str) -> str:
    def one(found: re.Match[str]) -> str:
        ppr = found.group(1) or ""
        if "<w:keepNext" in ppr:
            return found.group(0)
        style = re.match(r"<w:pStyle [^>]*/>", ppr)
        at = style.end() if style else 0  # keepNext follows pStyle in the order of the schema
        return f"<w:p><w:pPr>{ppr[:at]}<w:keepNext />{ppr[at:]}</w:pPr>"

    return _PARAGRAPH.sub(one, xml)


def _table(xml: str) -> tuple[str, bool]:
    header_column = _NO_HEADER_ROW in xml
    if header_column:
        look = re.search(r"<w:tblLook [^>]*/>", xml)
        assert look is not None, "pandoc schreibt zu jeder Tabelle ein tblLook"
        marked = look.group(0).replace('w:firstColumn="0"', 'w:firstColumn="1"').replace('w:val="0000"', 'w:val="0080"')
        xml = xml.replace(look.group(0), marked, 1)
    rows = list(_ROW.finditer(xml))
    if not rows or len(rows) > SHORT:
        return xml, header_column
    out, position = [], 0
    for number, row in enumerate(rows):
        trpr, content = row.group(1) or "", row.group(2)
        if number < len(rows) - 1:
            content = _keep_next(content)
        out += [xml[position : row.start()], f"<w:tr><w:trPr><w:cantSplit />{trpr}</w:trPr>{content}</w:tr>"]
        position = row.end()
    return "".join(out) + xml[position:], header_column


def finish_tables(document: str, row_header_tables: int) -> str:
    """word/document.xml with header columns and tables kept together; `row_header_tables` expected."""
    found = 0

    def one(table: re.Match[str]) -> str:
        nonlocal found
        xml, header_column = _table(table.group(0))
        found += header_column
        return xml

    document = _TABLE.sub(one, document)
    if found != row_header_tables:
        raise BuildError(
            f"Im DOCX fanden sich {found} Tabellen ohne Kopfzeile, erwartet waren {row_header_tables} "
            "Faktentabellen; bitte melden Sie diesen Fehler im Repository."
        )
    return document
