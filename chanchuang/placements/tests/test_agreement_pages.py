"""The agreement and partner pages as each role finds them: terminating asks for confirmation
and a reason, deliveries are offered only on agreements in force, the commitments show once, the
positions card agrees with the ledger, and nobody is shown a link they may not open. (The pages
show positions and mentors, so these tests live with the app above both.)"""

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from chanchuang.core.models import AuditEntry
from chanchuang.core.services import DomainError
from chanchuang.partners import services
from chanchuang.partners.choices import AgreementStatus, PartyRole
from chanchuang.partners.models import Agreement, AgreementParty, Delivery
from chanchuang.placements.models import Position

REASON = "合作企业业务调整，双方协商一致提前终止"


def _page(client, url: str) -> str:
    """The page's own part (header, actions and content), without the menu and the footer."""
    html = client.get(url).content.decode()
    return html[html.index('class="page-header'):html.index("<footer")]


def _terminations(agreement) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_id=str(agreement.pk),
                                          action="partners.agreement.terminated"))


# --- Terminating asks for confirmation and a reason ------------------------------------------


def test_terminate_is_a_link_to_a_confirmation_page_not_a_one_click_form(client, world):
    client.force_login(world.staff_wang)
    agreement = world.agreement_a
    page = _page(client, agreement.get_absolute_url())
    terminate = reverse("partners:agreement_terminate", args=[agreement.pk])
    assert f'href="{terminate}"' in page
    assert reverse("partners:agreement_transition", args=[agreement.pk, "terminated"]) \
        not in page
    confirm = _page(client, terminate)
    assert "协议将立即失效" in confirm and "不可撤销" in confirm
    assert 'name="reason"' in confirm
    assert Agreement.objects.get(pk=agreement.pk).status == AgreementStatus.ACTIVE


@pytest.mark.parametrize("reason", ["", "   ", "不好"])
def test_a_termination_without_a_real_reason_is_refused_and_changes_nothing(client, world,
                                                                             reason):
    client.force_login(world.staff_wang)
    agreement = world.agreement_a
    response = client.post(reverse("partners:agreement_terminate", args=[agreement.pk]),
                           {"reason": reason})
    assert response.status_code == 200
    assert "终止原因：请简要写明终止协议的原因（至少 4 个字）。" in response.content.decode()
    # The one-click route of old refuses it too.
    client.post(reverse("partners:agreement_transition", args=[agreement.pk, "terminated"]),
                {"reason": reason})
    agreement.refresh_from_db()
    assert (agreement.status, agreement.termination_reason) == (AgreementStatus.ACTIVE, "")
    assert _terminations(agreement) == []


def test_a_confirmed_termination_keeps_its_reason_on_the_agreement_and_in_its_history(
        client, world):
    client.force_login(world.staff_wang)
    agreement = world.agreement_a
    response = client.post(reverse("partners:agreement_terminate", args=[agreement.pk]),
                           {"reason": f"  {REASON} "})
    assert response.status_code == 302 and response["Location"] == agreement.get_absolute_url()
    agreement.refresh_from_db()
    assert (agreement.status, agreement.termination_reason) == (AgreementStatus.TERMINATED,
                                                                REASON)
    [entry] = _terminations(agreement)
    assert entry.actor == world.staff_wang
    assert entry.changes["status"] == ["active", "terminated"]
    assert entry.changes["termination_reason"] == ["", REASON]
    page = _page(client, agreement.get_absolute_url())
    reason_box = page.split('id="termination-reason"')[1].split("</div></div>")[0]
    assert REASON in reason_box
    history = page.split("历史记录")[-1]
    assert f"终止原因：{REASON}" in history
    # Nothing to terminate any more: no button, and the page says why.
    assert reverse("partners:agreement_terminate", args=[agreement.pk]) not in page
    again = _page(client, reverse("partners:agreement_terminate", args=[agreement.pk]))
    assert "状态为“已终止”的协议不能变为“已终止”" in again and 'name="reason"' not in again


def test_the_api_requires_the_reason_of_a_termination(client, world):
    client.force_login(world.staff_wang)
    agreement = world.agreement_a
    url = f"/api/v1/agreements/{agreement.pk}/transitions"
    refused = client.post(url, {"to": "terminated"}, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["detail"] == "终止原因：请简要写明终止协议的原因（至少 4 个字）。"
    assert Agreement.objects.get(pk=agreement.pk).status == AgreementStatus.ACTIVE
    assert _terminations(agreement) == []
    done = client.post(url, {"to": "terminated", "reason": REASON},
                       content_type="application/json")
    assert done.status_code == 200, done.content
    assert (done.json()["status"], done.json()["termination_reason"]) == ("terminated", REASON)
    assert len(_terminations(agreement)) == 1


# --- Deliveries only on agreements in force --------------------------------------------------


def _ended(world, status: str) -> Agreement:
    agreement = world.agreement_a
    Agreement.objects.filter(pk=agreement.pk).update(status=status)
    agreement.refresh_from_db()
    return agreement


@pytest.mark.parametrize("status", [AgreementStatus.TERMINATED, AgreementStatus.EXPIRED,
                                    AgreementStatus.RENEWED])
def test_an_agreement_no_longer_in_force_offers_no_delivery(client, world, today, status):
    agreement = _ended(world, status)
    delivery_page = reverse("partners:delivery_add", args=[world.commitment_a.pk])
    for person in (world.staff_wang, world.hr_li):
        client.force_login(person)
        assert delivery_page not in _page(client, agreement.get_absolute_url())
        assert "登记履约" not in _page(client, agreement.get_absolute_url())
        form = _page(client, delivery_page)
        assert "只有生效中的协议（已签署、履行中或即将到期）才能登记履约" in form
        assert 'name="quantity"' not in form
        client.post(delivery_page, {"quantity": "2", "delivered_on": "2026-09-01"})
        api = client.post(f"/api/v1/commitments/{world.commitment_a.pk}/deliveries",
                          {"quantity": "2", "delivered_on": "2026-09-01"},
                          content_type="application/json")
        assert api.status_code == 400
        assert "只有生效中的协议" in api.json()["detail"]
    with pytest.raises(DomainError, match="只有生效中的协议"):
        services.record_delivery(actor=world.staff_wang, commitment=world.commitment_a,
                                 quantity=Decimal(2), delivered_on=dt.date(2026, 9, 1))
    assert not Delivery.objects.exists()


def test_an_agreement_in_force_offers_a_delivery_to_whoever_may_record_it(client, world, today):
    delivery_page = reverse("partners:delivery_add", args=[world.commitment_a.pk])
    school_page = reverse("partners:delivery_add", args=[world.commitment_a_school.pk])
    client.force_login(world.hr_li)
    page = _page(client, world.agreement_a.get_absolute_url())
    assert delivery_page in page and school_page not in page
    response = client.post(delivery_page, {"quantity": "2", "delivered_on": "2026-09-01"})
    assert response.status_code == 302
    assert Delivery.objects.get().quantity == 2


# --- The commitments show once ---------------------------------------------------------------


def test_the_agreement_page_shows_its_commitments_once(client, world):
    client.force_login(world.staff_wang)
    services.record_delivery(actor=world.staff_wang, commitment=world.commitment_a,
                             quantity=Decimal(4), delivered_on=world.agreement_a.start_date)
    page = _page(client, world.agreement_a.get_absolute_url())
    assert page.count("<table") == 1
    assert page.count("实习岗位") == 1 and page.count("员工培训（人天）") == 1
    row = page.split("实习岗位")[1].split("</tr>")[0]
    assert "40%" in row  # 4 of 10 posts, with its progress


# --- The positions card agrees with the ledger -----------------------------------------------


def test_the_positions_card_does_not_contradict_the_ledger(client, world, today):
    services.record_delivery(actor=world.staff_wang, commitment=world.commitment_a,
                             quantity=Decimal(16), delivered_on=dt.date(2026, 9, 1))
    client.force_login(world.staff_wang)
    page = _page(client, world.enterprise_a.get_absolute_url())
    assert "该合作伙伴尚无岗位" not in page
    assert "平台中暂无该合作伙伴的岗位。" in page
    assert "协议台账记录其已提供 16 个实习岗位，其中 16 个为人工登记" in page
    # A partner with neither positions nor posts delivered says just that.
    other = _page(client, world.enterprise_b.get_absolute_url())
    assert "该合作伙伴尚无岗位。" in other and "协议台账记录" not in other


def test_the_positions_card_lists_the_positions_and_what_the_ledger_adds(client, world, today):
    world.position_a  # noqa: B018 — enterprise A offers a position in the platform
    services.record_delivery(actor=world.staff_wang, commitment=world.commitment_a,
                             quantity=Decimal(3), delivered_on=dt.date(2026, 9, 1))
    client.force_login(world.staff_wang)
    page = _page(client, world.enterprise_a.get_absolute_url())
    assert world.position_a.get_absolute_url() in page
    assert "暂无" not in page.split("岗位与实习生")[1]
    assert "协议台账记录其已提供 3 个实习岗位，其中 3 个为人工登记" in page


# --- Every link shown can be opened ----------------------------------------------------------


@pytest.fixture
def busy_world(world, today):
    """Agreement A with three parties (enterprise B too), signed at the ceremony, renewing
    agreement B (which hr_li cannot open), with an attachment and a delivery; enterprises A and B
    each with a mentor and a position, A with a contact."""
    agreement = world.agreement_a
    AgreementParty.objects.create(agreement=agreement, organisation=world.enterprise_b,
                                  role=PartyRole.PARTY)
    Agreement.objects.filter(pk=agreement.pk).update(signing_event=world.signing_event,
                                                     renewal_of=world.agreement_b)
    world.attachment_a, world.delivery_a, world.contact_a  # noqa: B018
    world.appointment_a, world.position_a, world.agreement_draft  # noqa: B018
    world.appointment_b, world.position_b  # noqa: B018
    return world


# (person, page) → the POST forms the page offers that person (besides logging out and the
# language switch): staff and the admin run agreements; the others may only record what the
# page offers them.
PAGES = [
    ("staff_wang", "agreement_a"), ("staff_wang", "enterprise_a"),
    ("admin", "agreement_a"),
    ("dept_zhou", "agreement_a"), ("dept_zhou", "enterprise_a"),
    ("hr_li", "agreement_a"), ("hr_li", "enterprise_a"),
    ("hr_zhao", "agreement_a"), ("hr_zhao", "agreement_b"), ("hr_zhao", "enterprise_b"),
    ("mentor_chen", "enterprise_a"), ("student_user", "enterprise_a"),
]
FORMS = {
    ("dept_zhou", "enterprise_a"): {"interaction_add"},
}


@pytest.mark.parametrize(("who", "what"), PAGES)
def test_every_link_shown_opens_for_that_person(client, busy_world, who, what):
    world = busy_world
    client.force_login(getattr(world, who))
    page = _page(client, getattr(world, what).get_absolute_url())
    links = {unescape(href) for href in re.findall(r'href="(/[^"#]*)"', page)}
    assert links, "the page shows links"
    refused = {link: client.get(link).status_code for link in links}
    assert {link: code for link, code in refused.items() if code >= 400} == {}
    if who not in ("staff_wang", "admin"):
        actions = set(re.findall(r'<form[^>]*action="([^"]*)"', page))
        expected = {reverse(f"partners:{name}", args=[getattr(world, what).pk])
                    for name in FORMS.get((who, what), ())}
        assert actions == expected


def test_an_enterprise_member_sees_other_parties_and_the_ceremony_as_text(client, busy_world):
    world = busy_world
    client.force_login(world.hr_li)
    page = _page(client, world.agreement_a.get_absolute_url())
    assert world.enterprise_b.name in page and world.signing_event.name in page
    assert world.enterprise_b.get_absolute_url() not in page
    assert world.signing_event.get_absolute_url() not in page
    assert world.agreement_b.get_absolute_url() not in page
    assert world.enterprise_a.get_absolute_url() in page
    client.force_login(world.staff_wang)
    page = _page(client, world.agreement_a.get_absolute_url())
    for obj in (world.enterprise_b, world.signing_event, world.agreement_b):
        assert obj.get_absolute_url() in page


def test_a_position_names_its_covering_agreement_as_a_link_only_for_who_may_open_it(client,
                                                                                   world):
    position = world.position_a
    Position.objects.filter(pk=position.pk).update(agreement=world.agreement_a)
    url = reverse("placements:position_detail", args=[position.pk])
    agreement_url = world.agreement_a.get_absolute_url()
    client.force_login(world.student_user)  # may see the position, not the agreement
    page = client.get(url).content.decode()
    assert str(world.agreement_a) in page and f'href="{agreement_url}"' not in page
    client.force_login(world.hr_li)  # a party to the agreement
    assert f'href="{agreement_url}"' in client.get(url).content.decode()
