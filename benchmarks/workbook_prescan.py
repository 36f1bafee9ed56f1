"""Benchmark: what the workbook safety costs on a 100,000-student roster.

    python benchmarks/workbook_prescan.py [--students N]

Prints the time of the streaming extent scan alone (in this process), of python-calamine reading
the rows in this process (what the import did before), of the scan in the memory-limited child
(what an upload waits for), and of scan + read in the child (what a check or an import now
reads through), with the overhead against the plain in-process read.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def best_of(runs: int, fn) -> float:
    """The fastest of ``runs`` timings of ``fn()`` (the machine's noise only adds)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="chanchuang-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chanchuang.settings")
    import django

    django.setup()
    from django.conf import settings
    from import_roster import make_workbook
    from python_calamine import CalamineWorkbook

    from chanchuang.core.tabular import reading, sandbox

    path = Path(os.environ["DATA_DIR"]) / "roster.xlsx"
    make_workbook(path, args.students, [(f"{430100 + i}", f"班{i}") for i in range(18)])
    data = path.read_bytes()
    print(f"students: {args.students:,}; workbook {len(data) / 1e6:.1f} MB; child memory "
          f"limit {settings.WORKBOOK_MEMORY_LIMIT_MB} MB; best of {args.runs}")

    def scan_here():
        extents = sandbox.scan_workbook(data, budget=reading.MAX_UNCOMPRESSED_BYTES)
        assert extents[0].rows == args.students + 1

    def read_here():
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = workbook.get_sheet_by_name(workbook.sheet_names[0])
        assert sum(1 for _row in sheet.iter_rows()) == args.students + 1

    def scan_child():
        reading._run_child("scan", io.BytesIO(data))

    def read_child():
        sheets = reading.open_workbook(io.BytesIO(data))
        assert sheets[0].row_count == args.students + 1

    scan = best_of(args.runs, scan_here)
    plain = best_of(args.runs, read_here)
    upload = best_of(args.runs, scan_child)
    guarded = best_of(args.runs, read_child)
    print(f"extent scan, in process:          {scan:6.2f} s")
    print(f"calamine read, in process (before):{plain:6.2f} s")
    print(f"scan in the child (upload waits):  {upload:6.2f} s")
    print(f"scan + read in the child (now):    {guarded:6.2f} s   = {guarded / plain:.2f} x the "
          f"plain read, +{guarded - plain:.2f} s per check or import")


if __name__ == "__main__":
    main()
