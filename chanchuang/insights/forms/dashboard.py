"""The dashboard's filter form: year, school (for whoever sees several), department and
industry college, every choice limited to what the user sees. It only draws the filters: the
selection itself is read by ``queries.dashboard.selection`` (a foreign id answers 404)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import IndustryCollege
from chanchuang.core.models import Department, School
from chanchuang.insights.queries.dashboard import Selection, years_around


class DashboardFilterForm(forms.Form):
    """What the board is about."""

    year = forms.TypedChoiceField(label=_("year"), coerce=int)
    school = forms.ModelChoiceField(label=_("school"), queryset=School.objects.none(),
                                    required=False, empty_label=_("All my schools"))
    department = forms.ModelChoiceField(label=_("department"),
                                        queryset=Department.objects.none(), required=False,
                                        empty_label=_("Whole school"))
    college = forms.ModelChoiceField(label=_("industry college"),
                                     queryset=IndustryCollege.objects.none(), required=False,
                                     empty_label=_("All"))

    def __init__(self, *, user, chosen: Selection) -> None:
        super().__init__(initial=chosen.query())
        self.fields["year"].choices = [(year, year) for year in years_around(chosen.year)]
        if len(chosen.schools) > 1:
            self.fields["school"].queryset = School.objects.filter(pk__in=chosen.schools)
        else:
            del self.fields["school"]
        departments = Department.objects.visible_to(user).filter(school_id__in=chosen.schools)
        self.fields["department"].queryset = departments
        if chosen.held:
            self.fields["department"].empty_label = None
        self.fields["college"].queryset = IndustryCollege.objects.visible_to(user).filter(
            school_id__in=chosen.schools)
