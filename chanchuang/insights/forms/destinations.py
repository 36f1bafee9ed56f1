"""Forms of graduate destinations: the destination itself (staff and department staff choose
the graduate when recording one), the evidence a graduate or staff upload, and the staff's
verification verdict."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import RegionLevel
from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.core.models import Region
from chanchuang.core.uploads import CheckedFileField
from chanchuang.insights.choices import EvidenceKind, Verification
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.queries.destinations import eligible_students


class DestinationForm(ScopedModelForm):
    """A graduate's destination. The graduate is chosen when recording (among those who may
    have one and have none yet) and fixed afterwards; the derived fields (registered employer,
    partner, placement host, in province) and the verification are not typed."""

    class Meta:
        model = GraduateDestination
        fields = ["student", "graduation_year", "code", "employer_name", "employer_credit_code",
                  "employer_region", "post", "contract_start", "evidence_kind", "evidence",
                  "note"]
        widgets = {"contract_start": DATE,
                   "student": forms.Select(attrs={"data-search": "true"}),
                   "employer_region": forms.Select(attrs={"data-search": "true"})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer_region"].queryset = Region.objects.filter(
            level__in=[RegionLevel.PROVINCE, RegionLevel.CITY]).select_related("parent")
        if not self.instance._state.adding:
            del self.fields["student"]
            return
        field = self.fields["student"]
        field.queryset = eligible_students(self.user).select_related("user").order_by(
            "student_no")
        field.label_from_instance = lambda s: f"{s.student_no} {s.user.real_name}"

    def clean_employer_credit_code(self) -> str:
        return (self.cleaned_data.get("employer_credit_code") or "").strip().upper()

    def _get_validation_exclusions(self):
        # One destination per graduate is the service's check, with its own message.
        return {*super()._get_validation_exclusions(), "student"}


class EvidenceForm(forms.Form):
    """The evidence of a destination, through the upload policy (PDF or a picture)."""

    evidence_kind = forms.ChoiceField(label=_("evidence"), choices=EvidenceKind.choices)
    evidence = CheckedFileField(label=_("evidence file"), policy="document")


class VerificationForm(forms.Form):
    """School staff's verdict on a destination's evidence."""

    verification = forms.ChoiceField(label=_("verification"), choices=Verification.choices)
    note = forms.CharField(label=_("note"), max_length=300, required=False)
