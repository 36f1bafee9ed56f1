"""Pages of the mentors app: the mentor pool, appointments and their letters, the public
letter verification, activities and titles."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.services import DomainError
from chanchuang.core.throttling import verify_throttle
from chanchuang.core.uploads import PRIVATE_SHORT
from chanchuang.mentors import documents, exports, filters, forms, queries, services, tables
from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import Activity, Appointment, Mentor


class MentorList(generic.ObjectListView):
    """The mentor pool."""

    model = Mentor
    table_class = tables.MentorTable
    filterset_class = filters.MentorFilterSet
    exporter_class = exports.MentorExporter
    list_permission = "mentors.list_mentors"

    related = ("organisation",)
    prefetch = ("expertise",)


class MentorDetail(generic.ObjectDetailView):
    """A mentor: profile, appointments, activities and the yearly summary of hours."""

    model = Mentor
    template_name = "mentors/mentor_detail.html"

    related = ("organisation",)
    prefetch = ("expertise",)

    def extra_context(self, mentor):
        user = self.request.user
        activities = list(Activity.objects.visible_to(user).filter(mentor=mentor))
        return {
            "appointments": Appointment.objects.visible_to(user).filter(mentor=mentor)
            .select_related("title"),
            "sees_records": user.has_perm("mentors.view_records", mentor),
            "activities": activities[:30],
            "summary": queries.yearly_summary(activities),
            "can_record": user.has_perm("mentors.record_activity", mentor),
            "can_appoint": user.has_perm("mentors.manage_appointment", mentor),
            "activity_form": forms.ActivityForm(initial={"happened_on": timezone.localdate()}),
        }


class MentorPhoto(generic.StoredFileView):
    """A mentor's photo, for those who see the mentor pool."""

    model = Mentor
    field = "photo"
    cache_control = PRIVATE_SHORT


class MentorEdit(generic.ObjectEditView):
    """Add a mentor to the pool or change their profile."""

    model = Mentor
    form_class = forms.MentorForm


class MentorDelete(generic.ObjectDeleteView):
    """Remove a mentor who has never been appointed."""

    model = Mentor
    success_url_name = "mentors:mentor_list"


class ActivityAdd(generic.ObjectActionView):
    """Record an activity of a mentor."""

    model = Mentor
    permission = "mentors.record_activity"
    form_class = forms.ActivityForm

    def act(self, mentor, form):
        services.record_activity(actor=self.request.user, mentor=mentor, **form.cleaned_data)
        return _("Activity recorded.")


class ActivityRemove(generic.ObjectRemoveView):
    """Remove a wrongly recorded activity."""

    model = Activity
    permission = "mentors.record_activity"
    parent = "mentor"
    done_message = gettext_lazy("Activity removed.")


class AppointmentList(generic.ObjectListView):
    """Appointments and their letters."""

    model = Appointment
    table_class = tables.AppointmentTable
    filterset_class = filters.AppointmentFilterSet
    exporter_class = exports.AppointmentExporter
    list_permission = "mentors.list_mentors"

    related = ("mentor__organisation", "title")


class AppointmentDetail(generic.ObjectDetailView):
    """An appointment: its term, status, letter and history."""

    model = Appointment
    template_name = "mentors/appointment_detail.html"

    related = ("mentor__organisation", "title", "school", "agreement", "renewal_of", "approved_by")

    def extra_context(self, appointment):
        user = self.request.user
        can_manage = user.has_perm("mentors.manage_appointment", appointment)
        status = appointment.status
        return {
            "can_manage": can_manage,
            "can_print": appointment.serial and user.has_perm("mentors.print_letter",
                                                              appointment),
            "verify_url": verify_url(self.request, appointment) if appointment.serial else "",
            "can_approve": can_manage and status == AppointmentStatus.PROPOSED,
            "can_withdraw": can_manage and status in services.TRANSITIONS
            and AppointmentStatus.WITHDRAWN in services.TRANSITIONS[status],
            "can_renew": can_manage and status in (AppointmentStatus.APPROVED,
                                                   AppointmentStatus.ACTIVE,
                                                   AppointmentStatus.EXPIRED),
        }


class AppointmentEdit(generic.ObjectEditView):
    """Propose an appointment, or change a proposal."""

    model = Appointment
    form_class = forms.AppointmentForm

    def initial_object(self):
        """A proposal for the mentor named in ``?mentor=`` (from their page), if visible."""
        mentor = visible_or_none(Mentor, self.request.user, self.request.GET.get("mentor"))
        return Appointment(mentor=mentor) if mentor else Appointment()

    def save(self, form):
        if form.instance.pk:  # a proposal (the permission allows no other)
            return super().save(form)
        data = form.cleaned_data
        return services.propose(actor=self.request.user, mentor=data["mentor"],
                                title=data["title"], start_date=data["start_date"],
                                end_date=data["end_date"], duties=data["duties"],
                                appointing_body=data["appointing_body"],
                                agreement=data["agreement"])


class AppointmentAction(generic.ObjectActionView):
    """A lifecycle step on an appointment."""

    model = Appointment
    permission = "mentors.manage_appointment"


class AppointmentApprove(AppointmentAction):
    """Approve a proposed appointment; its letter gets a serial."""

    def act(self, appointment, form):
        appointment = services.approve(actor=self.request.user, appointment=appointment)
        return _("Approved; letter %(serial)s.") % {"serial": appointment.serial}


class AppointmentWithdraw(AppointmentAction):
    """Withdraw an appointment; its letter stops verifying."""

    def act(self, appointment, form):
        services.withdraw(actor=self.request.user, appointment=appointment)
        return _("Withdrawn.")


class AppointmentRenew(AppointmentAction):
    """Propose the next term."""

    def act(self, appointment, form):
        self.renewal = services.renew(actor=self.request.user, appointment=appointment)
        return _("Renewal proposed.")

    def redirect_to(self, appointment):
        return getattr(self, "renewal", appointment).get_absolute_url()


def verify_url(request: HttpRequest, appointment: Appointment) -> str:
    """The public address that verifies an appointment's letter."""
    return request.build_absolute_uri(reverse("mentors:verify",
                                              args=[appointment.verification_code]))


class AppointmentLetter(generic.ScopedView):
    """The appointment letter as a PDF."""

    model = Appointment

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        appointment = self.get_object(pk)
        if not appointment.serial or not request.user.has_perm("mentors.print_letter",
                                                               appointment):
            return render(request, "403.html", status=403)
        try:
            content = documents.render_letter_pdf(appointment, verify_url(request, appointment))
        except DomainError as exc:  # a template stored before the rules refuses to render
            messages.error(request, exc.message)
            return redirect(appointment)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{appointment.serial}.pdf"'
        return response


class Verify(View):
    """Public: whether a letter is genuine and current — and nothing else about the person.

    The QR code opens ``/verify/<serial>-<check code>/``; a person holding the letter types the
    serial and check code printed on it into ``/verify/`` instead. A serial alone asks for the
    check code, whether or not such a letter exists, so a guessed serial reveals nothing."""

    def get(self, request: HttpRequest, code: str | None = None) -> HttpResponse:
        typed = forms.VerifyForm(request.GET or None, initial={"serial": code})
        if code is None:
            if not typed.is_valid():
                return render(request, "mentors/verify.html", {"form": typed})
            code = typed.code()
        if queries.looks_like_serial(code):
            form = forms.VerifyForm(initial={"serial": "".join(code.split()).upper()})
            return render(request, "mentors/verify.html", {"form": form, "needs_check": True})
        throttle = verify_throttle()  # every check is a guess: VERIFY_RATE per address
        if not throttle.allow_request(request):
            response = render(request, "mentors/verify.html", {
                "verdict": "throttled", "seconds": throttle.wait_seconds()}, status=429)
            response["Retry-After"] = str(throttle.wait_seconds())
            return response
        appointment = queries.appointment_for_code(code)
        if appointment is None:
            return render(request, "mentors/verify.html", {
                "code": code, "verdict": "forged", "form": forms.VerifyForm()}, status=404)
        name = appointment.mentor.name
        return render(request, "mentors/verify.html", {
            "code": code, "appointment": appointment,
            "verdict": queries.letter_verdict(appointment),
            # Enough to match the letter in hand, not enough to learn who holds one.
            "holder": name[0] + "*" * (len(name) - 1)})
