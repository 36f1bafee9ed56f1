"""Tables of graduate destinations."""

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from chanchuang.insights.choices import Verification
from chanchuang.insights.models import GraduateDestination

VERIFICATION_COLOURS = {Verification.VERIFIED: "green", Verification.SELF_REPORTED: "yellow",
                        Verification.MISSING: "red"}


def verification_badge(destination: GraduateDestination) -> str:
    """A destination's verification as a coloured badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>',
                       VERIFICATION_COLOURS[destination.verification],
                       destination.get_verification_display())


class GraduateDestinationTable(tables.Table):
    """Destinations with their graduate, year, code, employer and what is derived of it."""

    student = tables.Column(_("graduate"), linkify=lambda record: record.get_absolute_url(),
                            order_by=("student__student_no",))
    major = tables.Column(_("major"), accessor="major__name")
    code = tables.Column(_("destination"), order_by=("code",))
    employer_name = tables.Column(_("employer"))
    flags = tables.Column(_("employer is"), empty_values=(), orderable=False)

    class Meta:
        model = GraduateDestination
        fields = ["student", "graduation_year", "department", "major", "code", "group",
                  "employer_name", "flags", "verification"]

    def render_student(self, record):
        return f"{record.student.student_no} {record.student.user.real_name}"

    def render_code(self, record):
        return f"{record.code} {record.get_code_display()}"

    def render_flags(self, record):
        badges = []
        if record.is_partner:
            badges.append(format_html('<span class="badge bg-blue-lt me-1">{}</span>',
                                      _("partner")))
        if record.is_placement_host:
            badges.append(format_html('<span class="badge bg-azure-lt me-1">{}</span>',
                                      _("placement host")))
        if record.in_province:
            badges.append(format_html('<span class="badge bg-teal-lt me-1">{}</span>',
                                      _("in province")))
        if record.employer_name and record.employer_id is None:
            badges.append(format_html('<span class="badge bg-orange-lt me-1">{}</span>',
                                      _("not registered")))
        return format_html_join("", "{}", ((b,) for b in badges)) if badges else "—"

    def render_verification(self, record):
        return verification_badge(record)
