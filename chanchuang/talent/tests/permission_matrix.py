"""The talent app's rows of the permission matrix, one module per sub-concept (see ``cast.py``
for the objects: enterprise A is hr_li's; the ``*_far`` objects belong to the other school)."""

from chanchuang.talent.tests import (
    permission_matrix_demand,
    permission_matrix_docking,
    permission_matrix_gap,
    permission_matrix_skills,
    permission_matrix_supply,
)

_MODULES = (permission_matrix_skills, permission_matrix_demand, permission_matrix_supply,
            permission_matrix_gap, permission_matrix_docking)
ROWS = "\n".join(module.ROWS for module in _MODULES)
API_ROWS = "\n".join(module.API_ROWS for module in _MODULES)
