"""The carbon app's rows of the permission matrix, one module per sub-concept (see
``cast.py`` for the objects: ``*_far`` objects belong to the other school)."""

from chanchuang.carbon.tests import (
    permission_matrix_results,
    permission_matrix_scenarios,
    permission_matrix_sessions,
)

_MODULES = (permission_matrix_scenarios, permission_matrix_sessions, permission_matrix_results)
ROWS = "\n".join(module.ROWS for module in _MODULES)
API_ROWS = "\n".join(getattr(module, "API_ROWS", "") for module in _MODULES)
