"""The page layout of the DOCX that both the reference document and each build need.

Header and footer carry placeholders (PLACEHOLDERS) that render_docx.py fills in per build: the
Drucksache number, the ENTWURF marking and the version; the footer counts "Seite X von Y" with
Word fields. Anlage 2 is a landscape section.
"""

from __future__ import annotations

PLACEHOLDERS = ("LIP-KOPFZEILE", "LIP-ENTWURF", "LIP-FUSSZEILE")
DARK, GREY, ACCENT, LINE, SURFACE = "1D1D1B", "5A5A5A", "A6192E", "C8C8C8", "F1F1F1"

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _two_sides(style: str, left: str, right: str) -> str:
    """A full-width line with text on the left and on the right, in portrait and landscape alike."""
    cell = (
        '<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="pct" /></w:tcPr>'
        '<w:p><w:pPr><w:pStyle w:val="{style}" />{align}</w:pPr>{runs}</w:p></w:tc>'
    )
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct" /><w:tblLayout w:type="fixed" />'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa" /><w:right w:w="0" w:type="dxa" /></w:tblCellMar>'
        '<w:tblLook w:val="0000" /></w:tblPr><w:tblGrid><w:gridCol /><w:gridCol /></w:tblGrid><w:tr>'
        + cell.format(width=3500, style=style, align="", runs=left)
        + cell.format(width=1500, style=style, align='<w:jc w:val="right" />', runs=right)
        + "</w:tr></w:tbl>"
    )


def _field(name: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin" /></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {name} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end" /></w:r>'
    )


_LINE_BELOW = (
    f'<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="{LINE}" /></w:pBdr>'
    '<w:spacing w:before="0" w:after="0" /><w:rPr><w:sz w:val="4" /></w:rPr></w:pPr></w:p>'
)
_LINE_ABOVE = _LINE_BELOW

HEADER = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {_W} {_R}>'
    + _two_sides(
        "Kopfzeile",
        '<w:r><w:t xml:space="preserve">LIP-KOPFZEILE</w:t></w:r>',
        f'<w:r><w:rPr><w:b /><w:color w:val="{ACCENT}" /><w:spacing w:val="30" /></w:rPr>'
        '<w:t xml:space="preserve">LIP-ENTWURF</w:t></w:r>',
    )
    + _LINE_BELOW
    + "</w:hdr>"
)

FOOTER = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {_W} {_R}>'
    + _LINE_ABOVE
    + _two_sides(
        "Fusszeile",
        '<w:r><w:t xml:space="preserve">LIP-FUSSZEILE</w:t></w:r>',
        f'<w:r><w:t xml:space="preserve">Seite </w:t></w:r>{_field("PAGE")}'
        f'<w:r><w:t xml:space="preserve"> von </w:t></w:r>{_field("NUMPAGES")}',
    )
    + "</w:ftr>"
)

PORTRAIT = (
    '<w:pgSz w:w="11906" w:h="16838" />'
    '<w:pgMar w:top="1588" w:right="1134" w:bottom="1361" w:left="1418" w:header="709" w:footer="567" '
    'w:gutter="0" />'
)
LANDSCAPE = (
    '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />'
    '<w:pgMar w:top="1361" w:right="1134" w:bottom="1247" w:left="1134" w:header="567" w:footer="567" '
    'w:gutter="0" />'
)


def section(page: str) -> str:
    """Section properties with the Drucksache header and footer; `page` is PORTRAIT or LANDSCAPE."""
    return (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdLipKopf" />'
        '<w:footerReference w:type="default" r:id="rIdLipFuss" />'
        f'<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>{page}</w:sectPr>'
    )
