"""KPIs of partnerships (partners app): cooperation agreements in force during the year, the
partners they bind (by industry), and commitments delivered against those promised."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Industry
from chanchuang.insights.kpis import Breakdown, Kpi, Share, Slice, Unit
from chanchuang.insights.kpis.links import list_url, overlapping, year_bounds
from chanchuang.insights.kpis.slicing import narrowed
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.models import Agreement, AgreementParty, Commitment, Delivery
from chanchuang.partners.queries import SIGNED_EVER

SECTION = _("Partnerships")
NO_INDUSTRY = "-"
# Signed agreements; a terminated one is left out (the platform keeps no termination date).
COUNTED = [status for status in SIGNED_EVER if status != AgreementStatus.TERMINATED]


def agreements_in_year(piece: Slice):
    """The school's cooperation agreements in force some time in the year: signed, not
    terminated, their term overlapping the year; three-party internship agreements (with a
    student party) are placements' paperwork, not partnerships, and are left out."""
    with_student = AgreementParty.objects.filter(agreement=OuterRef("pk"), student__isnull=False)
    return narrowed(Agreement.objects.filter(status__in=COUNTED, **overlapping(piece.year)),
                    piece).filter(~Exists(with_student))


def _agreements(piece: Slice) -> dict[int, int]:
    rows = agreements_in_year(piece).order_by().values_list("school_id").annotate(
        n=Count("pk")).values_list("school_id", "n")
    return dict(rows)


def _parties(piece: Slice):
    return AgreementParty.objects.filter(organisation__isnull=False,
                                         agreement__in=agreements_in_year(piece).values("pk"))


def _partners(piece: Slice) -> dict[int, int]:
    return dict(_parties(piece).order_by().values_list("agreement__school_id").annotate(
        n=Count("organisation", distinct=True)).values_list("agreement__school_id", "n"))


def _by_industry(piece: Slice) -> dict[int, dict[str, int]]:
    result: dict[int, dict[str, int]] = {}
    for school, industry, n in _parties(piece).order_by().values_list(
            "agreement__school_id", "organisation__industry").annotate(
            n=Count("organisation", distinct=True)).values_list(
            "agreement__school_id", "organisation__industry", "n"):
        key = industry or NO_INDUSTRY
        bucket = result.setdefault(school, {})
        bucket[key] = bucket.get(key, 0) + n
    return result


def _industries() -> list[tuple[str, str]]:
    return [(code, f"{code} {label}") for code, label in Industry.choices] + [
        (NO_INDUSTRY, str(_("Industry not given")))]


def _commitments(piece: Slice) -> dict[int, Share]:
    """Per school: commitments fully delivered (deliveries up to the year's end reach the
    target) among those of the agreements in force in the year."""
    amount = Commitment._meta.get_field("target")
    done = Delivery.objects.filter(commitment=OuterRef("pk"),
                                   delivered_on__lte=year_bounds(piece.year)[1]).order_by() \
        .values("commitment").annotate(total=Sum("quantity")).values("total")
    rows = (Commitment.objects.filter(agreement__in=agreements_in_year(piece).values("pk"))
            .annotate(delivered=Coalesce(Subquery(done), 0, output_field=amount))
            .order_by().values_list("agreement__school_id")
            .annotate(part=Count("pk", filter=Q(delivered__gte=F("target"))), whole=Count("pk"))
            .values_list("agreement__school_id", "part", "whole"))
    return {school: Share(part, whole) for school, part, whole in rows}


FIGURES = (
    Kpi("active_agreements", _("Agreements in force"), SECTION, Unit.COUNT, _agreements,
        drill=lambda piece: list_url("partners:agreement_list", in_force="true"),
        help=_("Signed cooperation agreements (not terminated, not three-party internship "
               "agreements) whose term overlaps the year. The list shows the agreements in "
               "force today: it has no filter by year."),
        drill_perm="partners.list_agreements"),
    Kpi("partners", _("Partners"), SECTION, Unit.COUNT, _partners,
        drill=lambda piece: list_url("partners:partner_list", status="active"),
        help=_("Organisations that are a party to an agreement in force during the year. The "
               "list shows today's active partners: it has no filter by year."),
        drill_perm="partners.list_partners"),
    Kpi("commitments_delivered", _("Commitments delivered"), SECTION, Unit.SHARE, _commitments,
        drill=lambda piece: list_url("partners:agreement_list", in_force="true"),
        help=_("Commitments under the agreements in force during the year whose deliveries, "
               "up to the year's end, reach their target, among all their commitments."),
        drill_perm="partners.list_agreements"),
    Breakdown("partners_by_industry", _("Partners by industry"), SECTION, _by_industry,
              _industries,
              drill=lambda piece, industry: list_url(
                  "partners:partner_list", status="active",
                  industry=None if industry == NO_INDUSTRY else industry),
              help=_("Partners of the year by their industry section (GB/T 4754)."),
              drill_perm="partners.list_partners"),
)
