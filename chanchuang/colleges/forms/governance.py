"""Forms of governance: a council or committee, a seat, a meeting, a decision and its
closing, a meeting paper."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy, pgettext_lazy

from chanchuang.colleges.forms.colleges import managed_colleges
from chanchuang.colleges.models import Council, CouncilSeat, Meeting
from chanchuang.colleges.queries.colleges import insider_users
from chanchuang.colleges.services.governance import check_in_life
from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.core.models import Organisation
from chanchuang.core.services import DomainError
from chanchuang.core.uploads import CheckedFileField


class CouncilForm(ScopedModelForm):
    """A council (理事会) or management committee of a college."""

    class Meta:
        model = Council
        fields = ["college", "kind", "name", "charter"]
        widgets = {"charter": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["college"].queryset = managed_colleges(self.user)
        if not self.instance._state.adding:
            del self.fields["college"]


class SeatForm(forms.ModelForm):
    """A person's seat: their party, post and term, and their login if they have one."""

    class Meta:
        model = CouncilSeat
        fields = ["name", "organisation", "job_title", "post", "term_start", "term_end", "user"]
        widgets = {"term_start": DATE, "term_end": DATE}

    def __init__(self, *args, user, council, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        college = council.college
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user).filter(
            pk__in=college.members.values("organisation_id"))
        self.fields["user"].queryset = insider_users(college)
        self.fields["user"].required = False


class MeetingForm(ScopedModelForm):
    """A meeting with its agenda and minutes."""

    class Meta:
        model = Meeting
        fields = ["council", "title", "held_on", "place", "agenda", "minutes"]
        widgets = {"held_on": DATE, "agenda": forms.Textarea(attrs={"rows": 4}),
                   "minutes": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = Council.objects.visible_to(self.user).filter(
            college__in=managed_colleges(self.user)).select_related("college")
        if not self.instance._state.adding:
            del self.fields["council"]

    def clean(self):
        cleaned = super().clean()
        council = cleaned.get("council") or (self.instance.council
                                             if self.instance.council_id else None)
        if council is not None and cleaned.get("held_on"):
            try:
                check_in_life(council.college, cleaned["held_on"], "held_on",
                              str(self.fields["held_on"].label))
            except DomainError as exc:
                self.add_error("held_on", exc.message)
        return cleaned


class DecisionForm(forms.Form):
    """What a meeting decided, who carries it out and by when."""

    text = forms.CharField(label=pgettext_lazy("meeting", "decision"), max_length=300)
    owner = forms.ModelChoiceField(queryset=None, label=gettext_lazy("owner"))
    due_on = forms.DateField(label=gettext_lazy("due date"), widget=DATE)

    def __init__(self, *args, meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = insider_users(meeting.council.college)
        self.fields["owner"].label_from_instance = lambda u: u.real_name or u.username


class DecisionCloseForm(forms.Form):
    """What was done about a decision (or why it is dropped)."""

    outcome = forms.CharField(label=gettext_lazy("outcome"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))


class PaperForm(forms.Form):
    """A paper of a meeting."""

    file = CheckedFileField(label=gettext_lazy("file (PDF, PNG or JPEG)"), policy="document")
    description = forms.CharField(label=gettext_lazy("description"), max_length=200,
                                  required=False)
