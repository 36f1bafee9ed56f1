"""Forms of co-developed work: a contribution with the fields of its kind, and the note a
contribution is returned with."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy

from chanchuang.colleges.choices import ContributionKind
from chanchuang.colleges.models import CollegeProgramme, Contribution, IndustryCollege
from chanchuang.colleges.services.work import APPOINTED, KIND_FIELDS, NO_AMOUNT, SPECIFIC
from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.core.models import Organisation
from chanchuang.core.visibility import scope_of
from chanchuang.mentors.models import Appointment


def recording_colleges(user):
    """The colleges the user may record work in: school staff their school's, an enterprise
    member those their organisation is a member of."""
    colleges = IndustryCollege.objects.visible_to(user).select_related("school")
    scope = scope_of(user)
    if scope.is_admin:
        return colleges
    return colleges.filter(Q(school_id__in=scope.staff_schools)
                           | Q(members__organisation_id__in=scope.organisation_ids)).distinct()


class ContributionForm(ScopedModelForm):
    """A piece of co-developed work. With ``kind`` given (``?kind=`` on the add page) the form
    has only that kind's fields; otherwise it has all of them and the page's script shows
    those of the chosen kind (each kind-specific field says its kinds in ``data-kinds``)."""

    confirm = forms.BooleanField(label=gettext_lazy("confirm it at once"), required=False,
                                 initial=True)

    class Meta:
        model = Contribution
        fields = ["college", "kind", "title", "organisation", "programme", "happened_on",
                  "amount", "authors", "is_core_course", "is_practice_course", "publisher",
                  "isbn", "appointment", "client", "description", "evidence"]
        widgets = {"happened_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, kind: str | None = None, college=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        user = self.user
        scope = scope_of(user)
        colleges = recording_colleges(user)
        self.fields["college"].queryset = colleges
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user).filter(
            college_memberships__college__in=colleges).distinct()
        self.fields["organisation"].empty_label = gettext_lazy("the school itself")
        if not (scope.is_admin or scope.staff_schools):
            self.fields["organisation"].queryset = self.fields["organisation"].queryset.filter(
                pk__in=scope.organisation_ids)
            self.fields["organisation"].required = True
            self.fields["evidence"].required = True
        self.fields["programme"].queryset = CollegeProgramme.objects.visible_to(user).filter(
            college__in=colleges)
        self.fields["appointment"].queryset = Appointment.objects.visible_to(user).filter(
            status__in=APPOINTED, mentor__organisation__isnull=False).select_related(
            "mentor", "title")
        self.fields["appointment"].label_from_instance = \
            lambda a: f"{a.mentor.name}（{a.title}，{a.start_date}—{a.end_date}）"
        self.fields["client"].queryset = Organisation.objects.visible_to(user)
        self.fields["client"].widget.attrs["data-search"] = "true"
        if not self.instance._state.adding:
            del self.fields["college"]
            del self.fields["kind"]
            kind = self.instance.kind
        elif college is not None:
            self.initial["college"] = college.pk
        if not self.instance._state.adding or not (scope.is_admin or scope.staff_schools):
            del self.fields["confirm"]
        if kind in ContributionKind.values:
            self.initial["kind"] = kind
            if "kind" in self.fields:
                self.fields["kind"].widget = forms.HiddenInput()
            for name in SPECIFIC:
                if name not in KIND_FIELDS[kind]:
                    del self.fields[name]
            if kind in NO_AMOUNT:
                del self.fields["amount"]
        else:
            for name in SPECIFIC:
                kinds = " ".join(k for k, names in KIND_FIELDS.items() if name in names)
                self.fields[name].widget.attrs["data-kinds"] = kinds
            self.fields["amount"].widget.attrs["data-kinds"] = " ".join(
                k for k in ContributionKind.values if k not in NO_AMOUNT)
        if "kind" in self.fields and not isinstance(self.fields["kind"].widget,
                                                    forms.HiddenInput):
            self.fields["kind"].widget.attrs["data-kind-switch"] = "true"

    def _get_validation_exclusions(self):
        # The service checks the kind's rules and the evidence with its own messages.
        return {*super()._get_validation_exclusions(), "evidence"}

    def values(self) -> dict:
        """The cleaned values the services take."""
        return {name: value for name, value in self.cleaned_data.items()
                if name not in ("college", "confirm")}


class ReturnForm(forms.Form):
    """Why a contribution is returned."""

    note = forms.CharField(label=gettext_lazy("note"), max_length=300,
                           widget=forms.Textarea(attrs={"rows": 2}))
