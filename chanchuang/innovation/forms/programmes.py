"""Forms of programmes and cohorts, and of the parts staff set up for a cohort."""

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Role
from chanchuang.core.forms import DATE, DATETIME, ScopedModelForm
from chanchuang.core.models import Department, User
from chanchuang.core.queries import school_people
from chanchuang.core.services import DomainError
from chanchuang.core.visibility import scope_of
from chanchuang.innovation.models import (
    Cohort,
    CohortMentor,
    Criterion,
    DepartmentQuota,
    Milestone,
    Programme,
    Question,
    Reviewer,
    Session,
)
from chanchuang.innovation.models.programmes import CohortPart
from chanchuang.mentors.models import Mentor


class ProgrammeForm(ScopedModelForm):
    """A programme, e.g. 双创特训营."""

    class Meta:
        model = Programme
        fields = ["school", "name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


JUDGE_ROLES = [Role.SCHOOL_STAFF, Role.MENTOR]


class CohortForm(ScopedModelForm):
    """A cohort's dates, capacity and the rules of its intake."""

    class Meta:
        model = Cohort
        fields = ["programme", "number", "starts_on", "ends_on", "applications_open_at",
                  "applications_close_at", "capacity", "max_team_size",
                  "reviews_per_application", "avoid_own_department", "reply_days", "credits",
                  "completion_attendance", "demo_day", "judges"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "demo_day": DATE,
                   "applications_open_at": DATETIME, "applications_close_at": DATETIME}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_of(self.user)
        schools = None if scope.is_admin else scope.staff_schools
        self.fields["judges"].queryset = (
            User.objects.filter(memberships__role__in=JUDGE_ROLES).distinct()
            if schools is None else User.objects.filter(
                memberships__school_id__in=schools,
                memberships__role__in=JUDGE_ROLES).distinct())
        self.fields["judges"].widget.attrs["data-search"] = "true"
        if self.instance.pk:  # a cohort never changes programme
            del self.fields["programme"]

    def _get_validation_exclusions(self):
        return {*super()._get_validation_exclusions(), "school"}

    def clean_programme(self):
        programme = self.cleaned_data["programme"]
        if not self.user.has_perm("innovation.change_programme", programme):
            raise forms.ValidationError(_("Programme: not one you manage."))
        return programme


class CohortPartForm(forms.ModelForm):
    """A part of a cohort: its choice lists are limited to the cohort's school (the part's own
    ``clean`` checks it)."""

    def __init__(self, *args, cohort: Cohort, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        self.instance.cohort = cohort
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and queryset.model in (Department, Mentor):
                field.queryset = queryset.filter(school_id=cohort.school_id)
            elif queryset is not None and queryset.model is User:
                field.queryset = school_people(cohort.school_id)


class QuotaForm(CohortPartForm):
    """At most so many students from one department."""

    class Meta:
        model = DepartmentQuota
        fields = ["department", "seats"]


class QuestionForm(CohortPartForm):
    """A question of the application form."""

    class Meta:
        model = Question
        fields = ["prompt", "kind", "options", "required", "position"]


class CriterionForm(CohortPartForm):
    """A criterion of the rubric."""

    class Meta:
        model = Criterion
        fields = ["name", "description", "weight", "max_score", "position"]


class ReviewerForm(CohortPartForm):
    """A reviewer (staff member or mentor with a login) and their department."""

    class Meta:
        model = Reviewer
        fields = ["user", "department"]


class SessionForm(CohortPartForm):
    """A curriculum session."""

    class Meta:
        model = Session
        fields = ["topic", "mentor", "starts_at", "ends_at", "place"]
        widgets = {"starts_at": DATETIME, "ends_at": DATETIME}


class MilestoneForm(CohortPartForm):
    """A milestone every team hands in."""

    class Meta:
        model = Milestone
        fields = ["title", "description", "due_on"]
        widgets = {"due_on": DATE, "description": forms.Textarea(attrs={"rows": 2})}


class CohortMentorForm(CohortPartForm):
    """A mentor of the pool offered to the cohort's teams."""

    class Meta:
        model = CohortMentor
        fields = ["mentor", "capacity"]


PART_FORMS = {  # kind in the URL → (form, label)
    "quota": (QuotaForm, _("department quota")),
    "question": (QuestionForm, _("question")),
    "criterion": (CriterionForm, _("criterion")),
    "reviewer": (ReviewerForm, _("reviewer")),
    "session": (SessionForm, _("session")),
    "milestone": (MilestoneForm, _("milestone")),
    "mentor": (CohortMentorForm, _("cohort mentor")),
}


def part_from(kind: str, cohort: Cohort, data) -> CohortPart:
    """The unsaved part of a cohort that the fields of its form describe (the cohort page's and
    the API's); a ``DomainError`` names every invalid field."""
    form = PART_FORMS[kind][0](data, cohort=cohort)
    if not form.is_valid():
        raise DomainError("；".join(
            f"{form.fields[name].label}：{error}" if name in form.fields else str(error)
            for name, errors in form.errors.items() for error in errors))
    return form.instance
