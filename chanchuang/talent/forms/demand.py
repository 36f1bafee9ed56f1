"""Forms of talent demand: a demand with its job description, the skills the description
suggested (ticked, to untick the wrong ones) and skills added from the dictionary; closing a
demand as filled or withdrawn."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy, pgettext_lazy

from chanchuang.core.forms import ScopedModelForm
from chanchuang.core.models import Organisation
from chanchuang.core.visibility import scope_of
from chanchuang.talent.choices import DemandStatus
from chanchuang.talent.models import Demand, Skill


def declaring_organisations(user):
    """The organisations the user may declare demand for: a school's staff its partners, an
    enterprise member their own organisation."""
    scope = scope_of(user)
    organisations = Organisation.objects.visible_to(user)
    if scope.is_admin:
        return organisations
    if scope.staff_schools:
        return organisations.filter(school_id__in=scope.staff_schools)
    return organisations.filter(pk__in=scope.organisation_ids)


class DemandForm(ScopedModelForm):
    """A talent demand. ``suggested_skills`` are the suggestions the person keeps (the page
    shows them ticked); ``added_skills`` are further skills of the dictionary."""

    suggested_skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("suggested skills"))
    added_skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.all(), required=False, label=gettext_lazy("other skills"),
        help_text=gettext_lazy("Skills of the dictionary the description does not name."),
        widget=forms.SelectMultiple(attrs={"data-search": "true"}))

    class Meta:
        model = Demand
        fields = ["organisation", "post", "headcount", "timeframe", "majors", "pay_min",
                  "pay_max", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8}),
                   "majors": forms.SelectMultiple(attrs={"data-search": "true"})}
        labels = {"post": pgettext_lazy("demand", "post")}
        help_texts = {"description": gettext_lazy(
            "Paste the job description (responsibilities and requirements): the skills it "
            "names are suggested below.")}

    def __init__(self, *args, organisation=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = declaring_organisations(self.user)
        field.widget.attrs["data-search"] = "true"
        choices = list(field.queryset[:2])
        if len(choices) == 1:  # an enterprise member declares for their own organisation
            self.initial["organisation"] = choices[0].pk
            field.disabled = True
        elif organisation is not None and self.instance._state.adding:
            self.initial["organisation"] = organisation.pk
        skills = self.fields["suggested_skills"].queryset.select_related("school")
        self.fields["suggested_skills"].queryset = skills
        self.fields["added_skills"].queryset = skills
        if not self.instance._state.adding:
            rows = list(self.instance.demand_skills.all())
            self.initial.setdefault("suggested_skills",
                                    [r.skill_id for r in rows if r.suggested])
            self.initial.setdefault("added_skills",
                                    [r.skill_id for r in rows if not r.suggested])

    def values(self) -> dict:
        """The cleaned values the services take."""
        data = dict(self.cleaned_data)
        data["majors"] = list(data.get("majors") or [])
        data["suggested_skills"] = list(data.get("suggested_skills") or [])
        data["added_skills"] = list(data.get("added_skills") or [])
        return data


class CloseForm(forms.Form):
    """How a demand ends: filled, or withdrawn."""

    status = forms.ChoiceField(label=gettext_lazy("status"), choices=[
        (DemandStatus.FILLED, DemandStatus.FILLED.label),
        (DemandStatus.WITHDRAWN, DemandStatus.WITHDRAWN.label)])


class SuggestForm(forms.Form):
    """The text to suggest skills from (the suggestion endpoint), and optionally the
    organisation whose school's dictionary to use."""

    description = forms.CharField(required=False, max_length=20000)
    post = forms.CharField(required=False, max_length=100)
    organisation = forms.IntegerField(required=False)
