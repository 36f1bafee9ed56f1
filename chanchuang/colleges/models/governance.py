"""Governance of an industry college (共管): its council (理事会) and management committee with
their members, terms and posts; meetings with agenda and minutes; decisions with an owner and a
due date; the papers attached to a meeting."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import CouncilKind, CouncilPost, DecisionStatus
from chanchuang.colleges.models.colleges import IndustryCollege, college_insiders
from chanchuang.core.models import Linked, Organisation
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet


class CouncilQuerySet(VisibleQuerySet):
    """Councils and committees: the college's insiders."""

    def visibility(self, scope: Scope) -> Q:
        return college_insiders(scope, "college")


class Council(Linked, models.Model):
    """A governing body of an industry college: its council or its management committee."""

    college = models.ForeignKey(IndustryCollege, verbose_name=_("industry college"),
                                on_delete=models.CASCADE, related_name="councils")
    kind = models.CharField(_("kind"), max_length=10, choices=CouncilKind.choices)
    name = models.CharField(_("name"), max_length=100)
    charter = models.TextField(_("charter"), blank=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils and committees")
        ordering = ["college", "kind", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def school_id(self) -> int:
        return self.college.school_id


class CouncilSeatQuerySet(VisibleQuerySet):
    """Seats: as their council."""

    def visibility(self, scope: Scope) -> Q:
        return college_insiders(scope, "council__college")


class CouncilSeat(models.Model):
    """A person's seat on a council or committee: their party, post and term."""

    council = models.ForeignKey(Council, verbose_name=_("council"), on_delete=models.CASCADE,
                                related_name="seats")
    name = models.CharField(_("name"), max_length=50)
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+",
                                     help_text=_("Empty: the school itself."))
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    post = models.CharField(_("post"), max_length=10, choices=CouncilPost.choices,
                            default=CouncilPost.MEMBER)
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("login"), null=True,
                             blank=True, on_delete=models.SET_NULL, related_name="council_seats")

    objects = CouncilSeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("council seat")
        verbose_name_plural = _("council members")
        ordering = ["council", "post", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__gte=F("term_start")), name="council_seat_term_order",
                violation_error_message=_("Term ends: it cannot be before the term starts.")),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_post_display()}）"

    @property
    def school_id(self) -> int:
        return self.council.college.school_id


class MeetingQuerySet(VisibleQuerySet):
    """Meetings: as their council."""

    def visibility(self, scope: Scope) -> Q:
        return college_insiders(scope, "council__college")


class Meeting(Linked, models.Model):
    """A meeting of a council or committee, with its agenda and minutes."""

    council = models.ForeignKey(Council, verbose_name=_("council"), on_delete=models.CASCADE,
                                related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.title}（{self.held_on}）"

    @property
    def school_id(self) -> int:
        return self.council.college.school_id


class DecisionQuerySet(VisibleQuerySet):
    """Decisions: as their meeting."""

    def visibility(self, scope: Scope) -> Q:
        return college_insiders(scope, "meeting__council__college")


class Decision(models.Model):
    """Something a meeting decided, owned by one person until done by a due date."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="decisions")
    text = models.CharField(_("decision"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True,
                              blank=True, on_delete=models.SET_NULL, related_name="decisions")
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=DecisionStatus.choices,
                              default=DecisionStatus.OPEN)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url()

    @property
    def school_id(self) -> int:
        return self.meeting.council.college.school_id


class MeetingPaperQuerySet(VisibleQuerySet):
    """Meeting papers: as their meeting."""

    def visibility(self, scope: Scope) -> Q:
        return college_insiders(scope, "meeting__council__college")


class MeetingPaper(models.Model):
    """A paper of a meeting (agenda, signed minutes, a presentation), checked by content."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="papers")
    file = PolicyFileField(_("file"), policy="document", folder="colleges/meetings",
                           name_field="original_name", route="colleges:meetingpaper_file")
    original_name = models.CharField(_("file name"), max_length=255, editable=False)
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = MeetingPaperQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting paper")
        verbose_name_plural = _("meeting papers")
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def school_id(self) -> int:
        return self.meeting.council.college.school_id
