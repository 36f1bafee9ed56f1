"""Partner organisations as an import, keyed by unified social credit code (or by name for an
organisation without one)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Industry, OrganisationKind, OrganisationSize, RegionLevel
from chanchuang.core.models import Organisation, Region
from chanchuang.core.pinyin import pinyin_keys
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.importing import (
    ImportContext,
    Planned,
    SheetImporter,
    WorkbookImport,
)
from chanchuang.core.tabular.registry import register_import

BATCH = 1000
FIELDS = ["credit_code", "kind", "industry", "size", "region", "website"]


class OrganisationSheet(SheetImporter):
    """Organisations by name; the credit code is checked like the form checks it."""

    name = "organisations"
    title = _("Organisations")
    model = Organisation
    key = "name"
    columns = [
        Column("name", _("name"), required=True, example="江城新能源研究院有限公司",
               max_length=200),
        Column("credit_code", _("unified social credit code"), as_text=True,
               example="91350100M000100Y43", note=_("18 characters")),
        Column("kind", _("kind"), kind="choice", choices=OrganisationKind,
               example=OrganisationKind.ENTERPRISE),
        Column("industry", _("industry"), kind="choice", choices=Industry, example=Industry.M),
        Column("size", _("size"), kind="choice", choices=OrganisationSize,
               example=OrganisationSize.SMALL),
        Column("region", _("region"), kind="lookup", lookup="regions", example="湖北省武汉市",
               note=_("a province or city, by name or six-digit code"),
               export=lambda o: o.region.full_name if o.region_id else ""),
        Column("website", _("website"), example="https://example.cn"),
    ]

    def load_existing(self):
        return {o.name: o for o in Organisation.objects.filter(school=self.context.school)
                .select_related("region")}

    def build(self, values, present):
        organisation = self.existing.get(values["name"])
        creating = organisation is None
        if creating:
            organisation = Organisation(school=self.context.school, name=values["name"],
                                        kind=OrganisationKind.ENTERPRISE)
        if values.get("credit_code"):
            values = {**values, "credit_code": values["credit_code"].upper()}
        changes = self.compare(organisation, values, FIELDS, present)
        self.validate(organisation, ["credit_code", "website"], self.column_titles)
        if creating:
            return Planned(organisation.name, "create", {"organisation": organisation})
        return Planned(organisation.name, "update" if changes else "unchanged",
                       {"organisation": organisation}, changes)

    def write(self, plans):
        creates = [p.objects["organisation"] for p in plans if p.action == "create"]
        for organisation in creates:
            organisation.name_pinyin, organisation.name_initials = pinyin_keys(organisation.name)
        Organisation.objects.bulk_create(creates, batch_size=BATCH)
        updates = [p for p in plans if p.action == "update"]
        changed = [f for f in FIELDS if any(f in p.changes for p in updates)]
        if changed:
            Organisation.objects.bulk_update([p.objects["organisation"] for p in updates],
                                             changed, batch_size=BATCH)


@register_import
class OrganisationImport(WorkbookImport):
    """The school's partner register."""

    name = "organisations"
    title = _("Partner organisations")
    permission = "partners.import_organisations"
    audit_action = "partners.organisation.imported"
    sheets = [OrganisationSheet]

    def context(self, school, actor) -> ImportContext:
        return ImportContext(school=school, actor=actor, lookups={"regions": region_lookup()})

    def template_lists(self, school) -> dict[str, list[str]]:
        return {}


def region_lookup() -> dict[str, Region]:
    """Provinces and cities by code, by full name (湖北省武汉市) and by their own name."""
    regions = Region.objects.exclude(level=RegionLevel.DISTRICT).select_related("parent")
    lookup: dict[str, Region] = {}
    for region in regions:
        lookup[region.code] = region
        lookup[region.full_name] = region
    for region in regions:
        lookup.setdefault(region.name, region)
    return lookup
