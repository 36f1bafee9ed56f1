"""Forms of industry colleges: the college, a member organisation, a programme and the
students added to it."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chanchuang.colleges.choices import MemberRole
from chanchuang.colleges.models import CollegeProgramme, IndustryCollege
from chanchuang.colleges.services.colleges import FOUNDING_TYPE, check_founding_agreement
from chanchuang.core.choices import Role
from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.core.models import Major, Organisation, Student, User
from chanchuang.core.services import DomainError
from chanchuang.core.visibility import scope_of
from chanchuang.partners.models import Agreement


def managed_colleges(user):
    """The colleges whose set-up the user manages (school staff; every one for an admin)."""
    colleges = IndustryCollege.objects.visible_to(user).select_related("school")
    scope = scope_of(user)
    return colleges if scope.is_admin else colleges.filter(school_id__in=scope.staff_schools)


class IndustryCollegeForm(ScopedModelForm):
    """Found an industry college (from its agreement) or change its description."""

    class Meta:
        model = IndustryCollege
        fields = ["school", "name", "founding_agreement", "founded_on", "closed_on", "dean",
                  "majors", "description"]
        widgets = {"founded_on": DATE, "closed_on": DATE,
                   "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["founding_agreement"].queryset = Agreement.objects.visible_to(
            self.user).filter(type__code=FOUNDING_TYPE)
        self.fields["founding_agreement"].help_text = gettext_lazy(
            "Its organisation parties become the college's members (牵头, 共建 or 参建 as in "
            "the agreement); the school is always the first party.")
        self.fields["dean"].queryset = User.objects.visible_to(self.user).filter(
            memberships__role__in=[Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF]).distinct()
        self.fields["majors"].queryset = Major.objects.visible_to(self.user)
        self.fields["majors"].widget.attrs["data-search"] = "true"
        if not self.instance._state.adding:
            del self.fields["founding_agreement"]

    def clean(self):
        cleaned = super().clean()
        agreement = cleaned.get("founding_agreement")
        school_id = self.instance.school_id or getattr(cleaned.get("school"), "pk", None)
        if agreement is not None and school_id is not None:
            try:
                check_founding_agreement(agreement, school_id)
            except DomainError as exc:
                self.add_error("founding_agreement", exc.message)
        majors = cleaned.get("majors") or []
        if school_id is not None and any(m.school_id != school_id for m in majors):
            self.add_error("majors", _("Choose majors of the school."))
        return cleaned


class MemberForm(forms.Form):
    """A member organisation and its role."""

    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(),
                                          label=gettext_lazy("organisation"))
    role = forms.ChoiceField(choices=MemberRole.choices, label=gettext_lazy("role"),
                             initial=MemberRole.CO_BUILDER)
    joined_on = forms.DateField(label=gettext_lazy("joined on"), required=False, widget=DATE)

    def __init__(self, *args, user, college, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user).filter(
            school_id=college.school_id).exclude(
            pk__in=college.members.values("organisation_id"))
        self.fields["organisation"].widget.attrs["data-search"] = "true"


class CollegeProgrammeForm(ScopedModelForm):
    """An order class, apprenticeship class or micro-major of a college."""

    class Meta:
        model = CollegeProgramme
        fields = ["college", "kind", "name", "major", "partner", "start_year", "places"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["college"].queryset = managed_colleges(self.user)
        if not self.instance._state.adding:
            del self.fields["college"]

    def clean(self):
        cleaned = super().clean()
        college = cleaned.get("college") or (self.instance.college
                                             if self.instance.college_id else None)
        partner = cleaned.get("partner")
        if college is not None and partner is not None and not college.members.filter(
                organisation=partner).exists():
            self.add_error("partner", _("Choose a member organisation of the college."))
        major = cleaned.get("major")
        if college is not None and major is not None and major.school_id != college.school_id:
            self.add_error("major", _("Choose a major of the school."))
        return cleaned


STUDENT_NUMBERS = re.compile(r"[\s,，、;；]+")


class ProgrammeStudentsForm(forms.Form):
    """Students to add to a programme: picked from the roster or pasted as student numbers."""

    students = forms.ModelMultipleChoiceField(queryset=Student.objects.none(), required=False,
                                              label=gettext_lazy("students"))
    student_numbers = forms.CharField(
        label=gettext_lazy("student numbers"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Paste student numbers separated by spaces, commas or lines."))

    def __init__(self, *args, user, programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.roster = Student.objects.visible_to(user).filter(
            school_id=programme.college.school_id)
        self.fields["students"].queryset = self.roster.select_related("user")
        self.fields["students"].widget.attrs["data-search"] = "true"
        self.fields["students"].label_from_instance = \
            lambda s: f"{s.student_no} {s.user.real_name}"

    def clean(self):
        cleaned = super().clean()
        chosen = list(cleaned.get("students") or [])
        numbers = [n for n in STUDENT_NUMBERS.split(cleaned.get("student_numbers", "")) if n]
        if numbers:
            found = {s.student_no: s for s in self.roster.filter(student_no__in=numbers)}
            unknown = [n for n in numbers if n not in found]
            if unknown:
                self.add_error("student_numbers", _("Not students of the school: %(numbers)s.")
                               % {"numbers": "、".join(unknown)})
            chosen += [found[n] for n in numbers if n in found]
        if not chosen and not self.errors:
            raise forms.ValidationError(_("Choose students or paste their student numbers."))
        cleaned["chosen"] = chosen
        return cleaned
