"""Forms of shared resources and bookings."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import Attendance
from chanchuang.colleges.models import CollegeProgramme, SharedResource
from chanchuang.core.forms import DATE, ScopedModelForm

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
WEEKDAYS = [("1", _("Monday")), ("2", _("Tuesday")), ("3", _("Wednesday")),
            ("4", _("Thursday")), ("5", _("Friday")), ("6", _("Saturday")), ("7", _("Sunday"))]


class SharedResourceForm(ScopedModelForm):
    """Describe a shared resource: what, whose, where, when open, on what terms."""

    open_days = forms.MultipleChoiceField(label=_("open days"), choices=WEEKDAYS,
                                          widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = SharedResource
        fields = ["college", "kind", "name", "owner", "location", "capacity", "opens_at",
                  "closes_at", "open_days", "needs_approval", "is_active", "rules",
                  "description", "photo"]
        widgets = {"opens_at": TIME, "closes_at": TIME,
                   "rules": forms.Textarea(attrs={"rows": 3}),
                   "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initial["open_days"] = list(self.instance.open_days or "")
        if not self.instance._state.adding:
            del self.fields["college"]  # a resource never moves to another college

    def clean_open_days(self) -> str:
        return "".join(sorted(set(self.cleaned_data["open_days"])))


class BookingForm(forms.Form):
    """Book a slot, or the same hours every week until a last day."""

    purpose = forms.CharField(label=_("purpose"), max_length=200)
    day = forms.DateField(label=_("date"), widget=DATE)
    starts = forms.TimeField(label=_("from"), widget=TIME)
    ends = forms.TimeField(label=_("to"), widget=TIME)
    people = forms.IntegerField(label=_("people"), min_value=1, initial=1)
    programme = forms.ModelChoiceField(label=_("for the programme"), required=False,
                                       queryset=CollegeProgramme.objects.none())
    weekly = forms.BooleanField(label=_("Repeat every week"), required=False)
    last_day = forms.DateField(label=_("until"), required=False, widget=DATE,
                               help_text=_("The last day of a weekly series (e.g. the end of "
                                           "the semester)."))
    free_only = forms.BooleanField(label=_("Book the free ones"), required=False,
                                   help_text=_("If some dates of the series are taken, book "
                                               "the others."))

    def __init__(self, *args, resource: SharedResource, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = CollegeProgramme.objects.visible_to(user).filter(
            college_id=resource.college_id)

    def clean(self):
        data = super().clean()
        if data.get("weekly") and not data.get("last_day"):
            self.add_error("last_day", _("Give the last day of the weekly series."))
        return data


class DecisionForm(forms.Form):
    """Approve or refuse: a note, and whether for the whole series."""

    note = forms.CharField(label=_("note"), max_length=200, required=False)
    whole_series = forms.BooleanField(label=_("The whole series"), required=False)


class CancelForm(forms.Form):
    """Cancel one booking or what remains of its series."""

    whole_series = forms.BooleanField(label=_("The whole series"), required=False)


class UseForm(forms.Form):
    """What happened in the slot."""

    attendance = forms.ChoiceField(label=_("use"), choices=Attendance.choices)
