"""Forms of the showcase: exhibitions, the items staff propose, and the team's consent."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.innovation.forms.records import distinct_projects
from chanchuang.innovation.models import Exhibition, ShowcaseItem
from chanchuang.innovation.queries.showcase import shown_names


class ExhibitionForm(ScopedModelForm):
    """An exhibition of projects."""

    class Meta:
        model = Exhibition
        fields = ["school", "name", "held_on", "place", "description"]
        widgets = {"held_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}


class ShowcaseItemForm(ScopedModelForm):
    """A project proposed for the public showcase. The picture is checked (a real JPEG, PNG or
    WebP of at most 5 MB) and stored without its metadata."""

    class Meta:
        model = ShowcaseItem
        fields = ["school", "project", "exhibition", "title", "summary", "image"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
        labels = {"summary": pgettext_lazy("showcase item", "summary")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        distinct_projects(self)
        self.fields["image"].help_text = _("JPEG, PNG or WebP, at most 5 MB. Changing the "
                                           "title, summary, picture or project after the team "
                                           "consented asks for their consent again.")


class ConsentForm(forms.Form):
    """A student of the project agrees to the item being shown, ticking the names to show
    (only the team's own; none is fine)."""

    names = forms.MultipleChoiceField(
        label=_("names shown"), required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("%(value)s is not on the project; only the team's "
                                            "own names can be shown.")})

    def __init__(self, *args, item: ShowcaseItem, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        team = [s.user.real_name for s in item.project.students.select_related("user")]
        self.fields["names"].choices = [(name, name) for name in dict.fromkeys(team)]
        self.fields["names"].initial = [name for name in shown_names(item.display_names)
                                        if name in team]
