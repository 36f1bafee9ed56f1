"""The import kinds of the platform, by name; each app declares its own in ``imports.py``."""

from __future__ import annotations

from django.http import Http404

from chanchuang.core.tabular.importing import WorkbookImport

IMPORT_KINDS: dict[str, WorkbookImport] = {}


def register_import(kind_class: type[WorkbookImport]) -> type[WorkbookImport]:
    """Class decorator: make an import kind available to the import pages and the API."""
    IMPORT_KINDS[kind_class.name] = kind_class()
    return kind_class


def import_kind(name: str) -> WorkbookImport:
    """The registered import kind of that name, or 404."""
    try:
        return IMPORT_KINDS[name]
    except KeyError:
        raise Http404(name) from None
