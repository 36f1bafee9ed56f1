"""Partners lists run a constant number of queries (pinned)."""

from functools import partial

import pytest

from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists
from chanchuang.partners.models import SigningEvent
from chanchuang.partners.tests import factories as pf

# Every page: session, user, memberships, unread notifications, row count, rows = 6; plus the
# filter's choice lists (partners: province and tag; agreements: type and party) and the
# prefetched parties of the agreement rows.
PAGES = [
    ("partners:partner_list", "staff_wang", 8),
    ("partners:agreement_list", "staff_wang", 9),
    ("partners:agreement_list", "hr_li", 9),
    ("partners:signingevent_list", "staff_wang", 6),
    ("partners:agreementtype_list", "staff_wang", 6),
]
# API lists: session, user, memberships, count, rows.
API_LISTS = [("/api/v1/partners", 5), ("/api/v1/agreements", 5)]


def _grow(world, n: int) -> None:
    for i in range(n):
        organisation = f.OrganisationFactory(school=world.school, region_id="420100")
        pf.agreement(school=world.school, organisation=organisation, type=world.agreement_type,
                     number=f"G-{organisation.pk}")
        pf.agreement(school=world.school, organisation=world.enterprise_a,
                     type=world.agreement_type, number=f"H-{organisation.pk}")
        SigningEvent.objects.create(school=world.school, name=f"仪式{i}", held_on="2026-06-24")
        pf.agreement_type(world.school, name=f"类型{organisation.pk}")


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_list_query_count_is_constant(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))
