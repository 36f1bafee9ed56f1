"""Validators and masks for Chinese identifiers (see DOMAIN.md, "Identifiers").

Each validator raises ``ValidationError`` with a message that names the field, in the user's
language; each mask shows only what a role without the need may see.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_NUMBER_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_NUMBER_CHECKS = "10X98765432"
PHONE_PATTERN = re.compile(r"^1[3-9]\d{9}$")
MAJOR_CODE_PATTERN = re.compile(r"^\d{6}$")


def credit_code_check_character(first17: str) -> str:
    """Return the GB 32100-2015 check character for the first 17 characters of a code."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(char) * weight
        for char, weight in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    """Refuse anything but an 18-character unified social credit code with a correct check."""
    if len(value) != 18 or any(char not in CREDIT_CODE_ALPHABET for char in value):
        raise ValidationError(
            _(
                "Unified social credit code: enter 18 characters, digits and capital letters "
                "except I, O, S, V and Z."
            ),
            code="credit_code_format",
        )
    if credit_code_check_character(value[:17]) != value[17]:
        raise ValidationError(
            _("Unified social credit code: the check character is wrong; please check the code."),
            code="credit_code_check",
        )


def id_number_check_character(first17: str) -> str:
    """Return the GB 11643-1999 (ISO 7064 MOD 11-2) check character of an ID number."""
    total = sum(int(d) * w for d, w in zip(first17, ID_NUMBER_WEIGHTS, strict=True))
    return ID_NUMBER_CHECKS[total % 11]


def id_number_birth_date(value: str) -> dt.date | None:
    """Return the birth date carried in digits 7–14 of an ID number, or None if it is no date."""
    try:
        return dt.datetime.strptime(value[6:14], "%Y%m%d").date()
    except ValueError:
        return None


def validate_id_number(value: str) -> None:
    """Refuse an ID card number with a bad format, birth date or check character."""
    if not re.fullmatch(r"\d{17}[\dX]", value):
        raise ValidationError(
            _("ID card number: enter 18 characters, 17 digits and a digit or X."),
            code="id_number_format",
        )
    if id_number_birth_date(value) is None:
        raise ValidationError(
            _("ID card number: digits 7 to 14 are not a valid birth date."),
            code="id_number_birth_date",
        )
    if id_number_check_character(value[:17]) != value[17]:
        raise ValidationError(
            _("ID card number: the check character is wrong; please check the number."),
            code="id_number_check",
        )


def validate_phone(value: str) -> None:
    """Refuse anything but an 11-digit mainland mobile number."""
    if not PHONE_PATTERN.match(value):
        raise ValidationError(
            _("Phone number: enter an 11-digit mobile number starting with 1."),
            code="phone",
        )


def validate_major_code(value: str) -> None:
    """Refuse a major code that is not the catalogue's six digits."""
    if not MAJOR_CODE_PATTERN.match(value):
        raise ValidationError(
            _("Major code: enter the six-digit code of the national major catalogue."),
            code="major_code",
        )


def mask(value: str) -> str:
    """Keep the first three and last four characters: ``138****5678``, ``110***********1234``."""
    if len(value) < 8:
        return "*" * len(value)
    return f"{value[:3]}{'*' * (len(value) - 7)}{value[-4:]}"
