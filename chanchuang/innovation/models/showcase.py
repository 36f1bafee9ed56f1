"""The showcase (众创空间): exhibitions and the projects shown publicly, each with its team's
consent and only the names the team chose to show."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Linked, School, Student
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.innovation.models.intake import Project, projects_of_user
from chanchuang.innovation.models.records import SchoolDataQuerySet


class Exhibition(Linked, models.Model):
    """An exhibition of projects, e.g. a graduation exhibition."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="exhibitions")
    name = models.CharField(_("exhibition"), max_length=200)
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = SchoolDataQuerySet.as_manager()

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return self.name


class ShowcaseItemQuerySet(VisibleQuerySet):
    """Showcase items: the school's staff; the students of the project; and, once published,
    everyone of the school."""

    def visibility(self, scope: Scope) -> Q:
        return (Q(school_id__in=scope.staff_schools)
                | Q(project_id__in=projects_of_user(scope.user_id))
                | Q(school_id__in=scope.member_schools, published_at__isnull=False))

    def public(self) -> ShowcaseItemQuerySet:
        """What anyone may see: published, with the team's consent."""
        return self.filter(published_at__isnull=False, consent_by__isnull=False)


class ShowcaseItem(Linked, models.Model):
    """A project on the public showcase: a title, a summary, an image and the names the team
    agreed to show. Staff propose it; a student of the project consents; staff publish it."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="showcase_items")
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE,
                                related_name="showcase_items")
    exhibition = models.ForeignKey(Exhibition, verbose_name=_("exhibition"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="items")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    image = PolicyFileField(_("image"), policy="image", folder="showcase",
                            route="innovation:showcaseitem_image", blank=True)
    display_names = models.CharField(
        _("names shown"), max_length=200, blank=True,
        help_text=_("Chosen by the team when consenting; empty: no names."))
    consent_by = models.ForeignKey(Student, verbose_name=_("consent given by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+",
                                   editable=False)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True,
                                      editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True,
                                        editable=False)

    objects = ShowcaseItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("showcase item")
        verbose_name_plural = _("showcase items")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title
