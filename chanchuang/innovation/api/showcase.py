"""API of the showcase: the items a user may see, the team's consent (a student of the project)
and publishing (staff), and each school's public showcase, open to anyone (``auth=None``)
with exactly what the public page shows."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.core.api import filter_params, filtered
from chanchuang.core.models import School
from chanchuang.innovation.filters import showcase as filters
from chanchuang.innovation.models import ShowcaseItem
from chanchuang.innovation.queries import showcase as showcase_queries
from chanchuang.innovation.services import showcase as services

router = Router(tags=["innovation"])


class ShowcaseItemOut(Schema):
    """An item as those who may see it read it: where it stands and the names shown."""

    id: int
    school_id: int
    project_id: int
    exhibition_id: int | None
    title: str
    summary: str
    image_url: str | None
    names: list[str]
    state: str
    consent_at: dt.datetime | None
    published_at: dt.datetime | None

    @staticmethod
    def resolve_image_url(obj) -> str | None:
        return reverse("innovation:showcaseitem_image", args=[obj.pk]) if obj.image else None

    @staticmethod
    def resolve_names(obj) -> list[str]:
        return showcase_queries.shown_names(obj.display_names)

    @staticmethod
    def resolve_state(obj) -> str:
        return showcase_queries.state_of(obj)


class ConsentIn(Schema):
    """The names the team shows (each a student of the project; none is fine)."""

    names: list[str] = []


class PublicItemOut(Schema):
    """A project on the public page: its title, summary, picture and the names the team chose
    — nothing else about anyone."""

    id: int
    title: str
    summary: str
    image_url: str | None
    names: list[str]


class PublicSectionOut(Schema):
    """An exhibition on the public page (none: the items shown outside any exhibition)."""

    exhibition: str | None
    held_on: dt.date | None
    place: str
    description: str
    items: list[PublicItemOut]


class PublicShowcaseOut(Schema):
    """A school's public showcase."""

    school: str
    sections: list[PublicSectionOut]


ItemParams = filter_params(filters.ShowcaseItemFilterSet)


def _items(request: HttpRequest):
    return ShowcaseItem.objects.visible_to(request.user)


def _item(request: HttpRequest, item_id: int) -> ShowcaseItem:
    return get_object_or_404(_items(request).select_related("project", "school"), pk=item_id)


def _acting(request: HttpRequest, item_id: int, permission: str) -> ShowcaseItem:
    item = _item(request, item_id)
    if not request.user.has_perm(permission, item):
        raise PermissionDenied
    return item


@router.get("/showcase-items", response=list[ShowcaseItemOut])
@paginate(PageNumberPagination, page_size=50)
def list_items(request: HttpRequest, params: Query[ItemParams]):
    if not request.user.has_perm("innovation.view_cohorts"):
        raise PermissionDenied
    return filtered(request, filters.ShowcaseItemFilterSet, _items(request), params)


@router.post("/showcase-items/{item_id}/consent", response=ShowcaseItemOut)
def consent(request: HttpRequest, item_id: int, data: ConsentIn):
    """A student of the project consents, choosing the names shown."""
    item = _acting(request, item_id, "innovation.consent")
    return services.consent(actor=request.user, item=item, display_names=data.names)


@router.delete("/showcase-items/{item_id}/consent", response=ShowcaseItemOut)
def withdraw_consent(request: HttpRequest, item_id: int):
    """A student of the project withdraws the consent; the item leaves the public page."""
    item = _acting(request, item_id, "innovation.withdraw_consent")
    return services.withdraw_consent(actor=request.user, item=item)


@router.post("/showcase-items/{item_id}/publish", response=ShowcaseItemOut)
def publish(request: HttpRequest, item_id: int):
    """Staff publish a consented item (refused without the team's consent)."""
    item = _acting(request, item_id, "innovation.change_showcaseitem")
    return services.publish(actor=request.user, item=item)


@router.post("/showcase-items/{item_id}/unpublish", response=ShowcaseItemOut)
def unpublish(request: HttpRequest, item_id: int):
    """Staff take an item off the public page."""
    item = _acting(request, item_id, "innovation.change_showcaseitem")
    return services.publish(actor=request.user, item=item, published=False)


@router.get("/showcase/{school_code}", response=PublicShowcaseOut, auth=None)
def public_showcase(request: HttpRequest, school_code: str):
    """Public: what the school's showcase page shows."""
    school = get_object_or_404(School, code=school_code)
    sections = []
    for section in showcase_queries.public_showcase(school):
        exhibition = section.exhibition
        sections.append(PublicSectionOut(
            exhibition=exhibition.name if exhibition else None,
            held_on=exhibition.held_on if exhibition else None,
            place=exhibition.place if exhibition else "",
            description=exhibition.description if exhibition else "",
            items=[PublicItemOut(
                id=item.pk, title=item.title, summary=item.summary, names=item.names,
                image_url=reverse("innovation:showcase_image", args=[school.code, item.pk])
                if item.image else None) for item in section.items]))
    return PublicShowcaseOut(school=school.name, sections=sections)
