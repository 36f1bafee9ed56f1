"""Forms of the gap: the gap page's filters (horizon, department, industry college; the school
for someone who sees several), every choice limited to what the user sees."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import IndustryCollege
from chanchuang.core.models import Department, School
from chanchuang.talent.queries import gap as queries


class GapFilterForm(forms.Form):
    """What the gap is about. A choice the user may not see is refused as invalid, like one
    that does not exist; the page then shows the default."""

    horizon = forms.ChoiceField(label=_("Horizon"), choices=queries.HORIZON_CHOICES,
                                required=False)
    school = forms.ModelChoiceField(label=_("school"), queryset=School.objects.none(),
                                    required=False)
    department = forms.ModelChoiceField(label=_("department"),
                                        queryset=Department.objects.none(), required=False)
    college = forms.ModelChoiceField(label=_("industry college"),
                                     queryset=IndustryCollege.objects.none(), required=False)

    def __init__(self, data, *, user, schools: list[int]) -> None:
        data = data.copy()  # the default horizon shows as chosen when none is asked for
        data.setdefault("horizon", queries.DEFAULT_HORIZON)
        super().__init__(data)
        self.user = user
        self.schools = schools
        if len(schools) > 1:
            self.fields["school"].queryset = School.objects.filter(pk__in=schools)
        else:
            del self.fields["school"]
        self.fields["department"].queryset = Department.objects.visible_to(user).filter(
            school_id__in=schools)
        self.fields["college"].queryset = IndustryCollege.objects.visible_to(user).filter(
            school_id__in=schools)

    def scope(self, year: int | None = None) -> queries.GapScope:
        """The scope asked for (defaults where a value is missing or refused)."""
        data = self.cleaned_data if self.is_valid() else {}
        department = data.get("department")
        college = data.get("college")
        school = data.get("school")
        school_id = (department.school_id if department else college.school_id if college
                     else school.pk if school else self.schools[0])
        return queries.GapScope(school_id=school_id,
                                horizon=queries.horizon_of(data.get("horizon"), year),
                                department=department, college=college)
