"""Forms of the core app. Every choice list is limited to what the user may see."""

from __future__ import annotations

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import RegionLevel, Role
from chanchuang.core.identifiers import validate_id_number, validate_phone
from chanchuang.core.models import (
    Department,
    Major,
    Membership,
    Region,
    School,
    SchoolClass,
    Student,
)
from chanchuang.core.visibility import scope_of

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ScopedModelForm(forms.ModelForm):
    """A model form for a user: related choices limited to ``visible_to(user)``.

    The tenant is set, not chosen: a new object goes to the one school the user manages (the
    ``school`` field is shown only to someone managing several), and never moves afterwards.
    """

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset, "visible_to"):
                field.queryset = queryset.visible_to(user)
        if "school" in self.fields:
            self._settle_school()

    def _get_validation_exclusions(self):
        # The school is set rather than chosen, but uniqueness within it must still be checked.
        exclusions = super()._get_validation_exclusions()
        exclusions.discard("school")
        return exclusions

    def _settle_school(self) -> None:
        if not self.instance._state.adding:
            del self.fields["school"]
            return
        scope = scope_of(self.user)
        managed = self.fields["school"].queryset
        if not scope.is_admin:
            managed = managed.filter(pk__in=scope.staff_schools | scope.department_schools)
        self.fields["school"].queryset = managed
        schools = list(managed[:2])
        if len(schools) == 1:
            self.instance.school = schools[0]
            del self.fields["school"]


class DepartmentForm(ScopedModelForm):
    """Create or change a department."""

    class Meta:
        model = Department
        fields = ["school", "name", "code"]


class MajorForm(ScopedModelForm):
    """Create or change a major."""

    class Meta:
        model = Major
        fields = ["school", "department", "code", "name", "level", "duration_years"]


class SchoolClassForm(ScopedModelForm):
    """Create or change a class."""

    class Meta:
        model = SchoolClass
        fields = ["school", "major", "name", "enrolment_year"]


class StudentForm(ScopedModelForm):
    """Create or change a student with their name and contact details.

    The ID number field is offered only to those allowed to see it; the others leave it as is.
    """

    real_name = forms.CharField(label=_("real name"), max_length=50)
    phone = forms.CharField(label=_("phone"), max_length=11, required=False,
                            validators=[validate_phone])
    id_number = forms.CharField(label=_("ID card number"), max_length=18, required=False,
                                validators=[validate_id_number])

    class Meta:
        model = Student
        fields = ["school", "student_no", "real_name", "gender", "department", "major",
                  "school_class", "enrolment_year", "date_of_birth", "status", "phone",
                  "id_number"]
        widgets = {"date_of_birth": DATE}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        student = self.instance
        if not student._state.adding:
            for name in ("real_name", "phone", "id_number"):
                self.initial[name] = getattr(student.user, name)
        for name, permission in (("phone", "core.view_phone"),
                                 ("id_number", "core.view_id_number")):
            if not student._state.adding and not self.user.has_perm(permission, student):
                del self.fields[name]
        self.fields["school_class"].queryset = self.fields["school_class"].queryset.select_related(
            "major")

    def clean_id_number(self) -> str:
        return self.cleaned_data["id_number"].strip().upper()

    def person(self) -> dict[str, str]:
        """The login fields the form edits, for ``save_student``."""
        return {name: self.cleaned_data[name] for name in ("real_name", "phone", "id_number")
                if name in self.fields}


class MembershipForm(ScopedModelForm):
    """Give a person a role; which of school, department, organisation applies depends on it."""

    class Meta:
        model = Membership
        fields = ["role", "school", "department", "organisation", "province"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Region.objects.filter(level=RegionLevel.PROVINCE)
        if not scope_of(self.user).is_admin:
            # School staff hand out roles within their school only.
            self.fields["role"].choices = [
                (value, label) for value, label in self.fields["role"].choices
                if value not in (Role.PLATFORM_ADMIN, Role.OBSERVER)
            ]
            del self.fields["province"]

    def _settle_school(self) -> None:
        # A membership's school is chosen among those the user manages, never fixed silently:
        # an observer or platform admin role has no school at all.
        scope = scope_of(self.user)
        if not scope.is_admin:
            self.fields["school"].queryset = School.objects.filter(pk__in=scope.staff_schools)


class TablerFormRenderer(TemplatesSetting):
    """Renders every form with Tabler's markup (labels, hints, errors under the field)."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
