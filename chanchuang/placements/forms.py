"""Forms of the placements app; choices limited to what the user may see."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.core.forms import DATE, DATETIME, ScopedModelForm
from chanchuang.core.models import Organisation
from chanchuang.core.uploads import CheckedFileField
from chanchuang.partners.choices import IN_FORCE
from chanchuang.partners.models import Agreement
from chanchuang.placements.models import (
    InsurancePolicy,
    Placement,
    PlanBlock,
    Position,
    SelectionRound,
    TrainingPlan,
)
from chanchuang.placements.services import RUBRIC


class TrainingPlanForm(ScopedModelForm):
    """A plan and its cohort."""

    class Meta:
        model = TrainingPlan
        fields = ["school", "name", "enrolment_year", "department", "major", "school_class",
                  "log_every_days"]


class BlockForm(forms.ModelForm):
    """A block of the plan's calendar."""

    class Meta:
        model = PlanBlock
        fields = ["kind", "title", "start_date", "end_date"]
        widgets = {"start_date": DATE, "end_date": DATE}


class PositionForm(ScopedModelForm):
    """A position an enterprise offers, with the conditions the compliance gates check."""

    class Meta:
        model = Position
        fields = ["plan", "organisation", "agreement", "title", "description", "track", "seats",
                  "location", "working_hours", "shift", "overtime", "holiday_work", "venue",
                  "via_agency", "labour_intensity", "unsuitable_for_minors",
                  "unsuitable_for_women", "post_headcount", "required_majors", "stipend",
                  "probation_wage", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = Agreement.objects.visible_to(self.user).filter(
            status__in=IN_FORCE).exclude(type__code="internship_tripartite")
        self.fields["organisation"].queryset = Organisation.objects.visible_to(self.user)

    def clean(self):
        data = super().clean()
        agreement, organisation = data.get("agreement"), data.get("organisation")
        if agreement and organisation and not agreement.parties.filter(
                organisation=organisation).exists():
            self.add_error("agreement", _("Covering agreement: the enterprise is not a party "
                                          "to it."))
        plan = data.get("plan") or getattr(self.instance, "plan", None)
        if plan and organisation and organisation.school_id != plan.school_id:
            self.add_error("organisation", _("Enterprise: it is not a partner of the plan's "
                                             "school."))
        return data


class RoundForm(forms.ModelForm):
    """Open a round: deadlines and how many choices each student makes."""

    class Meta:
        model = SelectionRound
        fields = ["choices_deadline", "rankings_deadline", "max_choices"]
        widgets = {"choices_deadline": DATETIME, "rankings_deadline": DATETIME}


class PlacementRecordsForm(ScopedModelForm):
    """The school's records of a placement: supervisor, enterprise mentor, insurance, consent."""

    class Meta:
        model = Placement
        fields = ["supervisor", "mentor_name", "mentor_email", "insurance", "guardian_consent"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["insurance"].queryset = InsurancePolicy.objects.visible_to(self.user)
        self.fields["supervisor"].queryset = self.fields["supervisor"].queryset.filter(
            memberships__school_id=self.instance.school_id).distinct()


class TripartiteForm(forms.Form):
    """The signed three-party agreement of a placement."""

    signed_on = forms.DateField(label=_("signed on"), widget=DATE)
    scan = CheckedFileField(label=_("scanned copy (PDF or image)"), policy="document",
                            required=False)


class LogForm(forms.Form):
    """A milestone log."""

    period_start = forms.DateField(label=_("period from"), widget=DATE)
    period_end = forms.DateField(label=_("period to"), widget=DATE)
    content = forms.CharField(label=_("what I did and learned"),
                              widget=forms.Textarea(attrs={"rows": 5}))
    attachment = CheckedFileField(label=_("attachment"), policy="document", required=False)


class SignOffForm(forms.Form):
    """Sign off or return logs."""

    approved = forms.TypedChoiceField(label=_("decision"), coerce=lambda v: v == "yes",
                                      choices=[("yes", _("Sign off")),
                                               ("no", _("Return for changes"))])
    comment = forms.CharField(label=_("comment"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    signer_name = forms.CharField(label=_("your name"), max_length=50, required=False)


RUBRIC_LABELS = {
    "professional_ethics": _("Professional ethics"),
    "skills": _("Professional skills"),
    "attitude": _("Attitude to work"),
    "teamwork": _("Teamwork"),
    "innovation": _("Innovation"),
}


class EvaluationForm(forms.Form):
    """Scores (0–100) for every criterion of the rubric."""

    comment = forms.CharField(label=_("comment"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, weight in RUBRIC.items():
            self.fields[name] = forms.IntegerField(
                label=f"{RUBRIC_LABELS[name]}（{int(weight * 100)}%）", min_value=0,
                max_value=100)
        self.order_fields([*RUBRIC, "comment"])

    def scores(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name in RUBRIC}


class InsurancePolicyForm(ScopedModelForm):
    """An internship liability insurance policy."""

    class Meta:
        model = InsurancePolicy
        fields = ["school", "number", "insurer", "payer", "start_date", "end_date"]
        widgets = {"start_date": DATE, "end_date": DATE}


