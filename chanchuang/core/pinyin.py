"""Pinyin keys for Chinese names: lists sort by pinyin, and ``zhang`` or ``zs`` finds 张三."""

from __future__ import annotations

from django.db.models import Q
from pypinyin import Style, lazy_pinyin


def pinyin_keys(name: str) -> tuple[str, str]:
    """Return ``("zhangsan", "zs")`` for ``"张三"``; Latin letters and digits pass through."""
    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default")]
    syllables = [s for s in (s.strip() for s in syllables) if s]
    return "".join(syllables).replace(" ", ""), "".join(s[0] for s in syllables)


def name_search(query: str, *, name_field: str, prefix: str = "") -> Q:
    """Match a name by its characters, its full pinyin or its initials.

    ``prefix`` is the path to the model carrying the pinyin fields (e.g. ``"user__"``).
    """
    query = query.strip()
    compact = query.replace(" ", "").lower()
    condition = Q(**{f"{name_field}__icontains": query})
    if compact.isascii() and compact:
        condition |= Q(**{f"{prefix}name_pinyin__contains": compact})
        condition |= Q(**{f"{prefix}name_initials__startswith": compact})
    return condition
