"""The innovation app's rows of the permission matrix: intake and the running cohort, then
records and the showcase (see the two modules for the objects each uses)."""

from chanchuang.innovation.tests import permission_matrix_intake as intake
from chanchuang.innovation.tests import permission_matrix_records as records

ROWS = intake.ROWS + records.ROWS
API_ROWS = intake.API_ROWS + records.API_ROWS
