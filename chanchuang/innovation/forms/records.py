"""Forms of the innovation record: a credit, the conversion table, competitions, start-ups."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.innovation.choices import CreditCategory
from chanchuang.innovation.models import Competition, Credit, CreditRule, Startup


def distinct_projects(form: ScopedModelForm) -> None:
    """Each visible project once in the form's choices (a project's students are a join)."""
    form.fields["project"].queryset = form.fields["project"].queryset.distinct()


class CreditForm(ScopedModelForm):
    """A line of a student's record; without credits the conversion table decides. Bootcamp
    lines are not typed in: they come with the cohort the student completed."""

    class Meta:
        model = Credit
        fields = ["student", "category", "title", "earned_on", "competition", "award",
                  "project", "credits"]
        widgets = {"earned_on": DATE}
        labels = {"title": pgettext_lazy("credit", "title")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        distinct_projects(self)
        self.fields["student"].queryset = self.fields["student"].queryset.select_related("user")
        self.fields["category"].choices = [
            (value, label) for value, label in self.fields["category"].choices
            if value != CreditCategory.BOOTCAMP]
        self.fields["credits"].required = False
        self.fields["credits"].help_text = _("Leave empty: the school's conversion table "
                                             "decides (by category, competition level and "
                                             "award).")
        self.fields["award"].help_text = _("e.g. 一等奖, as in the conversion table")
        self.fields["project"].help_text = _("Of several credits for one project, only the "
                                             "highest counts.")


class CreditRuleForm(ScopedModelForm):
    """A line of the school's conversion table."""

    class Meta:
        model = CreditRule
        fields = ["school", "category", "level", "award", "credits"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].help_text = _("For competitions; empty: any level.")


class CompetitionForm(ScopedModelForm):
    """A competition of a given year."""

    class Meta:
        model = Competition
        fields = ["school", "name", "level", "year"]


class StartupForm(ScopedModelForm):
    """A company students registered, with its founders."""

    class Meta:
        model = Startup
        fields = ["school", "name", "credit_code", "registered_on", "project", "founders",
                  "funding", "jobs", "notes"]
        widgets = {"registered_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        distinct_projects(self)
        founders = self.fields["founders"]
        founders.queryset = founders.queryset.select_related("user")
        founders.widget.attrs["data-search"] = "true"
        founders.help_text = _("Each founder earns the start-up credit of the conversion table "
                               "(if it has one).")

    def clean_credit_code(self) -> str:
        return self.cleaned_data["credit_code"].strip().upper()
