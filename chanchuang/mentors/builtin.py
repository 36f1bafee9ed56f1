"""The built-in appointment titles: ``data/appointmenttitle.json``, loaded by
``core.document_kinds``.

``ensure_builtin_titles`` is the name the test fixtures still import.
"""

from chanchuang.core.document_kinds import ensure_builtin as ensure_builtin_titles

__all__ = ["ensure_builtin_titles"]
