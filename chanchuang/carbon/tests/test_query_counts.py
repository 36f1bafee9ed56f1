"""The carbon lists and live pages run a constant number of queries (pinned): more sessions
do not change the list, and more companies, orders and trades do not change the floor, the
console or their pushed state."""

from itertools import count

import pytest
from django.urls import reverse

from chanchuang.carbon.choices import Side, Strategy
from chanchuang.carbon.services import sessions, trading
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists

pytestmark = pytest.mark.django_db
NUMBERS = count(1)

# The list: session, user, memberships, unread notifications, then the count and the rows
# (with class, instructor and the numbers of companies and participants). The API: session,
# user, memberships, count, rows.
PAGES = [("carbon:simulation_list", "staff_wang", 6),
         ("carbon:simulation_list", "student_user", 6)]
API_LISTS = [("/api/v1/carbon/simulations", 5)]


def _more_sessions(world, n: int) -> None:
    for _ in range(n):
        simulation = sessions.create_simulation(
            actor=world.staff_wang, template=world.scenario,
            name=f"实训 {next(NUMBERS)}", school_class=world.school_class)
        sessions.join(user=world.student_liu.user, code=simulation.join_code)
        sessions.add_bots(actor=world.staff_wang, simulation=simulation,
                          strategies={Strategy.NOISE: 1})


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_the_session_list_runs_a_constant_number_of_queries(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=lambda n: _more_sessions(world, n))


def _busier_market(world, simulation, n: int) -> None:
    """n more simulated traders, each with a listing on both sides and a trade."""
    added = sessions.add_bots(actor=world.staff_wang, simulation=simulation,
                              strategies={Strategy.NOISE: n})
    for bot in added:
        sell = trading.place_order(company=bot, side=Side.SELL, price="50.50", quantity=100)
        trading.place_order(company=bot, side=Side.BUY, price="49.50", quantity=100)
        trading.take(company=world.company_liu, listing_id=sell.pk, quantity=10)


@pytest.mark.parametrize(("route", "who", "pinned"), [
    ("carbon:state", "student_user", 20),
    ("carbon:state", "staff_wang", 15),
    ("carbon:floor", "student_user", 26),
    ("carbon:console", "staff_wang", 18),
])
def test_the_live_pages_run_a_constant_number_of_queries(client, world, route, who, pinned):
    world.bot_company  # noqa: B018  (a second company, so the session can start)
    simulation = sessions.start(actor=world.staff_wang, simulation=world.simulation)
    client.force_login(getattr(world, who))
    assert_list_queries(client, reverse(route, args=[simulation.pk]), pinned,
                        grow=lambda n: _busier_market(world, simulation, n))
