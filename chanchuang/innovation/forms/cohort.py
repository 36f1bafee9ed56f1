"""Forms used during the cohort."""

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.innovation.choices import AttendanceStatus
from chanchuang.mentors.models import Mentor


class CheckInForm(forms.Form):
    """The six digits shown in the room."""

    code = forms.CharField(label=_("check-in code"), max_length=6,
                           widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                         "autocomplete": "off"}))


class SubmissionForm(forms.Form):
    """A team's hand-in for a milestone."""

    content = forms.CharField(label=_("what we did"), widget=forms.Textarea(attrs={"rows": 3}))
    link = forms.URLField(label=_("link"), required=False, assume_scheme="https")


class FeedbackForm(forms.Form):
    """The mentor's feedback on a submission."""

    feedback = forms.CharField(label=_("mentor feedback"),
                               widget=forms.Textarea(attrs={"rows": 2}))


class PitchScoreForm(forms.Form):
    """A judge's demo-day score."""

    score = forms.DecimalField(label=_("score"), min_value=0, max_value=100, decimal_places=1)
    comment = forms.CharField(label=_("comment"), max_length=300, required=False)


class AssignMentorForm(forms.Form):
    """Staff place a team with a mentor by hand."""

    mentor = forms.ModelChoiceField(label=_("mentor"), queryset=Mentor.objects.none(),
                                    required=False,
                                    widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, school_id: int, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = Mentor.objects.visible_to(user).filter(
            school_id=school_id)


class CapacityForm(forms.Form):
    """How many of the cohort's teams a mentor can take."""

    capacity = forms.IntegerField(label=_("teams I can take"), min_value=1, max_value=20)


class CompletionForm(forms.Form):
    """Staff correct a student's completion of a finished cohort."""

    completed = forms.BooleanField(label=_("completed"), required=False)
    award = forms.CharField(label=_("award"), max_length=100, required=False)


ATTENDANCE_CHOICES = [("", "—"), *AttendanceStatus.choices]
