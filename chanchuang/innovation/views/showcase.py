"""Pages of the showcase (众创空间): exhibitions, the items staff propose, the team's consent
(with the names they choose to show), publishing, and the school's public page with its
pictures, which anyone may open without logging in."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views import View

from chanchuang.core import generic_views as generic
from chanchuang.core.models import School
from chanchuang.core.uploads import file_response
from chanchuang.innovation.filters import showcase as filters
from chanchuang.innovation.forms import showcase as forms
from chanchuang.innovation.models import Exhibition, ShowcaseItem
from chanchuang.innovation.queries import showcase as showcase_queries
from chanchuang.innovation.services import showcase as services
from chanchuang.innovation.tables import showcase as tables

PUBLIC_IMAGE_MAX_AGE = 300  # seconds: a picture taken down leaves caches soon


# --- Exhibitions -----------------------------------------------------------------------------


class ExhibitionList(generic.ObjectListView):
    """Exhibitions, the latest first."""

    model = Exhibition
    table_class = tables.ExhibitionTable
    filterset_class = filters.ExhibitionFilterSet
    list_permission = "innovation.view_cohorts"

    def get_queryset(self):
        return super().get_queryset().annotate(shown=_published_count())


def _published_count() -> Count:
    """How many of an exhibition's items are on the public page."""
    return Count("items", filter=Q(items__published_at__isnull=False,
                                   items__consent_by__isnull=False))


class ExhibitionDetail(generic.ObjectDetailView):
    """An exhibition and the items of it the user may see."""

    model = Exhibition
    template_name = "innovation/exhibition_detail.html"

    def extra_context(self, exhibition):
        items = visible_items(self.request.user).filter(exhibition=exhibition)
        return {"items": items.select_related("project"),
                "public_url": reverse("innovation:showcase", args=[exhibition.school.code])}


class ExhibitionEdit(generic.ObjectEditView):
    """Add or change an exhibition."""

    model = Exhibition
    form_class = forms.ExhibitionForm


# --- Showcase items --------------------------------------------------------------------------


def visible_items(user):
    """The showcase items a user may see, each once (the team's students are a join)."""
    return ShowcaseItem.objects.visible_to(user)


class ItemView(generic.ScopedView):
    """A view over showcase items (each once, whatever the size of the team)."""

    model = ShowcaseItem

    def get_queryset(self):
        return visible_items(self.request.user).select_related("project", "exhibition",
                                                               "school")


class ShowcaseItemList(ItemView, generic.ObjectListView):
    """Items proposed, consented and published."""

    table_class = tables.ShowcaseItemTable
    filterset_class = filters.ShowcaseItemFilterSet
    list_permission = "innovation.view_cohorts"


class ShowcaseItemDetail(ItemView, generic.ObjectDetailView):
    """An item as the public will see it, where it stands, and the steps the user may take:
    staff publish or take down, a student of the project consents (choosing the names)."""

    template_name = "innovation/showcaseitem_detail.html"

    def extra_context(self, item):
        user = self.request.user
        can_consent = user.has_perm("innovation.consent", item)
        manages = user.has_perm("innovation.change_showcaseitem", item)
        return {
            "state": showcase_queries.state_of(item),
            "state_label": showcase_queries.state_of(item).label,
            "names": showcase_queries.shown_names(item.display_names),
            "sees_consent": manages or can_consent,
            "can_consent": can_consent,
            "consent_form": forms.ConsentForm(item=item) if can_consent else None,
            "can_publish": manages,
            "public_url": reverse("innovation:showcase", args=[item.school.code]),
        }


class ShowcaseItemEdit(ItemView, generic.ObjectEditView):
    """Propose a project for the showcase, or change an item (a change to what the team agreed
    to asks for their consent again)."""

    form_class = forms.ShowcaseItemForm

    def save(self, form):
        return services.save_item(actor=self.request.user, item=form.instance)


class ShowcaseItemConsent(ItemView, generic.ObjectActionView):
    """A student of the project consents, with the names the team shows."""

    permission = "innovation.consent"
    form_class = forms.ConsentForm

    def form_kwargs(self, item):
        return {"item": item}

    def act(self, item, form):
        services.consent(actor=self.request.user, item=item,
                         display_names=form.cleaned_data["names"])
        return _("Thank you: the team agrees to the item being shown.")


class ShowcaseItemWithdraw(ItemView, generic.ObjectActionView):
    """A student of the project withdraws the consent; the item leaves the public page."""

    permission = "innovation.withdraw_consent"

    def act(self, item, form):
        services.withdraw_consent(actor=self.request.user, item=item)
        return _("Consent withdrawn; the item is no longer shown.")


class ShowcaseItemPublish(ItemView, generic.ObjectActionView):
    """Staff put a consented item on the public page."""

    permission = "innovation.change_showcaseitem"

    def act(self, item, form):
        services.publish(actor=self.request.user, item=item)
        return _("Published on the school's showcase.")


class ShowcaseItemUnpublish(ItemView, generic.ObjectActionView):
    """Staff take an item off the public page."""

    permission = "innovation.change_showcaseitem"

    def act(self, item, form):
        services.publish(actor=self.request.user, item=item, published=False)
        return _("Taken off the school's showcase.")


class ShowcaseItemImage(ItemView, generic.StoredFileView):
    """An item's picture, for those who may see the item (before it is published too)."""

    field = "image"
    cache_control = "private, max-age=60"


# --- The public page -------------------------------------------------------------------------


class PublicShowcase(View):
    """Public, without logging in: the school's published items the teams consented to, by
    exhibition, with the names they chose — and nothing else about anyone."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        school = get_object_or_404(School, code=code)
        return render(request, "innovation/showcase_public.html", {
            "school": school, "sections": showcase_queries.public_showcase(school)})


class PublicImage(View):
    """Public: the picture of a published item the team consented to (404 for any other)."""

    def get(self, request: HttpRequest, code: str, pk: int) -> FileResponse:
        item = get_object_or_404(ShowcaseItem.objects.public().filter(school__code=code),
                                 pk=pk)
        if not item.image:
            raise Http404
        return file_response(item.image, cache=f"public, max-age={PUBLIC_IMAGE_MAX_AGE}")


urlpatterns = [
    *generic.object_paths("innovation/exhibitions", "exhibition", list_view=ExhibitionList,
                  detail_view=ExhibitionDetail, edit_view=ExhibitionEdit, delete_view=None),
    *generic.object_paths("innovation/showcase-items", "showcaseitem", list_view=ShowcaseItemList,
                  detail_view=ShowcaseItemDetail, edit_view=ShowcaseItemEdit,
                  delete_view=None),
    path("innovation/showcase-items/<int:pk>/image/", ShowcaseItemImage.as_view(),
         name="showcaseitem_image"),
    path("innovation/showcase-items/<int:pk>/consent/", ShowcaseItemConsent.as_view(),
         name="showcaseitem_consent"),
    path("innovation/showcase-items/<int:pk>/withdraw-consent/",
         ShowcaseItemWithdraw.as_view(), name="showcaseitem_withdraw"),
    path("innovation/showcase-items/<int:pk>/publish/", ShowcaseItemPublish.as_view(),
         name="showcaseitem_publish"),
    path("innovation/showcase-items/<int:pk>/unpublish/", ShowcaseItemUnpublish.as_view(),
         name="showcaseitem_unpublish"),
    path("showcase/<str:code>/", PublicShowcase.as_view(), name="showcase"),
    path("showcase/<str:code>/<int:pk>/image/", PublicImage.as_view(), name="showcase_image"),
]
