"""The insights app's rows of the permission matrix, one module per sub-concept (see
``cast.py`` for the objects: ``*_far`` objects belong to the other school)."""

from chanchuang.insights.tests import (
    permission_matrix_chain,
    permission_matrix_dashboard,
    permission_matrix_destinations,
    permission_matrix_province,
    permission_matrix_reports,
)

_MODULES = (permission_matrix_dashboard, permission_matrix_province,
            permission_matrix_destinations, permission_matrix_chain, permission_matrix_reports)
ROWS = "\n".join(module.ROWS for module in _MODULES)
API_ROWS = "\n".join(module.API_ROWS for module in _MODULES)
