"""Forms of intake: the application form (with the cohort's own questions) and the review form
(one score per criterion of the rubric)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Student
from chanchuang.core.services import DomainError
from chanchuang.innovation.choices import ApplicationStatus, QuestionKind
from chanchuang.innovation.models import Application, Cohort, Review
from chanchuang.innovation.services import intake


class ApplicationForm(forms.Form):
    """Apply alone, or as a team's lead with the members' student numbers and a project."""

    team_name = forms.CharField(label=_("team name"), max_length=100, required=False,
                                help_text=_("Only for a team."))
    members = forms.CharField(
        label=_("team members"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The other members' student numbers, one per line or separated by "
                    "commas; leave empty to apply alone."))
    project_title = forms.CharField(label=_("project"), max_length=200, required=False)
    project_summary = forms.CharField(label=_("project idea"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, cohort: Cohort, lead: Student, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cohort, self.lead = cohort, lead
        for question in cohort.questions.all():
            name = f"q_{question.pk}"
            if question.kind == QuestionKind.CHOICE:
                field = forms.ChoiceField(choices=[("", "—")] + [(o, o) for o in
                                                                 question.option_list])
            else:
                field = forms.CharField(max_length=2000, widget=forms.Textarea(
                    attrs={"rows": 3}) if question.kind == QuestionKind.LONG else None)
            field.label, field.required = question.prompt, question.required
            self.fields[name] = field

    def clean_members(self) -> list[Student]:
        numbers = [n.strip() for n in self.cleaned_data["members"].replace("，", ",")
                   .replace("\n", ",").split(",") if n.strip()]
        try:
            return intake.students_by_number(self.cohort.school_id, numbers)
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from None

    def answers(self) -> dict[str, str]:
        """The answers keyed by question id, as the service takes them."""
        return {name[2:]: value for name, value in self.cleaned_data.items()
                if name.startswith("q_")}


class ReviewForm(forms.Form):
    """One score per criterion of the rubric, and a comment."""

    comment = forms.CharField(label=_("comment"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, review: Review, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        fields = {}
        for criterion in review.application.cohort.criteria.all():
            fields[f"score_{criterion.pk}"] = forms.DecimalField(
                label=f"{criterion.name}（{_('weight')} {criterion.weight:g}）",
                help_text=criterion.description, min_value=0, max_value=criterion.max_score,
                decimal_places=1, initial=review.scores.get(str(criterion.pk)),
                widget=forms.NumberInput(attrs={"step": "0.5", "min": 0,
                                                "max": criterion.max_score}))
        self.fields = {**fields, **self.fields}
        self.fields["comment"].initial = review.comment

    def scores(self) -> dict[str, str]:
        """The scores keyed by criterion id, as the service takes them."""
        return {name[6:]: value for name, value in self.cleaned_data.items()
                if name.startswith("score_")}


class ConflictForm(forms.Form):
    """Why a reviewer must not review an application."""

    conflict_reason = forms.CharField(label=_("conflict of interest"), max_length=200,
                                      help_text=_("e.g. a relative, or a student I supervise"))


class AcceptancesForm(forms.Form):
    """The offers of a cohort whose students accepted outside the platform."""

    applications = forms.ModelMultipleChoiceField(
        label=_("accepted offers"), queryset=Application.objects.none(),
        error_messages={"required": _("Tick the offers the students accepted.")})

    def __init__(self, *args, cohort: Cohort, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = cohort.applications.filter(
            status=ApplicationStatus.SELECTED).select_related("cohort", "lead__user")
