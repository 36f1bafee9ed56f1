"""Pages of the partners app: partner profiles, contacts, timeline, agreements with their
parties, commitments, deliveries and attachments, signing events, agreement types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chanchuang.core.generic_views import (
    ObjectActionView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    ObjectRemoveView,
    ScopedView,
    StoredFileView,
)
from chanchuang.core.models import AuditEntry, Organisation
from chanchuang.core.sections import PARTNER, sections_for
from chanchuang.core.services import DomainError, save_form
from chanchuang.partners import documents, exports, filters, forms, queries, services, tables
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.models import (
    Agreement,
    AgreementParty,
    Attachment,
    Commitment,
    Contact,
    Delivery,
    Interaction,
    SigningEvent,
)


def _refusal(check: Callable[..., None], *args: Any) -> str | None:
    """The message a service's check refuses with (shown instead of the form), or None."""
    try:
        check(*args)
    except DomainError as exc:
        return exc.message
    return None


# --- Partners --------------------------------------------------------------------------------


class PartnerView:
    """Partner pages are organisations seen from here."""

    model = Organisation
    url_prefix = "partners:partner"


class PartnerList(PartnerView, ObjectListView):
    """Partners with their standing; search by name, pinyin or credit code."""

    table_class = tables.PartnerTable
    filterset_class = filters.PartnerFilterSet
    list_permission = "partners.list_partners"
    exporter_class = exports.PartnerExporter
    import_kind = "organisations"

    def get_queryset(self):
        return queries.with_partner_status(
            super().get_queryset().select_related("region__parent__parent"))


class PartnerDetail(PartnerView, ObjectDetailView):
    """A partner's profile: data, contacts, agreements, promised vs delivered, timeline, and
    the sections other apps add (mentors from it, its positions and interns)."""

    template_name = "partners/partner_detail.html"

    def get_queryset(self):
        return queries.with_partner_status(super().get_queryset().select_related(
            "region__parent__parent", "school").prefetch_related("tags"))

    def extra_context(self, obj):
        user = self.request.user
        agreements = Agreement.objects.visible_to(user).filter(parties__organisation=obj)
        can_manage = user.has_perm("partners.manage_partner", obj)
        return {
            "standing": queries.partner_status(obj),
            "contacts": Contact.objects.visible_to(user).filter(organisation=obj)
            .select_related("user"),
            "agreements": agreements.select_related("type").order_by("-start_date"),
            "ledger": queries.ledger(Commitment.objects.filter(
                agreement__in=agreements, party__organisation=obj)),
            "timeline": Interaction.objects.visible_to(user).filter(organisation=obj)
            .select_related("recorded_by", "agreement")[:50],
            "can_manage": can_manage,
            "sections": sections_for(PARTNER, obj, user),
            "can_record": user.has_perm("partners.record_interaction", obj),
            "contact_form": forms.ContactForm(user=user) if can_manage else None,
            "interaction_form": forms.InteractionForm(
                initial={"happened_on": timezone.localdate()}),
        }


class PartnerEdit(PartnerView, ObjectEditView):
    """Register or change a partner."""

    form_class = forms.PartnerForm


class PartnerDelete(PartnerView, ObjectDeleteView):
    """Delete a partner that is party to no agreement."""

    success_url_name = "partners:partner_list"


class ContactAdd(PartnerView, ObjectActionView):
    """Add a contact person to a partner."""

    permission = "partners.manage_partner"
    form_class = forms.ContactForm

    def form_kwargs(self, organisation):
        return {"user": self.request.user}

    def act(self, organisation, form):
        form.instance.organisation = organisation
        contact = save_form(actor=self.request.user, form=form)
        return _("Contact %(name)s added.") % {"name": contact.name}


class ContactEdit(ObjectEditView):
    """Change a contact."""

    model = Contact
    form_class = forms.ContactForm


class ContactDelete(ObjectRemoveView):
    """Remove a contact (their login, if any, stays)."""

    model = Contact
    permission = "partners.manage_partner"
    parent = "organisation"
    done_message = gettext_lazy("Contact removed.")


class ContactLogin(ObjectActionView):
    """Give a contact a login as an enterprise member. The initial password is shown once, in
    this response (``Cache-Control: no-store``), never in a message, the session or a log; the
    contact must change it at first login."""

    model = Contact
    permission = "partners.manage_partner"

    def post(self, request, pk, **kwargs):
        contact = self.get_object(pk)
        if not request.user.has_perm(self.permission, contact):
            raise PermissionDenied
        try:
            user, password = services.give_login(actor=request.user, contact=contact)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(contact.organisation.get_absolute_url())
        response = render(request, "partners/contact_login_created.html", {
            "contact": contact, "login": user, "password": password})
        add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
        return response


class InteractionAdd(PartnerView, ObjectActionView):
    """Add a visit, meeting, call or event to a partner's timeline."""

    permission = "partners.record_interaction"
    form_class = forms.InteractionForm

    def act(self, organisation, form):
        services.record_interaction(actor=self.request.user, organisation=organisation,
                                    **form.cleaned_data)
        return _("Added to the timeline.")


# --- Agreements ------------------------------------------------------------------------------


class AgreementList(ObjectListView):
    """Agreements, filtered by status, type and party."""

    model = Agreement
    table_class = tables.AgreementTable
    filterset_class = filters.AgreementFilterSet
    list_permission = "partners.list_agreements"
    exporter_class = exports.AgreementExporter

    def get_queryset(self):
        return queries.agreement_rows(self.request.user)


class AgreementDetail(ObjectDetailView):
    """An agreement: terms, parties, commitments with deliveries, attachments, history."""

    model = Agreement
    template_name = "partners/agreement_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related(
            "type", "school", "owner", "renewal_of", "signing_event")

    def extra_context(self, agreement):
        user = self.request.user
        can_manage = user.has_perm("partners.manage_agreement", agreement)
        commitments = list(agreement.commitments.with_delivered().select_related(
            "party__organisation", "agreement__school"))
        editable = can_manage and agreement.is_editable
        parties = list(agreement.parties.select_related("organisation"))
        visible = Agreement.objects.visible_to(user)
        return {
            "parties": parties,
            # Only the parties whose page the user may open are links.
            "partner_ids": set(Organisation.objects.visible_to(user).filter(
                pk__in=[p.organisation_id for p in parties if p.organisation_id])
                .values_list("pk", flat=True)),
            "commitments": [(c, agreement.in_force and user.has_perm(
                "partners.record_delivery", c)) for c in commitments],
            "attachments": agreement.attachments.select_related("uploaded_by"),
            "renewal_of": visible.filter(pk=agreement.renewal_of_id).first()
            if agreement.renewal_of_id else None,
            "renewals": visible.filter(renewal_of=agreement),
            "can_view_signing": agreement.signing_event_id is not None
            and user.has_perm("partners.view_signing", agreement.signing_event),
            "history": AuditEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Agreement),
                object_id=str(agreement.pk)).select_related("actor")[:30],
            "can_manage": can_manage,
            "editable": editable,
            "manual_steps": [to for (frm, to) in services.MANUAL if frm == agreement.status]
            if can_manage else [],
            "can_sign": can_manage and agreement.status == AgreementStatus.REVIEW,
            "can_renew": can_manage and agreement.status in (
                AgreementStatus.ACTIVE, AgreementStatus.EXPIRING, AgreementStatus.EXPIRED),
            "party_form": forms.PartyForm(agreement=agreement, user=self.request.user)
            if editable else None,
            "commitment_form": forms.CommitmentForm(agreement=agreement) if editable else None,
            "attachment_form": forms.AttachmentForm() if can_manage else None,
            "today": timezone.localdate(),
        }


class AgreementAdd(ObjectEditView):
    """Draft an agreement; the school is its first party."""

    model = Agreement
    form_class = forms.AgreementForm

    def save(self, form):
        data = form.cleaned_data
        return services.create_agreement(
            actor=self.request.user, school=form.instance.school, type=data["type"],
            title=data["title"], start_date=data["start_date"], end_date=data["end_date"],
            scope=data["scope"], owner=data["owner"], reminder_days=data["reminder_days"])


class AgreementEdit(ObjectEditView):
    """Change the terms of a draft or an agreement under review."""

    model = Agreement
    form_class = forms.AgreementForm

    def save(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "school"}
        return services.update_agreement(actor=self.request.user, agreement=form.instance,
                                         **data)


class AgreementDelete(ObjectDeleteView):
    """Delete a draft agreement."""

    model = Agreement
    success_url_name = "partners:agreement_list"


class AgreementAction(ObjectActionView):
    """A lifecycle step on an agreement, by staff."""

    model = Agreement
    permission = "partners.manage_agreement"


class AgreementTransition(AgreementAction):
    """Submit for review, send back to draft, or terminate (with a reason)."""

    def act(self, agreement, form):
        agreement = services.transition(actor=self.request.user, agreement=agreement,
                                        to=self.kwargs["to"],
                                        reason=self.request.POST.get("reason", ""))
        return _("The agreement is now %(status)s.") % {"status": agreement.get_status_display()}


class AgreementTerminate(ScopedView):
    """Terminate an agreement: a page that says what it means and asks why, then the step."""

    model = Agreement

    def _agreement(self, pk: int) -> Agreement:
        agreement = self.get_object(pk)
        if not self.request.user.has_perm("partners.manage_agreement", agreement):
            raise PermissionDenied
        return agreement

    def _page(self, agreement: Agreement, form: forms.TerminationForm) -> HttpResponse:
        return render(self.request, "partners/agreement_terminate.html", {
            "object": agreement, "form": form, "refusal": _refusal(
                services.check_manual_step, agreement, AgreementStatus.TERMINATED)})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._page(self._agreement(pk), forms.TerminationForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        agreement = self._agreement(pk)
        form = forms.TerminationForm(request.POST)
        if form.is_valid():
            try:
                services.transition(actor=request.user, agreement=agreement,
                                    to=AgreementStatus.TERMINATED,
                                    reason=form.cleaned_data["reason"])
            except DomainError as exc:
                form.add_error("reason" if exc.field == "reason" else None, exc.message)
            else:
                messages.success(request, _("The agreement is terminated."))
                return redirect(agreement)
        return self._page(agreement, form)


class AgreementSign(AgreementAction):
    """Sign an agreement under review (outside a ceremony)."""

    def act(self, agreement, form):
        signed_on = self.request.POST.get("signed_on") or timezone.localdate().isoformat()
        try:
            day = timezone.datetime.fromisoformat(signed_on).date()
        except ValueError:
            raise DomainError(_("Signing date: write it as 2026-06-24.")) from None
        agreement = services.sign(actor=self.request.user, agreement=agreement, signed_on=day)
        return _("Signed; the agreement is now %(status)s.") % {
            "status": agreement.get_status_display()}


class AgreementRenew(AgreementAction):
    """Draft the renewal of an agreement."""

    def act(self, agreement, form):
        self.renewal = services.renew(actor=self.request.user, agreement=agreement)
        return _("Renewal drafted: %(renewal)s.") % {"renewal": self.renewal}

    def redirect_to(self, agreement):
        renewal = getattr(self, "renewal", None)
        return (renewal or agreement).get_absolute_url()


class PartyAdd(AgreementAction):
    """Add an organisation as a party."""

    form_class = forms.PartyForm

    def form_kwargs(self, agreement):
        return {"agreement": agreement, "user": self.request.user}

    def act(self, agreement, form):
        party = services.add_party(actor=self.request.user, agreement=agreement,
                                   **form.cleaned_data)
        return _("%(name)s added as a party.") % {"name": party.name}


class PartyRemove(ObjectActionView):
    """Remove an organisation from a draft."""

    model = AgreementParty
    permission = "partners.manage_agreement"

    def act(self, party, form):
        services.remove_party(actor=self.request.user, party=party)
        return _("%(name)s removed.") % {"name": party.name}

    def redirect_to(self, party):
        return party.agreement.get_absolute_url()


class CommitmentAdd(AgreementAction):
    """Add a commitment of one party."""

    form_class = forms.CommitmentForm

    def form_kwargs(self, agreement):
        return {"agreement": agreement}

    def act(self, agreement, form):
        services.add_commitment(actor=self.request.user, **form.cleaned_data)
        return _("Commitment added.")


class CommitmentRemove(ObjectActionView):
    """Remove a commitment from a draft."""

    model = Commitment
    permission = "partners.manage_agreement"

    def act(self, commitment, form):
        services.remove_commitment(actor=self.request.user, commitment=commitment)
        return _("Commitment removed.")

    def redirect_to(self, commitment):
        return commitment.agreement.get_absolute_url()


class DeliveryAdd(ScopedView):
    """Record a delivery against a commitment (staff, or the committed party's members)."""

    model = Commitment

    def get_queryset(self):
        return super().get_queryset().select_related("agreement", "party__organisation")

    def _page(self, commitment, form):
        delivered = sum(d.quantity for d in commitment.deliveries.all())
        return render(self.request, "partners/delivery_form.html", {
            "commitment": commitment, "form": form, "delivered": delivered,
            "refusal": _refusal(services.check_accepts_deliveries, commitment.agreement),
            "deliveries": commitment.deliveries.select_related("recorded_by")})

    def _commitment(self, pk):
        commitment = self.get_object(pk)
        if not self.request.user.has_perm("partners.record_delivery", commitment):
            raise PermissionDenied
        return commitment

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        commitment = self._commitment(pk)
        return self._page(commitment, forms.DeliveryForm(
            initial={"delivered_on": timezone.localdate()}))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        commitment = self._commitment(pk)
        form = forms.DeliveryForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_delivery(
                    actor=request.user, commitment=commitment, quantity=data["quantity"],
                    delivered_on=data["delivered_on"], description=data["description"],
                    evidence=data["evidence"] or None)
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Delivery recorded."))
                return redirect(commitment.agreement.get_absolute_url())
        return self._page(commitment, form)


class AttachmentAdd(AgreementAction):
    """Attach a scanned signed copy or an annex."""

    form_class = forms.AttachmentForm

    def act(self, agreement, form):
        services.add_attachment(actor=self.request.user, agreement=agreement,
                                upload=form.cleaned_data["file"],
                                description=form.cleaned_data["description"])
        return _("File attached.")


class AttachmentDownload(StoredFileView):
    """Download an attachment of an agreement the user may see."""

    model = Attachment
    field = "file"


class DeliveryEvidence(StoredFileView):
    """The evidence of a delivery, for those who see its agreement."""

    model = Delivery
    field = "evidence"


class AttachmentRemove(ObjectRemoveView):
    """Remove a wrongly attached file."""

    model = Attachment
    permission = "partners.manage_agreement"
    parent = "agreement"
    done_message = gettext_lazy("File removed.")


class AgreementPdf(ScopedView):
    """The agreement printed from its type's template."""

    model = Agreement

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        agreement = self.get_object(pk)
        try:
            content = documents.render_agreement_pdf(agreement)
        except DomainError as exc:  # a template stored before the rules refuses to render
            messages.error(request, exc.message)
            return redirect(agreement)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{agreement.number}.pdf"'
        return response


# --- Signing events --------------------------------------------------------------------------


class SigningEventList(ObjectListView):
    """Signing ceremonies."""

    model = SigningEvent
    table_class = tables.SigningEventTable
    filterset_class = filters.SigningEventFilterSet
    list_permission = "partners.view_signing"

    def get_queryset(self):
        return super().get_queryset().annotate(signed=Count("agreements"))


class SigningEventDetail(ObjectDetailView):
    """A ceremony: what was signed there, and the form to sign more."""

    model = SigningEvent
    template_name = "partners/signingevent_detail.html"

    def extra_context(self, event):
        user = self.request.user
        can_manage = user.has_perm("partners.manage_signing", event)
        return {
            "signed": queries.agreement_rows(user).filter(signing_event=event),
            "sign_form": forms.SignAgreementsForm(event=event, user=user) if can_manage
            else None,
        }


class SigningEventEdit(ObjectEditView):
    """Create or change a signing event."""

    model = SigningEvent
    form_class = forms.SigningEventForm


class SigningEventSign(ObjectActionView):
    """Sign the chosen agreements at this event, all or none."""

    model = SigningEvent
    permission = "partners.manage_signing"
    form_class = forms.SignAgreementsForm

    def form_kwargs(self, event):
        return {"event": event, "user": self.request.user}

    def act(self, event, form):
        signed = services.sign_at_event(actor=self.request.user, event=event,
                                        agreements=list(form.cleaned_data["agreements"]))
        return _("%(n)d agreements signed at %(event)s.") % {"n": len(signed), "event": event}
