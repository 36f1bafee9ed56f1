"""Reading uploaded workbooks safely and fast.

An upload is checked before it is opened: its size, that it really is an Office Open XML
workbook (a zip with a workbook part, not just a name ending in .xlsx), and that its entries are
not out of proportion (a zip bomb). Sheets are then read with python-calamine, which parses in
Rust and hands rows to Python one at a time (about ten times faster than openpyxl).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

MAX_UPLOAD_BYTES = 30 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ENTRIES = 2000
XLSX_REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


class UnreadableFile(Exception):
    """The upload cannot be read as a workbook; the message says why, for the user."""


def check_upload(stream: IO[bytes], size: int) -> None:
    """Refuse an upload that is too large, not a real .xlsx, or a zip bomb; read nothing else."""
    if size > MAX_UPLOAD_BYTES:
        raise UnreadableFile(_("The file is larger than %(limit)d MB.")
                             % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)})
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile(_("This is an old .xls workbook: save it as .xlsx in Excel or WPS "
                               "and upload it again."))
    if not head.startswith(b"PK\x03\x04"):
        raise UnreadableFile(_("This is not an Excel .xlsx workbook."))
    try:
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if len(entries) > MAX_ENTRIES:
                raise UnreadableFile(_("The workbook has too many parts to be a roster."))
            uncompressed = sum(entry.file_size for entry in entries)
            compressed = sum(entry.compress_size for entry in entries) or 1
    except zipfile.BadZipFile:
        raise UnreadableFile(_("This is not an Excel .xlsx workbook.")) from None
    finally:
        stream.seek(0)
    if not all(part in names for part in XLSX_REQUIRED_PARTS):
        raise UnreadableFile(_("This is not an Excel .xlsx workbook."))
    if uncompressed > MAX_UNCOMPRESSED_BYTES or uncompressed / compressed > MAX_COMPRESSION_RATIO:
        raise UnreadableFile(_("The workbook unpacks to far more data than its size suggests; "
                               "it was refused for safety."))


@dataclass
class Sheet:
    """One worksheet: its name, how many rows it has, and its rows with Excel row numbers."""

    name: str
    row_count: int
    _sheet: Any

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(Excel row number, cell values) for every row, empty rows included."""
        first_row = self._sheet.start[0] if self._sheet.start else 0
        first_col = self._sheet.start[1] if self._sheet.start else 0
        for offset, values in enumerate(self._sheet.iter_rows()):
            yield first_row + offset + 1, [""] * first_col + list(values)


def open_workbook(stream: IO[bytes]) -> list[Sheet]:
    """The visible worksheets of a checked workbook."""
    stream.seek(0)
    try:
        workbook = CalamineWorkbook.from_filelike(stream)
    except (CalamineError, ValueError) as exc:
        raise UnreadableFile(_("The workbook is damaged and cannot be read.")) from exc
    sheets = []
    for meta in workbook.sheets_metadata:
        if meta.visible == SheetVisibleEnum.Visible and meta.typ == SheetTypeEnum.WorkSheet:
            sheet = workbook.get_sheet_by_name(meta.name)
            sheets.append(Sheet(meta.name, sheet.height, sheet))
    return sheets


def cell_text(value: Any) -> str:
    """A cell as text: integral numbers without ``.0``, dates as ISO, blanks as empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
