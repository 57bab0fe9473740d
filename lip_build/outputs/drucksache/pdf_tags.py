"""Step 5b for the PDF: the label column of each fact table becomes row header cells (TH, scope Row).

Typst tags the cells of `table.header` as column headers, but the installed Typst (typst package
0.15, Typst 0.15.1) offers no way to mark a row header: `pdf.header-cell(scope: "row")` exists only
behind the feature flag `a11y-extras`, which the typst package cannot switch on. Without header
cells a screen reader cannot say which fact a value belongs to, and PDF/UA-1 (7.5) is not met.

So this step edits the structure tree Typst wrote, and nothing else: in every table without any
header cell (in the Drucksache only the fact tables of the measures have no header row; tables.py
forbids a header row on a table with row headers) the first cell of each row becomes a TH with the
table attribute /Scope /Row and an /ID, and the other cells of the row name it in /Headers. The
number of tables changed must equal the number of row-header tables the document was built with;
anything else is an error, never a silently different PDF. The page content, the fonts and the
PDF/A and PDF/UA metadata stay as Typst wrote them; the file ID is derived from the content, so the
same commit still gives the same bytes.
"""

from __future__ import annotations

import io

import pikepdf

from lip_build.errors import BuildError

_TABLE, _TR, _TH, _TD = (pikepdf.Name(n) for n in ("/Table", "/TR", "/TH", "/TD"))
_ROW_GROUPS = {pikepdf.Name(n) for n in ("/THead", "/TBody", "/TFoot")}


def _kids(element: pikepdf.Object) -> list[pikepdf.Dictionary]:
    kids = element.get("/K")
    if isinstance(kids, pikepdf.Array):
        return [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]
    if isinstance(kids, pikepdf.Dictionary) and "/S" in kids:
        return [kids]
    return []


def _tables(element: pikepdf.Object, out: list[pikepdf.Dictionary]) -> list[pikepdf.Dictionary]:
    for kid in _kids(element):
        if kid.get("/S") == _TABLE:
            out.append(kid)
        else:
            _tables(kid, out)
    return out


def _rows(table: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    rows = []
    for kid in _kids(table):
        if kid.get("/S") == _TR:
            rows.append(kid)
        elif kid.get("/S") in _ROW_GROUPS:
            rows += [r for r in _kids(kid) if r.get("/S") == _TR]
    return rows


def _table_attributes(cell: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """The cell's attribute dictionary of owner /Table (created if Typst wrote none)."""
    attributes = cell.get("/A")
    if isinstance(attributes, pikepdf.Dictionary):
        attributes = pikepdf.Array([attributes])
    if not isinstance(attributes, pikepdf.Array):
        attributes = pikepdf.Array()
    cell["/A"] = attributes
    for item in attributes:
        if isinstance(item, pikepdf.Dictionary) and item.get("/O") == _TABLE:
            return item
    item = pikepdf.Dictionary(O=_TABLE)
    attributes.append(item)
    return item


def mark_row_headers(pdf: bytes, expected: int) -> bytes:
    """Tag the first column of each table without header cells as row headers; `expected` tables."""
    if expected == 0:
        return pdf
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root.get("/StructTreeRoot")
        if root is None:
            raise BuildError("Das PDF von Typst hat keinen Strukturbaum; die Tabellen können nicht markiert werden.")
        ids = pikepdf.NameTree(root["/IDTree"]) if "/IDTree" in root else pikepdf.NameTree.new(document)
        root["/IDTree"] = ids.obj
        changed = 0
        for table in _tables(root, []):
            rows = _rows(table)
            cells = [_kids(row) for row in rows]
            if not rows or any(c.get("/S") == _TH for row in cells for c in row):
                continue
            changed += 1
            for number, row in enumerate(cells):
                if not row or row[0].get("/S") != _TD:
                    continue
                header, *data = row
                identifier = f"LipZeile{changed}x{number}"
                header["/S"] = _TH
                header["/ID"] = pikepdf.String(identifier)
                ids[identifier] = header
                attributes = _table_attributes(header)
                attributes["/Scope"] = pikepdf.Name("/Row")
                if "/Headers" in attributes:
                    del attributes["/Headers"]
                for cell in data:
                    _table_attributes(cell)["/Headers"] = pikepdf.Array([pikepdf.String(identifier)])
        if changed != expected:
            raise BuildError(
                f"Im PDF fanden sich {changed} Tabellen ohne Kopfzellen, erwartet waren {expected} Faktentabellen. "
                "Die Zeilenköpfe wurden deshalb nicht markiert; bitte melden Sie diesen Fehler im Repository."
            )
        out = io.BytesIO()
        document.save(
            out,
            deterministic_id=True,  # the same input gives the same bytes
            fix_metadata_version=False,  # the XMP metadata stays as Typst wrote it
            compress_streams=False,  # streams are copied as they are, none decoded or recompressed
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,  # as Typst does (PDF 1.5+, allowed in PDF/A-2)
        )
    return out.getvalue()
