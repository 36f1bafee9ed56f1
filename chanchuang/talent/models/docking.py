"""Docking activities (对接活动): enterprise–major and industry–department meetings with their
attendees, outcomes and the follow-ups someone owns."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Department, Linked, Major, Organisation, School
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.partners.models import Agreement, Interaction
from chanchuang.talent.choices import DockingKind


def docking_seen(scope: Scope, path: str = "") -> Q:
    """Who sees a docking activity (reached through ``path``, "" for the activity itself): the
    school's staff and department staff, and the members of the organisations that took part
    (a subquery, so each activity is listed once)."""
    prefix = f"{path}__" if path else ""
    event = f"{path}_id" if path else "pk"
    taking_part = DockingEvent.organisations.through.objects.filter(
        organisation_id__in=scope.organisation_ids).values("dockingevent_id")
    return (Q(**{f"{prefix}school_id__in": scope.staff_schools | scope.department_schools})
            | Q(**{f"{event}__in": taking_part}))


class DockingEventQuerySet(VisibleQuerySet):
    """Docking activities: see ``docking_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return docking_seen(scope)


class DockingEvent(Linked, models.Model):
    """A meeting between enterprises and the school's majors or departments, and what came of
    it."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="docking_events", editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=DockingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    organisations = models.ManyToManyField(Organisation, verbose_name=_("enterprises"),
                                           related_name="docking_events")
    departments = models.ManyToManyField(Department, verbose_name=_("departments"), blank=True,
                                         related_name="docking_events")
    majors = models.ManyToManyField(Major, verbose_name=_("majors"), blank=True,
                                    related_name="docking_events")
    attendees = models.TextField(_("attendees"), blank=True,
                                 help_text=_("Who came, one per line: name, organisation, post."))
    outcome = models.TextField(_("outcome"), blank=True)
    agreement = models.ForeignKey(Agreement, verbose_name=_("resulting agreement"), null=True,
                                  blank=True, on_delete=models.SET_NULL,
                                  related_name="docking_events")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+",
                                    editable=False)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    # The entries the activity added to its enterprises' timelines (one per enterprise), so an
    # enterprise added later gets its own and none gets two.
    timeline_entries = models.ManyToManyField(Interaction, verbose_name=_("timeline entries"),
                                              blank=True, editable=False,
                                              related_name="docking_events")

    objects = DockingEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("docking activity")
        verbose_name_plural = _("docking activities")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class FollowUpQuerySet(VisibleQuerySet):
    """Follow-ups: as their activity, and the owner's own."""

    def visibility(self, scope: Scope) -> Q:
        return docking_seen(scope, "event") | Q(owner_id=scope.user_id)


class FollowUp(models.Model):
    """Something a docking activity left to do, with who owns it and by when; it stays on the
    owner's to-do list until done."""

    event = models.ForeignKey(DockingEvent, verbose_name=_("docking activity"),
                              on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("action"), max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"),
                              on_delete=models.PROTECT, related_name="docking_follow_ups")
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    note = models.TextField(_("note"), blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return self.action

    @property
    def school_id(self) -> int:
        return self.event.school_id
