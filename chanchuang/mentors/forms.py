"""Forms of the mentors app."""

from django import forms

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
