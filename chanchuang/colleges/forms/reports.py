"""Forms of the annual reports: a new report (college and year) with its narrative, and the
narrative of a draft."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chanchuang.colleges.models import AnnualReport, IndustryCollege
from chanchuang.colleges.queries.indicators import years_of
from chanchuang.core.forms import ScopedModelForm
from chanchuang.core.visibility import scope_of


class AnnualReportForm(ScopedModelForm):
    """Create a report for one of the colleges the user manages, or change a draft's
    narrative (the college and year stay as they are)."""

    class Meta:
        model = AnnualReport
        fields = ["college", "year", "summary", "achievements", "problems", "plans"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            del self.fields["college"]
            del self.fields["year"]
            return
        scope = scope_of(self.user)
        if not scope.is_admin:
            self.fields["college"].queryset = self.fields["college"].queryset.filter(
                school_id__in=scope.staff_schools)

    def clean(self):
        cleaned = super().clean()
        college: IndustryCollege | None = cleaned.get("college")
        year = cleaned.get("year")
        if college is not None and year is not None and year not in years_of(college):
            years = years_of(college)
            self.add_error("year", _("%(year)s is not a year of this industry college "
                                     "(%(first)s to %(last)s).")
                           % {"year": year, "first": years[0], "last": years[-1]})
        return cleaned
