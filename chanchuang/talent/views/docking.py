"""Pages of docking activities (对接活动): the list (with its export and a "my follow-ups"
filter), an activity's page with its follow-ups, recording and changing one, deleting it, and
the actions on its page: linking the agreement that resulted, adding a follow-up and marking
one done."""

from __future__ import annotations

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.models import Organisation
from chanchuang.partners.models import Agreement
from chanchuang.talent.exports.docking import DockingEventExporter
from chanchuang.talent.filters.docking import DockingEventFilterSet
from chanchuang.talent.forms.docking import (
    AgreementLinkForm,
    DockingEventForm,
    FollowUpDoneForm,
    FollowUpForm,
)
from chanchuang.talent.models import DockingEvent, FollowUp
from chanchuang.talent.queries import docking as queries
from chanchuang.talent.services import docking as services
from chanchuang.talent.tables.docking import DockingEventTable


class DockingEventList(generic.ObjectListView):
    """The activities the user sees (an enterprise member: those its organisation took part
    in)."""

    model = DockingEvent
    table_class = DockingEventTable
    filterset_class = DockingEventFilterSet
    exporter_class = DockingEventExporter
    list_permission = "talent.view_docking"
    rows = queries.event_rows


class DockingEventDetail(generic.ObjectDetailView):
    """An activity: who took part, what came of it, the resulting agreement and the
    follow-ups with their owners, due dates and state."""

    model = DockingEvent
    template_name = "talent/docking/dockingevent_detail.html"
    related = ("school", "agreement", "recorded_by")
    prefetch = ("organisations", "departments", "majors")

    def extra_context(self, event):
        user = self.request.user
        can_change = user.has_perm("talent.change_dockingevent", event)
        can_link = can_change and event.agreement_id is None
        return {
            "agreement": event.agreement if event.agreement_id and Agreement.objects.visible_to(
                user).filter(pk=event.agreement_id).exists() else None,
            "follow_ups": queries.follow_ups_of(event, user),
            "today": timezone.localdate(),
            "follow_up_form": FollowUpForm(event=event) if can_change else None,
            "done_form": FollowUpDoneForm(),
            "link_form": AgreementLinkForm(event=event, user=user) if can_link else None,
        }


class DockingEventEdit(generic.ObjectEditView):
    """Record an activity (``?organisation=`` preselects a partner) or change it."""

    model = DockingEvent
    form_class = DockingEventForm

    def get(self, request, pk=None):
        obj = self._object_and_check(pk)
        form = self.form_class(instance=obj, user=request.user)
        organisation = visible_or_none(Organisation, request.user,
                                       request.GET.get("organisation"))
        if obj._state.adding and organisation is not None:
            form.initial["organisations"] = [organisation.pk]
        return self._render(form, obj)

    def save(self, form):
        values = form.values()
        if form.instance.pk:
            return services.change_docking_event(actor=self.request.user, event=form.instance,
                                                 **values)
        return services.record_docking_event(actor=self.request.user,
                                             school=form.instance.school, **values)


class DockingEventDelete(generic.ObjectDeleteView):
    """Delete an activity with its follow-ups (the timeline entries stay: they happened)."""

    model = DockingEvent
    success_url_name = "talent:dockingevent_list"


class AgreementLink(generic.ObjectActionView):
    """Link the agreement an activity resulted in."""

    model = DockingEvent
    permission = "talent.change_dockingevent"
    form_class = AgreementLinkForm

    def form_kwargs(self, event):
        return {"event": event, "user": self.request.user}

    def act(self, event, form):
        services.link_agreement(actor=self.request.user, event=event,
                                agreement=form.cleaned_data["agreement"])
        return _("Resulting agreement linked.")


class FollowUpAdd(generic.ObjectActionView):
    """Give someone a follow-up of the activity."""

    model = DockingEvent
    permission = "talent.change_dockingevent"
    form_class = FollowUpForm

    def form_kwargs(self, event):
        return {"event": event}

    def act(self, event, form):
        services.add_follow_up(actor=self.request.user, event=event, **form.cleaned_data)
        return _("Follow-up added; its owner has been told.")


class FollowUpComplete(generic.ObjectActionView):
    """Mark a follow-up done (its owner or staff), with an optional note."""

    model = FollowUp
    permission = "talent.complete_follow_up"
    form_class = FollowUpDoneForm
    related = ("event",)

    def act(self, follow_up, form):
        services.complete_follow_up(actor=self.request.user, follow_up=follow_up,
                                    note=form.cleaned_data["note"])
        return _("Follow-up marked as done.")

    def redirect_to(self, follow_up):
        return follow_up.event.get_absolute_url()


urlpatterns = [
    *generic.object_paths("docking", "dockingevent", list_view=DockingEventList,
                          detail_view=DockingEventDetail, edit_view=DockingEventEdit,
                          delete_view=DockingEventDelete),
    path("docking/<int:pk>/agreement/", AgreementLink.as_view(), name="dockingevent_agreement"),
    path("docking/<int:pk>/follow-ups/", FollowUpAdd.as_view(), name="followup_add"),
    path("docking/follow-ups/<int:pk>/done/", FollowUpComplete.as_view(),
         name="followup_complete"),
]
