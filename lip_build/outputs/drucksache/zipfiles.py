"""Reading and writing DOCX packages (ZIP) so that the same content always gives the same bytes."""

from __future__ import annotations

import io
import zipfile

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def read_zip(data: bytes) -> dict[str, bytes]:
    """The files of a package, in their stored order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(files: dict[str, bytes]) -> bytes:
    """A package with fixed time stamps and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()
