"""Forms of the partners app; choices are limited to what the user may see."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import RegionLevel, Role
from chanchuang.core.forms import DATE, ScopedModelForm
from chanchuang.core.identifiers import validate_phone
from chanchuang.core.models import Organisation, Region, Tag, User
from chanchuang.core.uploads import CheckedFileField
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.models import (
    Agreement,
    AgreementParty,
    AgreementType,
    Commitment,
    Contact,
    Delivery,
    Interaction,
    SigningEvent,
)


class PartnerForm(ScopedModelForm):
    """Register or change a partner organisation."""

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["school", "kind", "name", "credit_code", "industry", "size", "staff_on_duty",
                  "region", "website", "tags"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(
            level__in=[RegionLevel.PROVINCE, RegionLevel.CITY]).select_related("parent")
        self.fields["tags"].queryset = Tag.objects.visible_to(self.user)
        self.fields["tags"].widget.attrs["data-search"] = "true"

    def clean_credit_code(self) -> str:
        return self.cleaned_data["credit_code"].strip().upper()


class ContactForm(ScopedModelForm):
    """A contact person at a partner."""

    phone = forms.CharField(label=_("phone"), max_length=11, required=False,
                            validators=[validate_phone])

    class Meta:
        model = Contact
        fields = ["name", "title", "phone", "email", "is_primary"]


class InteractionForm(forms.ModelForm):
    """An entry of a partner's timeline."""

    class Meta:
        model = Interaction
        fields = ["kind", "happened_on", "title", "notes"]
        widgets = {"happened_on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}


class AgreementForm(ScopedModelForm):
    """The terms of an agreement (parties and commitments are added on its page)."""

    class Meta:
        model = Agreement
        fields = ["school", "type", "title", "start_date", "end_date", "scope", "owner",
                  "reminder_days"]
        widgets = {"start_date": DATE, "end_date": DATE,
                   "scope": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = AgreementType.objects.visible_to(self.user).in_use()
        school_ids = ([self.instance.school_id] if self.instance.school_id
                      else [school.pk for school in self.fields["school"].queryset])
        self.fields["owner"].queryset = User.objects.filter(
            memberships__role=Role.SCHOOL_STAFF, memberships__school_id__in=school_ids).distinct()
        self.fields["owner"].required = False


class PartyForm(forms.ModelForm):
    """Add an organisation of the school as a party."""

    class Meta:
        model = AgreementParty
        fields = ["organisation", "role", "signatory", "signatory_title"]

    def __init__(self, *args, agreement: Agreement, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].required = True
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user).filter(
            school_id=agreement.school_id).exclude(agreement_parties__agreement=agreement)
        self.fields["organisation"].widget.attrs["data-search"] = "true"


class CommitmentForm(forms.ModelForm):
    """What a party commits to."""

    class Meta:
        model = Commitment
        fields = ["party", "kind", "target", "description"]

    def __init__(self, *args, agreement: Agreement, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = agreement.parties.select_related(
            "organisation", "agreement__school")
        self.fields["party"].label_from_instance = lambda party: party.name


class DeliveryForm(forms.ModelForm):
    """Something delivered against a commitment."""

    class Meta:
        model = Delivery
        fields = ["quantity", "delivered_on", "description", "evidence"]
        widgets = {"delivered_on": DATE}


class TerminationForm(forms.Form):
    """Why an agreement is terminated (the service checks that it says something)."""

    reason = forms.CharField(
        label=_("reason for termination"), required=False,
        widget=forms.Textarea(attrs={"rows": 3, "required": True, "minlength": 4}),
        help_text=_("Recorded on the agreement and in its history; the parties can read it."))


class AttachmentForm(forms.Form):
    """A scanned signed copy or annex."""

    file = CheckedFileField(label=_("file (PDF, PNG or JPEG)"), policy="document")
    description = forms.CharField(label=_("description"), max_length=200, required=False)


class SigningEventForm(ScopedModelForm):
    """A signing ceremony."""

    class Meta:
        model = SigningEvent
        fields = ["school", "name", "held_on", "place", "attendees"]
        widgets = {"held_on": DATE, "attendees": forms.Textarea(attrs={"rows": 3})}


class SignAgreementsForm(forms.Form):
    """The agreements under review that are signed at an event."""

    agreements = forms.ModelMultipleChoiceField(
        label=_("agreements signed here"), queryset=Agreement.objects.none(),
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, event: SigningEvent, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreements"].queryset = Agreement.objects.visible_to(user).filter(
            school_id=event.school_id, status=AgreementStatus.REVIEW)
