"""The cards the colleges app's own sub-concepts add to an industry college's page through
core's section registry (page ``COLLEGE``), like the apps above it do (placements' positions):
the scorecard of the year (10) and the shared resources (20)."""

from __future__ import annotations

from chanchuang.colleges.queries import indicators, resources
from chanchuang.core.sections import COLLEGE, PageSection

SECTIONS = [
    PageSection(COLLEGE, 10, "colleges/indicators/inc/scorecard_card.html", indicators.summary),
    PageSection(COLLEGE, 20, "colleges/resources/inc/college_card.html", resources.college_card),
]
