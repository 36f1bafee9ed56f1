"""The colleges app's rows of the permission matrix, one module per sub-concept (see
``cast.py`` for the objects: the school's college is built with enterprise A, hr_li's; the
``*_far`` objects belong to the other school's college)."""

from chanchuang.colleges.tests import (
    permission_matrix_colleges,
    permission_matrix_governance,
    permission_matrix_indicators,
    permission_matrix_reports,
    permission_matrix_resources,
    permission_matrix_work,
)

_MODULES = (permission_matrix_colleges, permission_matrix_governance, permission_matrix_work,
            permission_matrix_indicators, permission_matrix_resources, permission_matrix_reports)
ROWS = "\n".join(module.ROWS for module in _MODULES)
API_ROWS = "\n".join(module.API_ROWS for module in _MODULES)
