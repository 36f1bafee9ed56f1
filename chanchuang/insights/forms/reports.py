"""Forms of the reports handed upward: a build request (report and year, and the school for
someone managing several) and a year's narrative of the annual partnership report."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.core.forms import ScopedModelForm
from chanchuang.core.models import School
from chanchuang.core.visibility import scope_of
from chanchuang.insights.choices import ReportKind
from chanchuang.insights.models import PartnershipNarrative
from chanchuang.insights.services.reports import years


def managed_schools(user):
    """The schools whose reports the user builds: their staff schools (every one for an
    admin)."""
    scope = scope_of(user)
    schools = School.objects.order_by("name")
    return schools if scope.is_admin else schools.filter(pk__in=scope.staff_schools)


class ReportRequestForm(forms.Form):
    """Which report to build, for which year (and school, for someone managing several)."""

    kind = forms.ChoiceField(label=_("report"), choices=ReportKind.choices)
    year = forms.TypedChoiceField(label=_("year"), coerce=int)
    school = forms.ModelChoiceField(label=_("school"), queryset=School.objects.none())

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years()]
        self.fields["year"].initial = timezone.localdate().year
        schools = managed_schools(user)
        self.fields["school"].queryset = schools
        found = list(schools[:2])
        self.only_school = found[0] if len(found) == 1 else None
        if self.only_school is not None:
            del self.fields["school"]

    def chosen_school(self) -> School:
        return self.only_school or self.cleaned_data["school"]


class NarrativeForm(ScopedModelForm):
    """The sections staff write of a year's annual partnership report."""

    class Meta:
        model = PartnershipNarrative
        fields = ["summary", "achievements", "problems", "plans"]
        widgets = {name: forms.Textarea(attrs={"rows": 6})
                   for name in ("summary", "achievements", "problems", "plans")}
