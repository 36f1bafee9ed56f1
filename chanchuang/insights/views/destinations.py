"""Pages of graduate destinations (毕业去向): the list (filters the dashboard drills down with,
the Excel import and export), a destination's page with its evidence and the staff's verdict,
recording, changing and deleting one, uploading its evidence, and a graduate's own
destination ("My destination": read-only, with the evidence upload so that a graduate can
self-report until staff verify)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from chanchuang.core import generic_views as generic
from chanchuang.core.queries import student_of
from chanchuang.insights.choices import Verification
from chanchuang.insights.exports.destinations import GraduateDestinationExporter
from chanchuang.insights.filters.destinations import GraduateDestinationFilterSet
from chanchuang.insights.forms.destinations import (
    DestinationForm,
    EvidenceForm,
    VerificationForm,
)
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.services import destinations as services
from chanchuang.insights.tables.destinations import GraduateDestinationTable

PREFIX = "insights:destination"
DETAIL = "insights/destinations/destination_detail.html"


class DestinationList(generic.ObjectListView):
    """The destinations the user sees (school staff: the school's; department staff: their
    department's)."""

    model = GraduateDestination
    url_prefix = PREFIX
    table_class = GraduateDestinationTable
    filterset_class = GraduateDestinationFilterSet
    exporter_class = GraduateDestinationExporter
    import_kind = "destinations"
    list_permission = "insights.view_destinations"
    related = ("student__user", "department", "major", "employer")


def _evidence_context(user, destination) -> dict:
    can_verify = user.has_perm("insights.verify_destination", destination)
    can_upload = user.has_perm("insights.upload_destination_evidence", destination)
    return {"can_verify": can_verify,
            "verdicts": [(value, label) for value, label in Verification.choices
                         if value != destination.verification] if can_verify else [],
            "evidence_form": EvidenceForm() if can_upload else None}


class DestinationDetail(generic.ObjectDetailView):
    """A destination: graduate, code and group, employer with what is derived of it, the
    evidence (downloaded through ``visible_to``) and its verification."""

    model = GraduateDestination
    url_prefix = PREFIX
    template_name = DETAIL
    related = ("student__user", "department", "major", "employer", "employer_region__parent",
               "verified_by")

    def extra_context(self, destination):
        return _evidence_context(self.request.user, destination)


class DestinationEdit(generic.ObjectEditView):
    """Record a graduate's destination or change one, through the services (which derive the
    employer, partner, host and in-province fields and settle the verification)."""

    model = GraduateDestination
    url_prefix = PREFIX
    form_class = DestinationForm

    def save(self, form):
        destination = form.instance
        if destination.pk:
            return services.change(actor=self.request.user, destination=destination)
        return services.record(actor=self.request.user, destination=destination)


class DestinationDelete(generic.ObjectDeleteView):
    """Delete a destination (school staff)."""

    model = GraduateDestination
    url_prefix = PREFIX
    success_url_name = "insights:destination_list"


class DestinationVerify(generic.ObjectActionView):
    """School staff's verdict on the evidence: verified, self-reported or missing."""

    model = GraduateDestination
    url_prefix = PREFIX
    permission = "insights.verify_destination"
    form_class = VerificationForm

    def act(self, destination, form):
        services.set_verification(actor=self.request.user, destination=destination,
                                  verification=form.cleaned_data["verification"],
                                  note=form.cleaned_data["note"])
        return _("Verification: %(state)s.") % {
            "state": destination.get_verification_display()}


class DestinationEvidenceUpload(generic.ObjectActionView):
    """Upload a destination's evidence (the graduate, or staff who record destinations): it is
    self-reported until school staff verify it."""

    model = GraduateDestination
    url_prefix = PREFIX
    permission = "insights.upload_destination_evidence"
    form_class = EvidenceForm
    related = ("student",)

    def act(self, destination, form):
        services.upload_evidence(actor=self.request.user, destination=destination,
                                 kind=form.cleaned_data["evidence_kind"],
                                 evidence=form.cleaned_data["evidence"])
        return _("Evidence uploaded; it awaits verification by the school.")


class DestinationEvidence(generic.StoredFileView):
    """A destination's evidence file, for those who see the destination."""

    model = GraduateDestination
    url_prefix = PREFIX
    field = "evidence"


class MyDestination(generic.ScopedView):
    """A graduate's own destination, read-only, with the evidence upload while it is not
    verified; a student without one is told that the school has not recorded it yet."""

    model = GraduateDestination
    url_prefix = PREFIX

    def get(self, request):
        if not request.user.has_perm("insights.view_own_destination"):
            raise PermissionDenied
        student = student_of(request.user)
        destination = self.get_queryset().filter(student=student).select_related(
            "student", "employer_region__parent", "verified_by").first() if student else None
        context = {"student": student, "object": destination}
        if destination is not None:
            context.update(_evidence_context(request.user, destination))
            context["can_verify"] = False
        return render(request, "insights/destinations/my_destination.html", context)


urlpatterns = [
    *generic.object_paths("destinations", "destination", list_view=DestinationList,
                          detail_view=DestinationDetail, edit_view=DestinationEdit,
                          delete_view=DestinationDelete),
    path("destinations/<int:pk>/verify/", DestinationVerify.as_view(),
         name="destination_verify"),
    path("destinations/<int:pk>/evidence/", DestinationEvidence.as_view(),
         name="destination_evidence"),
    path("destinations/<int:pk>/evidence/upload/", DestinationEvidenceUpload.as_view(),
         name="destination_evidence_upload"),
    path("my-destination/", MyDestination.as_view(), name="my_destination"),
]
