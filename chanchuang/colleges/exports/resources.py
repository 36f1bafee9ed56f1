"""Exports of shared resources, bookings (the booker only for who may see it) and their
utilisation."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chanchuang.colleges.choices import Attendance, BookingStatus, ResourceKind
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter, neutralise


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


class SharedResourceExporter(Exporter):
    """The catalogue of shared resources."""

    title = gettext_lazy("shared resources")
    filename = "shared-resources"
    columns = [
        Column("name", gettext_lazy("name")),
        Column("kind", gettext_lazy("kind"), kind="choice", choices=ResourceKind),
        Column("college", gettext_lazy("industry college")),
        Column("owner", gettext_lazy("owner"),
               export=lambda r: r.owner.name if r.owner_id else _("The school")),
        Column("location", gettext_lazy("location")),
        Column("capacity", gettext_lazy("capacity (people)"), kind="int"),
        Column("opens_at", gettext_lazy("opening hours"),
               export=lambda r: f"{r.opens_at:%H:%M}–{r.closes_at:%H:%M}"),
        Column("open_days", gettext_lazy("open days")),
        Column("needs_approval", gettext_lazy("bookings need approval"),
               export=lambda r: _("Yes") if r.needs_approval else _("No")),
    ]


class BookingExporter(Exporter):
    """Bookings; who booked and why read 已占用 for those who may not see the booker."""

    title = gettext_lazy("bookings")
    filename = "bookings"
    columns = [
        Column("resource", gettext_lazy("shared resource")),
        Column("starts_at", gettext_lazy("starts at"), export=lambda b: _local(b.starts_at)),
        Column("ends_at", gettext_lazy("ends at"), export=lambda b: _local(b.ends_at)),
        Column("booked_by", gettext_lazy("booked by")),
        Column("purpose", gettext_lazy("purpose")),
        Column("people", gettext_lazy("people"), kind="int"),
        Column("status", gettext_lazy("status"), kind="choice", choices=BookingStatus),
        Column("attendance", gettext_lazy("use"), kind="choice", choices=Attendance),
    ]
    MASKED = ("booked_by", "purpose")

    def rows(self, objects, user):
        masked = [i for i, column in enumerate(self.columns) if column.field in self.MASKED]
        for booking in objects:
            cells = next(super().rows([booking], user))
            if not user.has_perm("colleges.view_booker", booking):
                for index in masked:
                    cells[index] = neutralise(_("Occupied"))
            yield cells


def utilisation_rows(usage) -> list[dict]:
    """One row per resource and month, then one per owner and one for all (the page's
    figures)."""
    rows = []
    for resource in usage.resources:
        for (year, month), figures in resource.months.items():
            rows.append({"who": resource.label, "month": f"{year}-{month:02d}",
                         "usage": figures})
    for owner in usage.owners:
        rows.append({"who": owner.label, "month": _("All months"), "usage": owner})
    rows.append({"who": usage.total.label, "month": _("All months"), "usage": usage.total})
    return rows


def _figure(name: str):
    return lambda row: float(getattr(row["usage"], name) or 0)


class UtilisationExporter(Exporter):
    """Utilisation: open, booked and used hours, per resource and month, owner and in all."""

    title = gettext_lazy("utilisation")
    filename = "utilisation"
    columns = [
        Column("who", gettext_lazy("shared resource or owner"), export=lambda r: r["who"]),
        Column("month", gettext_lazy("month"), export=lambda r: r["month"]),
        Column("open", gettext_lazy("open hours"), export=_figure("open")),
        Column("booked", gettext_lazy("booked hours"), export=_figure("booked")),
        Column("used", gettext_lazy("used hours"), export=_figure("used")),
        Column("rate", gettext_lazy("booked (%)"), export=_figure("rate")),
        Column("used_rate", gettext_lazy("used (%)"), export=_figure("used_rate")),
        Column("no_show", gettext_lazy("no-shows"), export=lambda r: r["usage"].no_show),
    ]
