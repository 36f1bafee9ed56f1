"""Columns of an importable or exportable list: title, what a cell may hold, how it parses.

A column parses one cell into a Python value or raises ``CellError`` with a message for the user
(in their language); the importer adds the row number and column title.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import TextChoices
from django.utils import translation
from django.utils.translation import gettext as _

from chanchuang.core.tabular.reading import cell_text

DATE_PATTERNS = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


class CellError(Exception):
    """A cell that cannot be taken as it is; the message is for the user."""


@dataclass(frozen=True)
class Column:
    """One column of a list: its field, its title and note, and how its cells parse.

    ``kind`` is one of ``text``, ``int``, ``date``, ``choice`` (a TextChoices, by label or
    value), or ``lookup`` (a name looked up in the import's context, e.g. a department).
    ``personal`` columns are masked in exports for roles without the matching permission.
    """

    field: str
    title: Any
    kind: str = "text"
    required: bool = False
    note: Any = ""
    example: Any = ""
    choices: type[TextChoices] | None = None
    lookup: str | None = None
    personal_permission: str | None = None
    as_text: bool = False  # stored as text in Excel (long digit strings: IDs, phones, numbers)
    max_length: int | None = None
    export: Callable[[Any], Any] | None = None  # value of a model row for exports
    aliases: tuple[str, ...] = field(default_factory=tuple)
    # The model field's own validators, run on the cell so that a row reports every bad cell
    # at once (a bad phone beside a bad date), not only the cells that fail to parse.
    validators: tuple[Callable[[Any], None], ...] = ()

    @property
    def personal(self) -> bool:
        return self.personal_permission is not None

    def header_names(self) -> set[str]:
        """Titles a header cell may carry for this column: Chinese, English, field name."""
        return spellings(self.field, self.title, *self.aliases)

    def parse(self, raw: Any, lookups: dict[str, dict[str, Any]]) -> Any:
        """The cell's value, or None when blank; raise CellError when it cannot be taken."""
        if self.kind == "date" and isinstance(raw, dt.datetime):
            return raw.date()
        if self.kind == "date" and isinstance(raw, dt.date):
            return raw
        if self.as_text and isinstance(raw, float) and raw > 1e15:
            raise CellError(_("Excel has turned this long number into %(value)s and lost "
                              "digits: format the column as text and type it again.")
                            % {"value": f"{raw:.5E}"})
        text = cell_text(raw)
        if not text:
            if self.required:
                raise CellError(_("This cell is required."))
            return None
        value = getattr(self, f"_parse_{self.kind}")(text, lookups)
        try:
            for validator in self.validators:
                validator(value)
        except ValidationError as exc:
            raise CellError(" ".join(exc.messages)) from None
        return value

    def _parse_text(self, text: str, lookups) -> str:
        if self.max_length and len(text) > self.max_length:
            raise CellError(_("At most %(n)d characters.") % {"n": self.max_length})
        return text

    def _parse_int(self, text: str, lookups) -> int:
        try:
            return int(float(text)) if float(text).is_integer() else int(text)
        except ValueError:
            raise CellError(_("Enter a whole number, e.g. %(example)s.")
                            % {"example": self.example or 2025}) from None

    def _parse_date(self, text: str, lookups) -> dt.date:
        for pattern in DATE_PATTERNS:
            match = pattern.match(text)
            if match:
                try:
                    return dt.date(*(int(part) for part in match.groups()))
                except ValueError:
                    break
        raise CellError(_("“%(value)s” is not a date; write it as 2006-09-01.") % {"value": text})

    def _parse_choice(self, text: str, lookups) -> str:
        value = choice_spellings(self.choices).get(text.lower())
        if value is None:
            return self._refuse(text, [label for _value, label in self.choices.choices])
        return value

    def _parse_lookup(self, text: str, lookups) -> Any:
        table = lookups[self.lookup]
        key = lookup_key(self.lookup, text)
        if key in table:
            return table[key]
        return self._refuse(text, None)

    def _refuse(self, text: str, allowed) -> Any:
        if allowed:
            raise CellError(_("“%(value)s” is not one of: %(allowed)s.")
                            % {"value": text, "allowed": "、".join(str(a) for a in allowed)})
        raise CellError(_("“%(value)s” is not in this school's list; check the spelling or add "
                          "it first.") % {"value": text})

    def template_value(self, value: Any) -> Any:
        """A value as the template shows it (choices by their label)."""
        if self.choices is not None and value:
            return str(self.choices(value).label)
        return value


def spellings(*names: Any) -> set[str]:
    """Lower-case spellings of names, lazy translations rendered in Chinese and in English."""
    found = set()
    for language in ("zh-hans", "en"):
        with translation.override(language):
            found.update(str(name).strip().lower() for name in names)
    return found


@cache
def choice_spellings(choices: type[TextChoices]) -> dict[str, str]:
    """Every accepted spelling of a choice (value, Chinese and English label) → its value."""
    spellings = {}
    for value, label in choices.choices:
        spellings[value.lower()] = value
        for language in ("zh-hans", "en"):
            with translation.override(language):
                spellings[str(label).lower()] = value
    return spellings


MAJOR_CODE = re.compile(r"^(\d{6})")


def lookup_key(table: str, text: str) -> str:
    """The key a cell looks up by: a major by its six-digit code (the template's dropdown shows
    ``430105 电力系统自动化技术``), anything else by its exact name."""
    if table == "majors":
        match = MAJOR_CODE.match(text)
        return match.group(1) if match else text
    return text.strip()
