"""Excel in and out, once for the whole platform.

An app makes a list importable by declaring, in its ``imports.py``, ``SheetImporter``
subclasses (columns, natural key, build/write) grouped into a registered ``WorkbookImport``;
and exportable by declaring an ``Exporter`` (columns with accessors) on its list view. See
docs/excel.md.
"""
