"""Chinese identifiers: check characters, birth dates, phones and masks."""

import pytest
from django.core.exceptions import ValidationError

from chanchuang.core.identifiers import (
    credit_code_check_character,
    mask,
    validate_credit_code,
    validate_id_number,
    validate_major_code,
    validate_phone,
)

# The example of GB 32100-2015 itself, and codes with a letter registering authority (N: a
# farmers' co-operative, Y: a trade union) that python-stdnum wrongly rejects.
VALID_CREDIT_CODES = [
    "91350100M000100Y43",
    "N2" + "420100MA1234567" + credit_code_check_character("N2420100MA1234567"),
    "Y1" + "420100" + "123456789" + credit_code_check_character("Y1420100123456789"),
]


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_valid_credit_codes_pass(code):
    validate_credit_code(code)


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_a_changed_character_breaks_the_check(code):
    broken = code[:5] + ("1" if code[5] != "1" else "2") + code[6:]
    with pytest.raises(ValidationError, match=r"校验码|check character"):
        validate_credit_code(broken)


@pytest.mark.parametrize("code", ["9135010", "91350100M000100Y4O", "91350100m000100y43"])
def test_malformed_credit_codes_are_refused_by_format(code):
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code)
    assert info.value.code == "credit_code_format"


def test_check_character_uses_the_gb32100_alphabet():
    assert credit_code_check_character("91350100M000100Y4") == "3"


def test_id_number_check_and_birth_date():
    validate_id_number("11010519491231002X")  # the standard's own example
    with pytest.raises(ValidationError) as info:
        validate_id_number("110105194912310021")
    assert info.value.code == "id_number_check"
    with pytest.raises(ValidationError) as info:
        validate_id_number("110105194913310028")
    assert info.value.code == "id_number_birth_date"


@pytest.mark.parametrize("phone", ["1381234567", "23812345678", "138123456789", "1381234567a"])
def test_malformed_phones_are_refused(phone):
    with pytest.raises(ValidationError):
        validate_phone(phone)


def test_major_code_is_six_digits():
    validate_major_code("430105")
    with pytest.raises(ValidationError):
        validate_major_code("43010")


def test_masks_keep_only_the_ends():
    assert mask("13812345678") == "138****5678"
    assert mask("11010519491231002X") == "110***********002X"
