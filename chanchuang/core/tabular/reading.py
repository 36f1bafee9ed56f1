"""Reading uploaded workbooks safely and fast.

An upload is checked before it is opened: its size, that it really is an Office Open XML
workbook (a zip with a workbook part, not just a name ending in .xlsx), and that its entries are
not out of proportion (a zip bomb). Then its worksheets are scanned, streaming, for how far they
reach (their declared dimension and every row and cell reference) and a sheet past the caps is
refused with its name; only then are sheets read with python-calamine, which parses in Rust
(about ten times faster than openpyxl). The scan and the read both run in a child process whose
memory is limited (``WORKBOOK_MEMORY_LIMIT_MB``): see ``sandbox.py``. A child that dies turns
into ``ReaderStopped``, never into a dead worker.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _

from chanchuang.core.tabular import sandbox
from chanchuang.core.tabular.sandbox import MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 30 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ENTRIES = 2000
XLSX_REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
HEARTBEAT_SECONDS = 20  # while the child reads, the waiting parent says it is alive this often
SANDBOX = Path(sandbox.__file__)
__all__ = ["MAX_SHEET_CELLS", "MAX_SHEET_COLUMNS", "MAX_SHEET_ROWS", "ReaderStopped", "Sheet",
           "UnreadableFile", "cell_text", "check_upload", "open_workbook"]


class UnreadableFile(Exception):
    """The upload cannot be read as a workbook; the message says why, for the user."""


class ReaderStopped(UnreadableFile):
    """The child reading the workbook died (its memory or time limit, or a crash); nothing
    was read. The job fails with this message rather than the worker dying."""


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
        raise UnreadableFile(_zip_bomb_message())
    _run_child("scan", stream)


def _zip_bomb_message() -> str:
    return _("The workbook unpacks to far more data than its size suggests; it was refused "
             "for safety.")


@dataclass
class Sheet:
    """One worksheet: its name, how many rows it has, and its rows with Excel row numbers."""

    name: str
    row_count: int
    first_row: int = 0
    first_column: int = 0
    _rows: list[list[Any]] = field(default_factory=list, repr=False)

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(Excel row number, cell values) for every row, empty rows included."""
        padding = [""] * self.first_column
        for offset, values in enumerate(self._rows):
            yield self.first_row + offset + 1, padding + values


def open_workbook(stream: IO[bytes], *, waiting: Callable[[], None] | None = None
                  ) -> list[Sheet]:
    """The visible worksheets of a checked workbook, read in a memory-limited child;
    ``waiting`` is called every few seconds while the child works (a heartbeat)."""
    return _run_child("read", stream, waiting)


def _refusal(kind: str, details: dict[str, Any]) -> str:
    """The user's message for a refusal reported by the child."""
    if kind == "rows":
        return _("The sheet “%(sheet)s” has %(count)d rows, more than the limit of %(cap)d "
                 "rows.") % details
    if kind == "columns":
        return _("The sheet “%(sheet)s” has %(count)d columns, more than the limit of %(cap)d "
                 "columns.") % details
    if kind == "cells":
        return _("The sheet “%(sheet)s” spans %(count)d cells (rows × columns), more than the "
                 "limit of %(cap)d cells. Delete the empty rows and columns far from the data.") \
            % details
    if kind == "unpacked":
        return _zip_bomb_message()
    if kind == "doctype":
        return _("The workbook contains a document type declaration, which no workbook needs; "
                 "it was refused for safety.")
    return _("The workbook is damaged and cannot be read.")


class _PlainValues(pickle.Unpickler):
    """Unpickles only what the child sends: plain values and the datetime types."""

    ALLOWED = {("datetime", name) for name in ("date", "datetime", "time", "timedelta",
                                                "timezone")}

    def find_class(self, module: str, name: str):
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a plain value")


def _run_child(mode: str, stream: IO[bytes],
               waiting: Callable[[], None] | None = None) -> list[Sheet]:
    """Run the sandbox on the workbook in ``stream``: scan it (``mode="scan"``) or scan and
    read it (``"read"``). Raises UnreadableFile for a refused workbook, ReaderStopped when
    the child dies."""
    limit_mb = settings.WORKBOOK_MEMORY_LIMIT_MB
    stream.seek(0)
    data = stream.read()
    stream.seek(0)
    with tempfile.TemporaryFile() as out:
        command = [sys.executable, "-I", str(SANDBOX), mode, str(limit_mb),
                   str(MAX_UNCOMPRESSED_BYTES), str(MAX_SHEET_ROWS), str(MAX_SHEET_COLUMNS),
                   str(MAX_SHEET_CELLS), str(out.fileno())]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, pass_fds=(out.fileno(),),
                                   env={**os.environ, "RUST_BACKTRACE": "0"})
        pending: bytes | None = data
        while True:
            try:
                _stdout, stderr = process.communicate(pending, timeout=HEARTBEAT_SECONDS)
                break
            except subprocess.TimeoutExpired:
                pending = None  # already being sent; communicate carries on where it was
                if waiting is not None:
                    waiting()
        if process.returncode != 0:
            raise _stopped(process.returncode, stderr, limit_mb)
        out.seek(0)
        return _records(out, stderr)


def _stopped(returncode: int, stderr: bytes, limit_mb: int) -> ReaderStopped:
    """What to tell the user about a child that died."""
    logger.warning("workbook reader exited with %s: %s", returncode,
                   stderr[-2000:].decode(errors="replace"))
    if (returncode in (sandbox.EXIT_MEMORY, -signal.SIGKILL)
            or b"memory allocation" in stderr or b"MemoryError" in stderr):
        return ReaderStopped(_(
            "Reading the workbook needed more than %(limit)d MB of memory and was stopped; "
            "nothing was written. Delete the empty rows and columns far from the data, or "
            "split the file, and upload it again.") % {"limit": limit_mb})
    if returncode == -signal.SIGXCPU:
        return ReaderStopped(_(
            "Reading the workbook took longer than %(seconds)d seconds and was stopped; "
            "nothing was written. Split the file and upload it again.")
            % {"seconds": sandbox.READ_CPU_SECONDS})
    reason = (signal.Signals(-returncode).name if returncode < 0
              else _("exit status %(status)d") % {"status": returncode})
    return ReaderStopped(_(
        "The workbook reader stopped unexpectedly (%(reason)s); nothing was written. Check the "
        "file and upload it again.") % {"reason": reason})


def _records(out: IO[bytes], stderr: bytes) -> list[Sheet]:
    """The sheets the child wrote, or the refusal it reported."""
    sheets: list[Sheet] = []
    while True:
        try:
            # One unpickler per record: each was pickled on its own, memo and all.
            record = _PlainValues(out).load()
        except (EOFError, pickle.UnpicklingError, ValueError, TypeError):
            raise _stopped(1, stderr, settings.WORKBOOK_MEMORY_LIMIT_MB) from None
        tag = record[0]
        if tag == "end":
            return sheets
        if tag == "error":
            raise UnreadableFile(_refusal(record[1], record[2]))
        if tag == "sheet":
            _tag, name, first_row, first_column, height = record
            sheets.append(Sheet(name, height, first_row, first_column))
        elif tag == "rows":
            sheets[-1]._rows.extend(record[1])


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
