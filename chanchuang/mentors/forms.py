"""Forms of the mentors app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.core.models import Tag
from chanchuang.mentors.models import Activity, Appointment, Mentor
from chanchuang.partners.choices import IN_FORCE
from chanchuang.partners.models import Agreement


class MentorForm(ScopedModelForm):
    """A person in the mentor pool."""

    class Meta:
        model = Mentor
        fields = ["school", "name", "organisation", "job_title", "bio", "photo", "expertise",
                  "availability", "phone", "email", "user"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = Tag.objects.visible_to(self.user)
        self.fields["expertise"].widget.attrs["data-search"] = "true"


class AppointmentForm(ScopedModelForm):
    """Propose an appointment (or change a proposal)."""

    class Meta:
        model = Appointment
        fields = ["mentor", "title", "appointing_body", "duties", "start_date", "end_date",
                  "agreement"]
        widgets = {"start_date": DATE, "end_date": DATE,
                   "duties": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].queryset = self.fields["title"].queryset.in_use()
        self.fields["agreement"].queryset = Agreement.objects.visible_to(self.user).filter(
            status__in=IN_FORCE)

    def _get_validation_exclusions(self):
        # The school is the mentor's (set in ``clean``), never chosen.
        return {*super()._get_validation_exclusions(), "school"}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mentor"):
            self.instance.school_id = cleaned["mentor"].school_id
        return cleaned


class ActivityForm(forms.ModelForm):
    """A lecture, workshop, mentoring session or judging."""

    class Meta:
        model = Activity
        fields = ["kind", "title", "happened_on", "hours", "notes"]
        widgets = {"happened_on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}


class VerifyForm(forms.Form):
    """The serial and check code printed on a letter, typed in by whoever holds it."""

    serial = forms.CharField(label=_("letter serial number"), max_length=40,
                             widget=forms.TextInput(attrs={"placeholder": "1234-PS-2026-0001"}))
    check = forms.CharField(label=_("letter check code"), max_length=30,
                            widget=forms.TextInput(attrs={"placeholder": "XXXX-XXXX-XXXX-XXXX",
                                                          "autocomplete": "off"}))

    def code(self) -> str:
        """The verification code the letter's QR code carries."""
        return f"{self.cleaned_data['serial'].strip()}-{self.cleaned_data['check'].strip()}"
