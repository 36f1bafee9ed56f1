"""The import engine: plan a workbook (what would be created, changed, left alone, or refused),
then apply the plan in one transaction.

An import kind (``WorkbookImport``) is a list of sheet importers in dependency order; a sheet
importer (``SheetImporter``) declares its columns and natural key and says how a parsed row
becomes objects. Planning writes nothing and reports every bad row with its row number, column
and message; applying re-plans against the current database and writes only if nothing is bad,
so one bad row means zero rows written. Importing the same file twice changes nothing the second
time: rows equal to what is stored are "unchanged".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.tabular.columns import CellError, Column, spellings
from chanchuang.core.tabular.reading import Sheet, cell_text, open_workbook

PROGRESS_EVERY = 2000
PREVIEW_CHANGES = 200


@dataclass(frozen=True)
class RowError:
    """One refused cell or row: where it is and why, in the user's language."""

    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}


class RowInvalid(Exception):
    """A row refused as a whole or per column: {column field or "": message}."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(problems)
        self.problems = problems


@dataclass
class Planned:
    """What one row will do: create, update (with its changes) or nothing."""

    key: str
    action: str  # "create" | "update" | "unchanged"
    objects: dict[str, models.Model]
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass
class ImportContext:
    """What planning a workbook knows: the school, who imports, and the lookup tables that
    sheets fill for the sheets after them (e.g. majors a class sheet refers to)."""

    school: Any
    actor: Any
    lookups: dict[str, dict[str, Any]] = field(default_factory=dict)
    create_only: bool = False  # an existing natural key is an error, not an update


class SheetImporter:
    """One sheet of an import: columns, natural key, and how a row becomes objects."""

    do_not_call_in_templates = True  # pages list the classes' titles (工作表：院系、专业…)

    name: ClassVar[str]
    title: ClassVar[Any]
    model: ClassVar[type[models.Model]]
    key: ClassVar[str]
    columns: ClassVar[list[Column]]

    def __init__(self, context: ImportContext) -> None:
        self.context = context
        self.existing = self.load_existing()
        self.column_titles = {column.field: str(column.title) for column in self.columns}

    def load_existing(self) -> dict[str, Any]:
        """Stored objects by natural key (one query)."""
        raise NotImplementedError

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        """Turn a parsed row into a plan; ``present`` are the columns the sheet has."""
        raise NotImplementedError

    def register(self, planned: Planned) -> None:
        """Make a planned object available to later sheets' lookups."""

    def write(self, plans: list[Planned]) -> None:
        """Create and update the planned objects (inside the import's transaction)."""
        raise NotImplementedError

    # Helpers for subclasses ------------------------------------------------------------------

    def compare(self, obj: models.Model, values: dict[str, Any], fields: Iterable[str],
                present: set[str]) -> dict[str, tuple[Any, Any]]:
        """Set the given fields that the sheet has a value for on ``obj``; return what changed.

        A blank cell leaves the stored value alone. Related objects compare by id (a new,
        unsaved one always differs); their old value must already be loaded
        (``select_related``) so that comparing costs no query.
        """
        changes = {}
        for name in fields:
            new = values.get(name)
            if name not in present or new is None:
                continue
            field_ = obj._meta.get_field(name)
            if field_.is_relation:
                old_id = getattr(obj, field_.attname)
                if new.pk is not None and new.pk == old_id:
                    continue
                old = getattr(obj, name) if old_id is not None else None
            else:
                old = getattr(obj, name)
                if old == new:
                    continue
            changes[name] = (old, new)
            setattr(obj, name, new)
        return changes

    @staticmethod
    def validate(obj: models.Model, fields: Iterable[str], column_of: dict[str, str]) -> None:
        """Run the model's own field validators and ``clean()``; raise RowInvalid per column."""
        problems: dict[str, str] = {}
        for name in fields:
            value = getattr(obj, name)
            if value in (None, ""):
                continue
            try:
                obj._meta.get_field(name).run_validators(value)
            except ValidationError as exc:
                problems[column_of.get(name, name)] = " ".join(exc.messages)
        if not problems:
            try:
                obj.clean()
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    problems[column_of.get(name, "")] = " ".join(messages)
        if problems:
            raise RowInvalid(problems)


class WorkbookImport:
    """An import kind: its sheets in dependency order, who may run it, and its lookups."""

    name: ClassVar[str]
    title: ClassVar[Any]
    permission: ClassVar[str]
    sheets: ClassVar[list[type[SheetImporter]]]
    audit_action: ClassVar[str]  # what a run records, e.g. core.roster.imported

    def context(self, school, actor) -> ImportContext:
        """The lookups the sheets start from (the school's stored data)."""
        return ImportContext(school=school, actor=actor)

    def template_lists(self, school) -> dict[str, list[str]]:
        """Values for the template's dropdowns, by lookup or field name."""
        return {}


@dataclass
class SheetPlan:
    """The plan of one sheet."""

    importer: SheetImporter
    plans: list[Planned] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "update": 0, "unchanged": 0}
        for plan in self.plans:
            counts[plan.action] += 1
        return counts


@dataclass
class WorkbookPlan:
    """The plan of a whole workbook: per sheet what it would do, and every problem found."""

    sheets: list[SheetPlan]
    errors: list[RowError]

    @property
    def ok(self) -> bool:
        return not self.errors and any(sheet.plans for sheet in self.sheets)

    def summary(self) -> dict[str, Any]:
        """Counts per sheet and a preview of the changes, for the job page and the API."""
        sheets = []
        for sheet in self.sheets:
            columns = {c.field: c for c in sheet.importer.columns}
            changes = []
            for plan in sheet.plans:
                if plan.action != "update" or len(changes) >= PREVIEW_CHANGES:
                    continue
                shown = {name: (columns[name].template_value(old),
                                columns[name].template_value(new))
                         if name in columns else (old, new)
                         for name, (old, new) in plan.changes.items()}
                for name, (old, new) in audit.changes_of(shown).items():
                    title = str(columns[name].title) if name in columns else name
                    changes.append({"key": plan.key, "column": title, "before": old,
                                    "after": new})
            sheets.append({
                "name": sheet.importer.name,
                "title": str(sheet.importer.title),
                **sheet.counts(),
                "creates": [p.key for p in sheet.plans if p.action == "create"][:50],
                "changes": changes[:PREVIEW_CHANGES],
            })
        return {"sheets": sheets}


ProgressCallback = Callable[[int, int], None]


def _match_sheets(kind: WorkbookImport, sheets: list[Sheet]) -> tuple[list, list[RowError]]:
    """Pair each workbook sheet with an importer by its name, or by its headers when the
    workbook has one sheet of an importer's columns."""
    by_name = {name: importer for importer in kind.sheets
               for name in spellings(importer.name, importer.title)}
    pairs = []
    for sheet in sheets:
        importer = by_name.get(sheet.name.strip().lower())
        if importer is None and len(sheets) == 1:
            importer = _importer_by_headers(kind, sheet)
        if importer is not None:
            pairs.append((importer, sheet))
    if not pairs:
        names = "、".join(str(s.title) for s in kind.sheets)
        return [], [RowError("", 0, "", _("No sheet of this workbook is one of: %(names)s. Name "
                                          "the sheet like the template does.") % {"names": names})]
    order = {importer: i for i, importer in enumerate(kind.sheets)}
    return sorted(pairs, key=lambda pair: order[pair[0]]), []


def _header_row(sheet: Sheet) -> tuple[int, list[str]]:
    for number, values in sheet.rows():
        texts = [cell_text(v) for v in values]
        if any(texts):
            return number, texts
    return 0, []


def _importer_by_headers(kind: WorkbookImport, sheet: Sheet):
    _, headers = _header_row(sheet)
    found = {h.strip().lower() for h in headers}
    for importer in reversed(kind.sheets):
        required = [c for c in importer.columns if c.required]
        if all(c.header_names() & found for c in required):
            return importer
    return None


def plan_workbook(kind: WorkbookImport, stream: IO[bytes], *, school, actor,
                  create_only: bool = False,
                  progress: ProgressCallback | None = None,
                  heartbeat: Callable[[], None] | None = None) -> WorkbookPlan:
    """Read and check the whole workbook against the database; write nothing. ``heartbeat``
    is called while the workbook is being read (which reports no rows yet)."""
    sheets = open_workbook(stream, waiting=heartbeat)
    pairs, errors = _match_sheets(kind, sheets)
    context = kind.context(school, actor)
    context.create_only = create_only
    total = sum(sheet.row_count for _importer, sheet in pairs)
    done = 0
    plans = []
    for importer_class, sheet in pairs:
        importer = importer_class(context)
        sheet_plan = SheetPlan(importer)
        plans.append(sheet_plan)
        for count in _plan_sheet(importer, sheet, sheet_plan, errors):
            done += count
            if progress:
                progress(done, total)
    return WorkbookPlan(plans, errors)


def _plan_sheet(importer: SheetImporter, sheet: Sheet, sheet_plan: SheetPlan,
                errors: list[RowError]):
    """Plan one sheet, appending its problems to ``errors``; yields rows done as it goes."""
    title = sheet.name
    header_number, headers = _header_row(sheet)
    columns_at: list[Column | None] = []
    names = {c: c.header_names() for c in importer.columns}
    for header in headers:
        label = header.strip().lower()
        columns_at.append(next((c for c, n in names.items() if label in n), None))
    present = {c.field for c in columns_at if c is not None}
    missing = [str(c.title) for c in importer.columns if c.required and c.field not in present]
    if missing:
        errors.append(RowError(title, header_number, "、".join(missing),
                               _("The sheet lacks these required columns.")))
        return
    skip = _template_rows(importer)
    seen: dict[str, int] = {}
    lookups = importer.context.lookups
    batch = 0
    for number, raw in sheet.rows():
        batch += 1
        if batch == PROGRESS_EVERY:
            yield batch
            batch = 0
        if number <= header_number:
            continue
        texts = tuple(cell_text(v) for v in raw[:len(columns_at)])
        if not any(texts) or _is_template_row(texts, columns_at, skip):
            continue
        values: dict[str, Any] = {}
        row_errors = []
        for column, value in zip(columns_at, raw, strict=False):
            if column is None:
                continue
            try:
                values[column.field] = column.parse(value, lookups)
            except CellError as exc:
                row_errors.append(RowError(title, number, str(column.title), str(exc)))
        for column in importer.columns:
            if column.required and column.field not in values and not any(
                    e.column == str(column.title) for e in row_errors):
                row_errors.append(RowError(title, number, str(column.title),
                                           _("This cell is required.")))
        key = values.get(importer.key)
        key_column = next(c for c in importer.columns if c.field == importer.key)
        if key is not None:
            key = str(key)
            if key in seen:
                row_errors.append(RowError(title, number, str(key_column.title),
                                           _("“%(key)s” already appears in row %(row)d.")
                                           % {"key": key, "row": seen[key]}))
            else:
                seen[key] = number
            if importer.context.create_only and key in importer.existing:
                row_errors.append(RowError(title, number, str(key_column.title),
                                           _("“%(key)s” is already registered.") % {"key": key}))
        if row_errors:
            errors.extend(row_errors)
            continue
        try:
            planned = importer.build(values, present)
        except RowInvalid as exc:
            errors.extend(RowError(title, number, column, message)
                          for column, message in exc.problems.items())
            continue
        sheet_plan.plans.append(planned)
        importer.register(planned)
    yield batch


def _template_rows(importer: SheetImporter) -> list[dict[str, str]]:
    """The template's note and sample rows (field → text), which a filled-in template may still
    carry; such rows are skipped."""
    from django.utils import translation

    from chanchuang.core.tabular.templates import note_row, sample_row

    fields = [c.field for c in importer.columns]
    rows = []
    for language in ("zh-hans", "en"):  # the template may have been downloaded in either
        with translation.override(language):
            for row in (note_row(importer), sample_row(importer)):
                rows.append(dict(zip(fields, (cell_text(v) for v in row), strict=True)))
    return rows


def _is_template_row(texts: tuple[str, ...], columns_at, template_rows) -> bool:
    row = {c.field: text for c, text in zip(columns_at, texts, strict=False) if c is not None}
    return any(all(template.get(name) == text for name, text in row.items())
               for template in template_rows)


def apply_workbook(kind: WorkbookImport, stream: IO[bytes], *, school, actor, job=None,
                   create_only: bool = False,
                   progress: ProgressCallback | None = None,
                   heartbeat: Callable[[], None] | None = None) -> WorkbookPlan:
    """Plan again against the current database and, if nothing is bad, write it all in one
    transaction with its audit entries. Returns the plan (with errors if nothing was written)."""
    plan = plan_workbook(kind, stream, school=school, actor=actor, create_only=create_only,
                         progress=progress, heartbeat=heartbeat)
    if not plan.ok:
        return plan
    with transaction.atomic():
        for sheet in plan.sheets:
            sheet.importer.write(sheet.plans)
            _audit_updates(sheet, actor, school)
        audit.record(actor=actor, action=kind.audit_action, obj=job, school_id=school.pk,
                     data={"kind": kind.name, **{s["name"]: {k: s[k] for k in
                                                            ("create", "update", "unchanged")}
                                                 for s in plan.summary()["sheets"]}})
    return plan


def _audit_updates(sheet: SheetPlan, actor, school) -> None:
    """One audit entry with before/after per changed row (creations are in the job's entry)."""
    from django.contrib.contenttypes.models import ContentType

    from chanchuang.core.models import AuditEntry

    model = sheet.importer.model
    content_type = ContentType.objects.get_for_model(model)
    entries = []
    for plan in sheet.plans:
        if plan.action != "update":
            continue
        obj = plan.objects[model._meta.model_name]
        entries.append(AuditEntry(
            school_id=school.pk, actor=actor, action="changed",
            content_type=content_type, object_id=str(obj.pk), object_repr=str(plan.key)[:200],
            changes=audit.changes_of(plan.changes), data={"via": "import"},
        ))
    AuditEntry.objects.bulk_create(entries, batch_size=1000)
