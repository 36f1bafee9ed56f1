"""Forms of docking activities: the activity (its enterprises, departments, majors and agreement
chosen from the school's own), a follow-up, marking one done, and linking the resulting
agreement."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.core.models import School
from chanchuang.core.visibility import scope_of
from chanchuang.partners.models import Agreement
from chanchuang.talent.models import DockingEvent
from chanchuang.talent.queries.docking import follow_up_owners


def recording_schools(user):
    """The schools the user records docking activities for."""
    scope = scope_of(user)
    schools = School.objects.all()
    return schools if scope.is_admin else schools.filter(
        pk__in=scope.staff_schools | scope.department_schools)


class DockingEventForm(ScopedModelForm):
    """A docking activity. Its school is the one the user works at (chosen only by someone
    recording for several); every choice is limited to the school's own (and to what the user
    sees); the agreement must involve one of the enterprises (checked by the service)."""

    school = forms.ModelChoiceField(queryset=School.objects.all(),
                                    label=gettext_lazy("school"))

    class Meta:
        model = DockingEvent
        fields = ["kind", "title", "held_on", "location", "organisations", "departments",
                  "majors", "attendees", "outcome", "agreement"]
        widgets = {"held_on": DATE, "attendees": forms.Textarea(attrs={"rows": 4}),
                   "outcome": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        event = self.instance  # its school is settled by ScopedModelForm (or chosen)
        school_ids = ([event.school_id] if event.school_id
                      else list(recording_schools(self.user).values_list("pk", flat=True)))
        for name in ("organisations", "departments", "majors"):
            field = self.fields[name]
            field.queryset = field.queryset.filter(school_id__in=school_ids)
            field.widget.attrs["data-search"] = "true"
        self.fields["agreement"].queryset = self.fields["agreement"].queryset.filter(
            school_id__in=school_ids).order_by("-start_date", "pk")
        self.fields["agreement"].widget.attrs["data-search"] = "true"

    def clean(self):
        data = super().clean()
        if "school" in self.fields and data.get("school") is not None:
            self.instance.school = data["school"]
        return data

    def values(self) -> dict:
        """The cleaned values the services take (the school aside)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "school"}


class FollowUpForm(forms.Form):
    """Something to follow up, who owns it and by when."""

    action = forms.CharField(label=gettext_lazy("action"), max_length=200)
    owner = forms.ModelChoiceField(queryset=None, label=gettext_lazy("owner"))
    due_on = forms.DateField(label=gettext_lazy("due date"), widget=DATE)

    def __init__(self, *args, event: DockingEvent, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = follow_up_owners(event)
        self.fields["owner"].label_from_instance = lambda u: u.real_name or u.username


class FollowUpDoneForm(forms.Form):
    """What was done (optional)."""

    note = forms.CharField(label=gettext_lazy("note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class AgreementLinkForm(forms.Form):
    """The agreement an activity resulted in: one of the school's that an enterprise of the
    activity is party to (among those the user sees)."""

    agreement = forms.ModelChoiceField(queryset=None, label=gettext_lazy("resulting agreement"))

    def __init__(self, *args, event: DockingEvent, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        organisations = DockingEvent.organisations.through.objects.filter(
            dockingevent_id=event.pk).values("organisation_id")
        self.fields["agreement"].queryset = Agreement.objects.visible_to(user).filter(
            school_id=event.school_id,
            parties__organisation_id__in=organisations).distinct().order_by("-start_date", "pk")
