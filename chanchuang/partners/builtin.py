"""The built-in agreement types: ``data/agreementtype.json``, loaded by ``core.document_kinds``.

``ensure_builtin_types`` is the name the test fixtures still import.
"""

from chanchuang.core.document_kinds import ensure_builtin as ensure_builtin_types

__all__ = ["ensure_builtin_types"]
