"""Reading an uploaded workbook where it cannot hurt: a streaming size pre-scan, then
python-calamine, both in a child process with a memory limit.

python-calamine allocates a sheet's whole rectangle (rows × columns) before it hands back one
row: a 6 KB workbook whose only cell is XFD1048576 asks for 512 GB and the process dies. So a
workbook is first scanned here without building anything: each worksheet's declared
``<dimension ref=…>`` and every ``<row r=…>`` and ``<c r=…>`` are read with expat, streaming
out of the zip, and a sheet larger than the caps below is refused with its name and the cap.
The scan refuses XML with a DOCTYPE (so no entity expansion) and stops reading once the
uncompressed bytes exceed their budget (a zip whose headers lie). Only then does calamine read
the visible worksheets, and everything runs in a fresh interpreter whose address space is
limited (``RLIMIT_AS``), so whatever slips past the scan kills that child, not the worker.

This module imports nothing of Django or of ours: the parent (``reading.py``) runs it as a
script, ``python -I sandbox.py MODE LIMIT_MB BUDGET_BYTES ROWS COLUMNS CELLS OUT_FD``, with the
workbook on stdin.
The child writes a stream of pickled records to the file descriptor ``OUT_FD``:
``("error", kind, details)`` or ``("scanned", extents)`` then, when MODE is ``read``,
``("sheet", name, first_row, first_column, height)`` and ``("rows", [...])`` per chunk, and
``("end",)`` last. The parent unpickles them with an unpickler that builds only plain values.
"""

from __future__ import annotations

import io
import pickle
import posixpath
import re
import sys
import zipfile
from dataclasses import dataclass
from xml.parsers import expat

MAX_SHEET_ROWS = 200_000
MAX_SHEET_COLUMNS = 200
MAX_SHEET_CELLS = 10_000_000  # rows × columns of the rectangle calamine allocates
READ_CPU_SECONDS = 600
ROWS_PER_RECORD = 5000
CHUNK = 64 * 1024

EXIT_MEMORY = 3  # the child ran out of its memory limit (Python's MemoryError)

_MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
         "http://purl.oclc.org/ooxml/spreadsheetml/main")
_CELL = {f"{ns}}}c" for ns in _MAIN}
_ROW = {f"{ns}}}row" for ns in _MAIN}
_DIMENSION = {f"{ns}}}dimension" for ns in _MAIN}
_SHEET = {f"{ns}}}sheet" for ns in _MAIN}
_WORKSHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
_DIGITS = "0123456789"


class Refused(Exception):
    """The workbook is refused: ``kind`` says why, ``details`` what the message names."""

    def __init__(self, kind: str, **details) -> None:
        super().__init__(kind, details)
        self.kind = kind
        self.details = details


@dataclass
class Extent:
    """How far a worksheet reaches: its last row and column (1-based), declared and used."""

    sheet: str
    rows: int = 0
    columns: int = 0


class _Budget:
    """Uncompressed bytes the scan may still read."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def take(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise Refused("unpacked")


def _refuse_doctype(*_args) -> None:
    raise Refused("doctype")


def _parse(archive: zipfile.ZipFile, part: str, start, budget: _Budget) -> None:
    """Stream one part of the archive through expat, calling ``start(name, attrs)`` per
    element (namespaced names, ``uri}local``). No DOCTYPE, so no entities of any kind."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse_doctype
    parser.StartElementHandler = start
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK):
                budget.take(len(chunk))
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError:
        raise Refused("damaged") from None
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError):
        raise Refused("damaged") from None


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        code = ord(letter) - 64  # "A" is 1
        if not 1 <= code <= 26:
            raise Refused("damaged")
        number = number * 26 + code
    return number


def _reference(ref: str) -> tuple[int, int]:
    """(row, column) of a cell reference such as ``XFD1048576`` (``$`` allowed)."""
    ref = ref.replace("$", "").upper()
    letters = ref.rstrip(_DIGITS)
    digits = ref[len(letters):]
    if not letters or not digits:
        raise Refused("damaged")
    return int(digits), _column_number(letters)


def _check(extent: Extent, limits: tuple[int, int, int]) -> None:
    rows, columns, cells = limits
    if extent.rows > rows:
        raise Refused("rows", sheet=extent.sheet, count=extent.rows, cap=rows)
    if extent.columns > columns:
        raise Refused("columns", sheet=extent.sheet, count=extent.columns, cap=columns)
    if extent.rows * extent.columns > cells:
        raise Refused("cells", sheet=extent.sheet, count=extent.rows * extent.columns,
                      cap=cells)


def _worksheet_parts(archive: zipfile.ZipFile, budget: _Budget) -> list[tuple[str, str]]:
    """(sheet name, part) of each worksheet the workbook lists, then any other worksheet part
    in the archive (named by its path), so a part calamine might find is never left out."""
    sheets: list[tuple[str, str]] = []
    targets: dict[str, str] = {}

    def on_sheet(name, attrs):
        if name in _SHEET:
            rel = next((v for k, v in attrs.items() if k.endswith("}id")), "")
            sheets.append((attrs.get("name", ""), rel))

    def on_relationship(name, attrs):
        if name.endswith("}Relationship") and attrs.get("Type", "").endswith("/worksheet"):
            target = attrs.get("Target", "")
            path = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target)))
            targets[attrs.get("Id", "")] = path

    names = {info.filename for info in archive.infolist()}
    _parse(archive, "xl/workbook.xml", on_sheet, budget)
    if "xl/_rels/workbook.xml.rels" in names:
        _parse(archive, "xl/_rels/workbook.xml.rels", on_relationship, budget)
    parts = [(sheet, targets[rel]) for sheet, rel in sheets
             if rel in targets and targets[rel] in names]
    listed = {part for _sheet, part in parts}
    parts += [(name, name) for name in sorted(names)
              if _WORKSHEET_PART.match(name) and name not in listed]
    return parts


def scan_worksheet(archive: zipfile.ZipFile, sheet: str, part: str, budget: _Budget,
                   limits: tuple[int, int, int]) -> Extent:
    """The extent of one worksheet (declared and used), refused as soon as it passes a cap."""
    extent = Extent(sheet)
    max_rows, max_columns, _cells = limits
    position = [0, 0]  # current row, current column (for rows and cells without r=)

    def start(name, attrs):
        if name in _CELL:
            ref = attrs.get("r")
            if ref:
                row, column = _reference(ref)
                if row > extent.rows:
                    extent.rows = row
                    if row > max_rows:
                        _check(extent, limits)
            else:
                column = position[1] + 1
            position[1] = column
            if column > extent.columns:
                extent.columns = column
                if column > max_columns:
                    _check(extent, limits)
        elif name in _ROW:
            number = attrs.get("r")
            try:
                row = int(number) if number else position[0] + 1
            except ValueError:
                raise Refused("damaged") from None
            position[0], position[1] = row, 0
            if row > extent.rows:
                extent.rows = row
                if row > max_rows:
                    _check(extent, limits)
        elif name in _DIMENSION:
            for ref in attrs.get("ref", "").split(":"):
                if ref:
                    row, column = _reference(ref)
                    extent.rows = max(extent.rows, row)
                    extent.columns = max(extent.columns, column)
            _check(extent, limits)

    _parse(archive, part, start, budget)
    _check(extent, limits)
    return extent


def scan_workbook(data: bytes, *, budget: int,
                  limits: tuple[int, int, int] = (MAX_SHEET_ROWS, MAX_SHEET_COLUMNS,
                                                  MAX_SHEET_CELLS)) -> list[Extent]:
    """Every worksheet's extent; raises ``Refused`` for a sheet past a cap, a DOCTYPE, a zip
    that unpacks past ``budget`` bytes, or XML that does not parse."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise Refused("damaged") from None
    with archive:
        counter = _Budget(budget)
        return [scan_worksheet(archive, sheet, part, counter, limits)
                for sheet, part in _worksheet_parts(archive, counter)]


def _read(data: bytes, out) -> None:
    """The visible worksheets' rows, through python-calamine (imported only here)."""
    from python_calamine import (
        CalamineError,
        CalamineWorkbook,
        SheetTypeEnum,
        SheetVisibleEnum,
    )

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for meta in workbook.sheets_metadata:
            if meta.visible != SheetVisibleEnum.Visible or meta.typ != SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            first_row, first_column = sheet.start or (0, 0)
            _emit(out, ("sheet", meta.name, first_row, first_column, sheet.height))
            chunk = []
            for values in sheet.iter_rows():
                chunk.append(values)
                if len(chunk) == ROWS_PER_RECORD:
                    _emit(out, ("rows", chunk))
                    chunk = []
            _emit(out, ("rows", chunk))
            del sheet
    except (CalamineError, ValueError):
        raise Refused("damaged") from None


def _emit(out, record) -> None:
    pickle.dump(record, out, protocol=pickle.HIGHEST_PROTOCOL)


def main(argv: list[str]) -> int:
    """The child: limit its own memory and CPU, scan (and read) the workbook on stdin."""
    import os
    import resource

    mode = argv[0]
    limit_mb, budget, rows, columns, cells, out_fd = (int(arg) for arg in argv[1:7])
    limit = limit_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (READ_CPU_SECONDS, READ_CPU_SECONDS))
    with os.fdopen(out_fd, "wb") as out:
        try:
            data = sys.stdin.buffer.read()
            extents = scan_workbook(data, budget=budget, limits=(rows, columns, cells))
            _emit(out, ("scanned", [(e.sheet, e.rows, e.columns) for e in extents]))
            if mode == "read":
                _read(data, out)
        except Refused as exc:
            _emit(out, ("error", exc.kind, exc.details))
        except MemoryError:
            return EXIT_MEMORY
        _emit(out, ("end",))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
