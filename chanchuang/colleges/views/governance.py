"""Pages of governance: councils and committees with their seats, meetings with agenda,
minutes, decisions and papers, and the list of decisions. Only the college's insiders see any
of it (staff, department staff, the members of its member organisations)."""

from __future__ import annotations

from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chanchuang.colleges.exports import governance as exports
from chanchuang.colleges.filters.governance import (
    CouncilFilterSet,
    CouncilSeatFilterSet,
    DecisionFilterSet,
    MeetingFilterSet,
)
from chanchuang.colleges.forms.governance import (
    CouncilForm,
    DecisionCloseForm,
    DecisionForm,
    MeetingForm,
    PaperForm,
    SeatForm,
)
from chanchuang.colleges.models import (
    Council,
    CouncilSeat,
    Decision,
    IndustryCollege,
    Meeting,
    MeetingPaper,
)
from chanchuang.colleges.services import governance as services
from chanchuang.colleges.tables.governance import (
    CouncilSeatTable,
    CouncilTable,
    DecisionTable,
    MeetingTable,
)
from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none

GOVERNANCE = "colleges.view_governance"


class CouncilList(generic.ObjectListView):
    """Councils and committees."""

    model = Council
    table_class = CouncilTable
    filterset_class = CouncilFilterSet
    exporter_class = exports.CouncilExporter
    list_permission = GOVERNANCE

    related = ("college",)

    def get_queryset(self):
        return super().get_queryset().annotate(seat_count=Count("seats"))


class CouncilDetail(generic.ObjectDetailView):
    """A council: its charter, seats and meetings."""

    model = Council
    template_name = "colleges/council_detail.html"

    related = ("college",)

    def extra_context(self, council):
        user = self.request.user
        can_seat = user.has_perm("colleges.add_councilseat", council)
        return {
            "seats": CouncilSeat.objects.visible_to(user).filter(council=council)
            .select_related("organisation", "user"),
            "meetings": Meeting.objects.visible_to(user).filter(council=council)
            .annotate(decision_count=Count("decisions")),
            "can_seat": can_seat,
            "can_remove_seat": user.has_perm("colleges.delete_councilseat", council),
            "can_add_meeting": user.has_perm("colleges.add_meeting", council),
            "seat_form": SeatForm(user=user, council=council) if can_seat else None,
        }


class CouncilEdit(generic.ObjectEditView):
    """Set up a council or committee, or change it."""

    model = Council
    form_class = CouncilForm

    def initial_object(self):
        college = visible_or_none(IndustryCollege, self.request.user,
                                  self.request.GET.get("college"))
        return Council(college=college) if college else Council()


class SeatAdd(generic.ObjectActionView):
    """Seat a person on a council."""

    model = Council
    permission = "colleges.add_councilseat"
    form_class = SeatForm
    related = ("college",)

    def form_kwargs(self, council):
        return {"user": self.request.user, "council": council}

    def act(self, council, form):
        services.add_seat(actor=self.request.user, council=council, **form.cleaned_data)
        return _("Member seated.")


class SeatRemove(generic.ObjectRemoveView):
    """Remove a seat."""

    model = CouncilSeat
    permission = "colleges.delete_councilseat"
    parent = "council"
    done_message = gettext_lazy("Seat removed.")
    related = ("council__college",)


class CouncilSeatList(generic.ObjectListView):
    """Everyone seated on the councils and committees."""

    model = CouncilSeat
    table_class = CouncilSeatTable
    filterset_class = CouncilSeatFilterSet
    exporter_class = exports.CouncilSeatExporter
    list_permission = GOVERNANCE

    related = ("council__college", "organisation")


class MeetingList(generic.ObjectListView):
    """Meetings of the councils and committees."""

    model = Meeting
    table_class = MeetingTable
    filterset_class = MeetingFilterSet
    exporter_class = exports.MeetingExporter
    list_permission = GOVERNANCE

    related = ("council",)


class MeetingDetail(generic.ObjectDetailView):
    """A meeting: agenda, minutes, decisions (with their owners and due dates) and papers."""

    model = Meeting
    template_name = "colleges/meeting_detail.html"

    related = ("council__college",)

    def extra_context(self, meeting):
        user = self.request.user
        decisions = list(Decision.objects.visible_to(user).filter(meeting=meeting)
                         .select_related("owner", "meeting__council__college"))
        for decision in decisions:
            decision.can_complete = decision.status == "open" and user.has_perm(
                "colleges.complete_decision", decision)
            decision.can_drop = decision.status == "open" and user.has_perm(
                "colleges.change_decision", decision)
        can_decide = user.has_perm("colleges.add_decision", meeting)
        can_upload = user.has_perm("colleges.add_meetingpaper", meeting)
        return {
            "decisions": decisions,
            "papers": MeetingPaper.objects.visible_to(user).filter(meeting=meeting)
            .select_related("uploaded_by"),
            "can_decide": can_decide,
            "can_upload": can_upload,
            "can_remove_paper": user.has_perm("colleges.delete_meetingpaper", meeting),
            "decision_form": DecisionForm(meeting=meeting) if can_decide else None,
            "close_form": DecisionCloseForm(),
            "paper_form": PaperForm() if can_upload else None,
        }


class MeetingEdit(generic.ObjectEditView):
    """Record a meeting (dated within the college's life) or change its minutes."""

    model = Meeting
    form_class = MeetingForm

    def initial_object(self):
        council = visible_or_none(Council, self.request.user, self.request.GET.get("council"))
        return Meeting(council=council) if council else Meeting()

    def save(self, form):
        if form.instance.pk:
            return super().save(form)
        data = form.cleaned_data
        return services.record_meeting(actor=self.request.user, council=data["council"],
                                       title=data["title"], held_on=data["held_on"],
                                       place=data["place"], agenda=data["agenda"],
                                       minutes=data["minutes"])


class DecisionAdd(generic.ObjectActionView):
    """Record a decision of a meeting."""

    model = Meeting
    permission = "colleges.add_decision"
    form_class = DecisionForm
    related = ("council__college",)

    def form_kwargs(self, meeting):
        return {"meeting": meeting}

    def act(self, meeting, form):
        services.add_decision(actor=self.request.user, meeting=meeting, **form.cleaned_data)
        return _("Decision recorded.")


class DecisionComplete(generic.ObjectActionView):
    """Mark a decision carried out (its owner or staff)."""

    model = Decision
    permission = "colleges.complete_decision"
    form_class = DecisionCloseForm
    related = ("meeting__council__college",)

    def act(self, decision, form):
        services.complete_decision(actor=self.request.user, decision=decision,
                                   outcome=form.cleaned_data["outcome"])
        return _("Decision marked as carried out.")


class DecisionDrop(generic.ObjectActionView):
    """Drop a decision, saying why (staff)."""

    model = Decision
    permission = "colleges.change_decision"
    form_class = DecisionCloseForm
    related = ("meeting__council__college",)

    def act(self, decision, form):
        services.drop_decision(actor=self.request.user, decision=decision,
                               outcome=form.cleaned_data["outcome"])
        return _("Decision dropped.")


class DecisionList(generic.ObjectListView):
    """Decisions of every meeting, the open ones with their owners and due dates."""

    model = Decision
    table_class = DecisionTable
    filterset_class = DecisionFilterSet
    exporter_class = exports.DecisionExporter
    list_permission = GOVERNANCE

    related = ("meeting", "owner")


class PaperAdd(generic.ObjectActionView):
    """Attach a paper to a meeting."""

    model = Meeting
    permission = "colleges.add_meetingpaper"
    form_class = PaperForm

    def act(self, meeting, form):
        services.add_paper(actor=self.request.user, meeting=meeting,
                           upload=form.cleaned_data["file"],
                           description=form.cleaned_data["description"])
        return _("Paper uploaded.")


class PaperFile(generic.StoredFileView):
    """A meeting paper, for the college's insiders."""

    model = MeetingPaper
    field = "file"


class PaperRemove(generic.ObjectRemoveView):
    """Remove a meeting paper."""

    model = MeetingPaper
    permission = "colleges.delete_meetingpaper"
    parent = "meeting"
    done_message = gettext_lazy("Paper removed.")
    related = ("meeting__council__college",)


urlpatterns = [
    *generic.object_paths("councils", "council", list_view=CouncilList,
                          detail_view=CouncilDetail, edit_view=CouncilEdit, delete_view=None),
    path("councils/<int:pk>/seats/", SeatAdd.as_view(), name="councilseat_add"),
    path("council-seats/", CouncilSeatList.as_view(), name="councilseat_list"),
    path("council-seats/<int:pk>/remove/", SeatRemove.as_view(), name="councilseat_remove"),
    *generic.object_paths("meetings", "meeting", list_view=MeetingList,
                          detail_view=MeetingDetail, edit_view=MeetingEdit, delete_view=None),
    path("meetings/<int:pk>/decisions/", DecisionAdd.as_view(), name="decision_add"),
    path("meetings/<int:pk>/papers/", PaperAdd.as_view(), name="meetingpaper_add"),
    path("meeting-papers/<int:pk>/", PaperFile.as_view(), name="meetingpaper_file"),
    path("meeting-papers/<int:pk>/remove/", PaperRemove.as_view(), name="meetingpaper_remove"),
    path("decisions/", DecisionList.as_view(), name="decision_list"),
    path("decisions/<int:pk>/done/", DecisionComplete.as_view(), name="decision_complete"),
    path("decisions/<int:pk>/drop/", DecisionDrop.as_view(), name="decision_drop"),
]
