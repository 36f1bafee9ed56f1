"""Forms of the supply: a certificate (a student's own, or recorded by staff for a student),
and the reason a certificate is not accepted."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.core.visibility import scope_of
from chanchuang.talent.models import Certificate, Skill


class CertificateForm(ScopedModelForm):
    """A certificate; staff and department staff choose the student, a student records their
    own."""

    class Meta:
        model = Certificate
        fields = ["student", "kind", "name", "level", "issuer", "number", "issued_on",
                  "skills", "scan"]
        widgets = {"issued_on": DATE,
                   "student": forms.Select(attrs={"data-search": "true"}),
                   "skills": forms.SelectMultiple(attrs={"data-search": "true"})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_of(self.user)
        self.fields["skills"].queryset = Skill.objects.visible_to(self.user)
        if not self.instance._state.adding or not (
                scope.is_admin or scope.staff_schools or scope.department_ids):
            del self.fields["student"]
        else:
            self.fields["student"].queryset = self.fields["student"].queryset.select_related(
                "user")
            self.fields["student"].label_from_instance = \
                lambda s: f"{s.student_no} {s.user.real_name}"

    def _get_validation_exclusions(self):
        return {*super()._get_validation_exclusions(), "student"}


class RejectForm(forms.Form):
    """Why a certificate is not accepted (told to the student)."""

    note = forms.CharField(label=_("reason"), max_length=300,
                           widget=forms.Textarea(attrs={"rows": 2}))
