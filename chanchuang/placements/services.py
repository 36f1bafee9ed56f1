"""State changes of the placements app: plans and blocks, positions, two-way selection rounds
(choices, rankings, the match, publication), placements and their compliance records, logs,
sign-offs and evaluations. Each validates, runs in a transaction, is audited, and refuses bad
input with a ``DomainError`` that names the problem."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core import services as core_services
from chanchuang.core.choices import Role
from chanchuang.core.formats import local_time
from chanchuang.core.lookups import id_list
from chanchuang.core.models import MatchRun, Notification, Student, User
from chanchuang.core.services import DomainError, validate
from chanchuang.core.uploads import DOCUMENT
from chanchuang.partners import services as partner_services
from chanchuang.partners.choices import AgreementStatus, CommitmentKind, DeliverySource, PartyRole
from chanchuang.partners.models import AgreementParty, AgreementType, Commitment
from chanchuang.placements import compliance, queries
from chanchuang.placements.choices import (
    ACTIVE,
    EvaluatorSide,
    Grade,
    LogStatus,
    PlacementStatus,
    PositionStatus,
    RoundStatus,
)
from chanchuang.placements.models import (
    Evaluation,
    Log,
    Placement,
    PlanBlock,
    Position,
    Preference,
    Ranking,
    SelectionRound,
    SignOff,
    TrainingPlan,
)

SIGN_OFF_SALT = "chanchuang.placements.sign-off"
SIGN_OFF_DAYS = 14
# The rubric both sides evaluate against: criterion → weight (weights add up to 1).
RUBRIC = {
    "professional_ethics": Decimal("0.20"),
    "skills": Decimal("0.30"),
    "attitude": Decimal("0.20"),
    "teamwork": Decimal("0.15"),
    "innovation": Decimal("0.15"),
}
GRADE_FLOORS = [(90, Grade.EXCELLENT), (80, Grade.GOOD), (70, Grade.FAIR), (60, Grade.PASS)]


def _created(actor, obj, action: str, **extra) -> None:
    audit.record(actor=actor, action=action, obj=obj,
                 after=audit.snapshot(obj), **extra)


# --- Plans and blocks ------------------------------------------------------------------------


def add_block(*, actor: User, plan: TrainingPlan, kind: str, start_date: dt.date,
              end_date: dt.date, title: str = "") -> PlanBlock:
    """Add a school or enterprise block to a plan's calendar; blocks never overlap."""
    block = PlanBlock(plan=plan, kind=kind, start_date=start_date, end_date=end_date,
                      title=title)
    validate(block)
    if plan.blocks.filter(start_date__lte=end_date, end_date__gte=start_date).exists():
        raise DomainError(_("Dates: this block overlaps another block of the plan."))
    with transaction.atomic():
        block.save()
        _created(actor, block, "placements.block.added", school_id=plan.school_id)
    return block


# --- Rounds ----------------------------------------------------------------------------------


def open_round(*, actor: User, plan: TrainingPlan, choices_deadline: dt.datetime,
               rankings_deadline: dt.datetime, max_choices: int = 5) -> SelectionRound:
    """Open the next round of a plan; a later round follows the published one before it."""
    if rankings_deadline < choices_deadline:
        raise DomainError(_("Deadlines: enterprises rank after students have chosen."))
    if not 1 <= max_choices <= 20:
        raise DomainError(_("Choices per student: between 1 and 20."))
    with transaction.atomic():
        rounds = list(plan.rounds.select_for_update().order_by("number"))
        previous = rounds[-1] if rounds else None
        if previous is not None and previous.status != RoundStatus.PUBLISHED:
            raise DomainError(_("Round %(n)d is not published yet.") % {"n": previous.number})
        selection = SelectionRound.objects.create(
            plan=plan, number=len(rounds) + 1, choices_deadline=choices_deadline,
            rankings_deadline=rankings_deadline, max_choices=max_choices, previous=previous)
        _created(actor, selection, "placements.round.opened", school_id=plan.school_id)
        _tell_round_opened(selection)
    return selection


def _enterprise_members(plan: TrainingPlan):
    """The logins of the organisations with positions in the plan."""
    return User.objects.filter(
        memberships__role=Role.ENTERPRISE_MEMBER,
        memberships__organisation_id__in=plan.positions.values("organisation_id")).distinct()


def _tell_round_opened(selection: SelectionRound) -> None:
    """The round's students may file their choices; its enterprises will rank them."""
    core_services.notify_all(
        users=User.objects.filter(pk__in=queries.eligible_students(selection).values("user_id")),
        title=_("%(round)s is open: file your choices by %(deadline)s")
        % {"round": selection, "deadline": local_time(selection.choices_deadline)},
        url=reverse("placements:round_choices", args=[selection.pk]))
    core_services.notify_all(
        users=_enterprise_members(selection.plan),
        title=_("%(round)s is open: rank your applicants by %(deadline)s")
        % {"round": selection, "deadline": local_time(selection.rankings_deadline)},
        url=selection.get_absolute_url())


def remind_rankings_due(now: dt.datetime | None = None) -> int:
    """A day before an open round's rankings deadline, remind the members of each enterprise
    with applicants it has not ranked yet (once: a member already reminded is not told
    again). Returns how many were told."""
    now = now or timezone.now()
    told = 0
    for selection in SelectionRound.objects.filter(
            status=RoundStatus.OPEN, rankings_deadline__gt=now,
            rankings_deadline__lte=now + dt.timedelta(days=1)):
        unranked = Preference.objects.filter(round=selection).exclude(
            position__in=Ranking.objects.filter(round=selection).values("position")
        ).values("position__organisation_id")
        title = _("Rank your applicants for %(round)s by %(deadline)s") % {
            "round": selection, "deadline": local_time(selection.rankings_deadline)}
        url = selection.get_absolute_url()
        members = User.objects.filter(
            memberships__role=Role.ENTERPRISE_MEMBER,
            memberships__organisation_id__in=unranked).exclude(
            pk__in=Notification.objects.filter(title=title[:200], url=url).values("user_id")
        ).distinct()
        told += core_services.notify_all(users=members, title=title, url=url)
    return told


def _require_open(selection: SelectionRound, deadline: dt.datetime, who: str) -> None:
    if selection.status != RoundStatus.OPEN:
        raise DomainError(_("This round is closed: %(status)s.")
                          % {"status": selection.get_status_display()})
    if timezone.now() > deadline:
        raise DomainError(_("The deadline for %(who)s passed on %(deadline)s.") % {
            "who": who, "deadline": local_time(deadline)})


def set_choices(*, actor: User, selection: SelectionRound, student: Student,
                positions: list[Position]) -> list[Preference]:
    """Replace a student's ordered choices (first = most wanted). A position the rules decided
    before the match keep the student from (``compliance.before_the_match``) is refused with
    the rule."""
    _require_open(selection, selection.choices_deadline, _("students' choices"))
    if not queries.eligible_students(selection).filter(pk=student.pk).exists():
        raise DomainError(_("%(name)s is not in this round's cohort.")
                          % {"name": student.user.real_name})
    if len(positions) > selection.max_choices:
        raise DomainError(_("At most %(n)d choices.") % {"n": selection.max_choices})
    start = queries.enterprise_period(selection.plan)[0]
    seen: set[int] = set()
    for position in positions:
        if position.pk in seen:
            raise DomainError(_("%(position)s is chosen twice; each position once.")
                              % {"position": position})
        seen.add(position.pk)
        if position.plan_id != selection.plan_id or position.status != PositionStatus.OPEN:
            raise DomainError(_("%(position)s is not open in this plan.")
                              % {"position": position})
        majors = {major.pk for major in position.required_majors.all()}
        if majors and student.major_id not in majors:
            raise DomainError(_("%(position)s is open only to other majors.")
                              % {"position": position})
        barred = compliance.barred(student, position, start)
        if barred:
            raise DomainError(_("You may not choose %(position)s: %(reasons)s")
                              % {"position": position, "reasons": compliance.refusal(barred)})
    with transaction.atomic():
        Preference.objects.filter(round=selection, student=student).delete()
        choices = Preference.objects.bulk_create([
            Preference(round=selection, student=student, position=position, rank=rank)
            for rank, position in enumerate(positions, start=1)])
        audit.record(actor=actor, action="placements.round.choices_filed", obj=selection,
                     data={"choices of": student.student_no,
                           "positions": [p.pk for p in positions]})
    return choices


def set_rankings(*, actor: User, selection: SelectionRound, position: Position,
                 ranks: dict[int, int | None], scores: dict[int, Decimal] | None = None,
                 by_default: bool = False) -> int:
    """Replace an enterprise's priorities for a position's applicants: ``ranks`` student id →
    rank (1 best; equal ranks tie; None: not acceptable), or ``scores`` (higher is better)."""
    if not by_default:
        _require_open(selection, selection.rankings_deadline, _("enterprises' rankings"))
    applicants = set(Preference.objects.filter(round=selection, position=position)
                     .values_list("student_id", flat=True))
    entries = scores if scores is not None else ranks
    strangers = sorted(set(entries) - applicants)
    if strangers:
        # Only the ids sent are repeated: an absent student and another school's read alike.
        raise DomainError(_("Only students who chose %(position)s can be ranked for it: "
                            "%(ids)s.") % {"position": position,
                                           "ids": id_list(strangers)})
    if any(rank is not None and rank < 1 for rank in ranks.values()):
        raise DomainError(_("Ranks start at 1."))
    with transaction.atomic():
        Ranking.objects.filter(round=selection, position=position).delete()
        rows = [Ranking(round=selection, position=position, student_id=student_id,
                        rank=None if scores is not None else value,
                        score=value if scores is not None else None, by_default=by_default)
                for student_id, value in entries.items() if value is not None]
        Ranking.objects.bulk_create(rows)
        audit.record(actor=actor, action="placements.position.ranked", obj=position,
                     data={"round": selection.number, "ranked": len(rows),
                           "by_default": by_default})
    return len(rows)


def rank_by_grade(*, actor: User, selection: SelectionRound) -> int:
    """Rank the applicants of every position no enterprise ranked by their grade point average
    (missing grades count as 0). Returns how many positions were ranked this way."""
    if selection.status != RoundStatus.OPEN:
        raise DomainError(_("This round is closed."))
    ranked = set(Ranking.objects.filter(round=selection).values_list("position_id", flat=True))
    count = 0
    for position in Position.objects.filter(plan=selection.plan).exclude(pk__in=ranked):
        applicants = Student.objects.filter(preferences__round=selection,
                                            preferences__position=position)
        if applicants:
            set_rankings(actor=actor, selection=selection, position=position, ranks={},
                         scores={s.pk: s.grade_point or Decimal(0) for s in applicants},
                         by_default=True)
            count += 1
    return count


MATCH_PURPOSE = "placements.round"


def start_match(*, actor: User, selection: SelectionRound, early: bool = False
                ) -> SelectionRound:
    """Freeze the round's inputs (every choice, ranking and free seat, now) and queue the match
    (a background task). A second run of a matched round reuses the first run's lottery seed.
    Before the rankings deadline a round is run only as an explicit early close (``early``),
    which staff confirm having seen how many students have filed."""
    with transaction.atomic():
        # Two clicks must not start two runs of one round.
        selection = SelectionRound.objects.select_for_update(of=("self",)).select_related(
            "plan", "run").get(pk=selection.pk)
        if selection.status not in (RoundStatus.OPEN, RoundStatus.MATCHED):
            raise DomainError(_("This round cannot be matched now (%(status)s).")
                              % {"status": selection.get_status_display()})
        if selection.status == RoundStatus.OPEN and not early \
                and timezone.now() < selection.rankings_deadline:
            raise DomainError(_(
                "Enterprises rank until %(deadline)s and %(filed)d of %(eligible)d students "
                "have filed choices: running the match now closes the round early. Confirm "
                "the early close to run it.") % {
                "deadline": local_time(selection.rankings_deadline),
                "filed": Preference.objects.filter(round=selection).values(
                    "student").distinct().count(),
                "eligible": queries.eligible_students(selection).count()})
        instance, left_out = build_instance(selection)
        if not instance["students"]:
            raise DomainError(_("No student has filed choices in this round yet.") if not left_out
                              else _("No choice of this round may enter the match: the rules "
                                     "decided before it bar all %(n)d.") % {"n": len(left_out)})
        selection.run = core_services.freeze_match(
            actor=actor, school_id=selection.plan.school_id, purpose=MATCH_PURPOSE,
            instance=instance, seed=selection.run.seed if selection.run else None)
        selection.status = RoundStatus.RUNNING
        selection.message = ""
        selection.left_out = left_out
        selection.save(update_fields=["run", "status", "message", "left_out"])
        audit.record(actor=actor, action="placements.round.match_started", obj=selection,
                     data={"early_close": True} if early else None)
    return selection


def build_instance(selection: SelectionRound) -> tuple[dict, list[dict]]:
    """The kernel's instance for a round: every choice, every position's free seats and its
    priority (ranks, scores, or — unranked — everyone who chose it, tied); and the choices
    left out of it, each with the codes of the rules decided before the match that bar it
    (``compliance.before_the_match``, as of the first day of the plan's enterprise period)."""
    start = queries.enterprise_period(selection.plan)[0]
    students: dict[str, list[str]] = {}
    left_out: list[dict] = []
    for choice in Preference.objects.filter(round=selection).order_by(
            "student_id", "rank").select_related("student", "position"):
        barred = compliance.barred(choice.student, choice.position, start)
        if barred:
            left_out.append({"student": choice.student_id, "position": choice.position_id,
                             "rules": [verdict.rule.code for verdict in barred]})
        else:
            students.setdefault(str(choice.student_id), []).append(str(choice.position_id))
    entered = {(int(s), int(p)) for s, choices in students.items() for p in choices}
    rankings: dict[int, list[Ranking]] = {}
    for ranking in Ranking.objects.filter(round=selection):
        if (ranking.student_id, ranking.position_id) in entered:
            rankings.setdefault(ranking.position_id, []).append(ranking)
    applicants: dict[int, list[str]] = {}
    for student_id, choices in students.items():
        for position_id in choices:
            applicants.setdefault(int(position_id), []).append(student_id)
    positions = {}
    for position in Position.objects.filter(plan=selection.plan):
        entry: dict = {"capacity": queries.free_seats(position)}
        ranked = rankings.get(position.pk)
        if ranked and ranked[0].score is not None:
            entry["scores"] = {str(r.student_id): float(r.score) for r in ranked}
        elif ranked:
            groups: dict[int, list[str]] = {}
            for r in ranked:
                groups.setdefault(r.rank, []).append(str(r.student_id))
            entry["ranking"] = [sorted(group) if len(group) > 1 else group[0]
                                for _rank, group in sorted(groups.items())]
        else:
            entry["ranking"] = [sorted(applicants.get(position.pk, []))] if applicants.get(
                position.pk) else []
        positions[str(position.pk)] = entry
    return {"students": students, "positions": positions}, left_out


def round_matched(run: MatchRun) -> None:
    """The round's latest run finished: the round is matched (a run the round has since
    replaced changes nothing)."""
    SelectionRound.objects.filter(run=run, status=RoundStatus.RUNNING).update(
        status=RoundStatus.MATCHED)


def round_match_failed(run: MatchRun) -> None:
    """The round's latest run failed: the round is open again, with the kernel's message."""
    SelectionRound.objects.filter(run=run, status=RoundStatus.RUNNING).update(
        status=RoundStatus.OPEN, message=run.message)


def publish_round(*, actor: User, selection: SelectionRound) -> list[Placement]:
    """Publish a matched round: each assigned student gets a placement, and the run's
    reproducibility is verified once and stored. Published results never change; a later
    round can take the rest."""
    with transaction.atomic():
        # Publishing twice (two clicks, two staff) must not create placements twice.
        selection = SelectionRound.objects.select_for_update(of=("self",)).select_related(
            "plan", "run").get(pk=selection.pk)
        if selection.status == RoundStatus.PUBLISHED:
            raise DomainError(_("This round is already published."))
        if selection.status != RoundStatus.MATCHED:
            raise DomainError(_("Run the match before publishing."))
        core_services.publish_match(selection.run)
        start, end = queries.enterprise_period(selection.plan)
        # Which choice each student obtained is kept with the placement (the dashboard counts
        # it over a province's placements without looking each one up again).
        ranks = {(student, position): rank for student, position, rank in
                 Preference.objects.filter(round=selection).values_list(
                     "student_id", "position_id", "rank")}
        placements = Placement.objects.bulk_create([
            Placement(student_id=int(student_id), position_id=int(position_id),
                      round=selection, start_date=start, end_date=end,
                      choice_rank=ranks.get((int(student_id), int(position_id))))
            for student_id, position_id in selection.run.result["assignment"].items()
            if position_id is not None])
        selection.status = RoundStatus.PUBLISHED
        selection.published_at = selection.run.published_at
        selection.save(update_fields=["status", "published_at"])
        audit.record(actor=actor, action="placements.round.published", obj=selection,
                     data={"published": len(placements)})
        core_services.notify_all(
            users=User.objects.filter(pk__in=Student.objects.filter(
                pk__in=[int(s) for s in selection.run.result["assignment"]]).values("user_id")),
            title=_("The result of %(round)s is published") % {"round": selection},
            url=reverse("placements:round_my_result", args=[selection.pk]))
        core_services.notify_all(
            users=_enterprise_members(selection.plan),
            title=_("The result of %(round)s is published: see whom your positions admitted")
            % {"round": selection}, url=selection.get_absolute_url())
    return placements


# --- Placements ------------------------------------------------------------------------------


def record_tripartite(*, actor: User, placement: Placement, signed_on: dt.date,
                      scan: UploadedFile | None = None) -> Placement:
    """File the signed three-party agreement (school, enterprise, student) of a placement."""
    kind = AgreementType.objects.filter(code=compliance.TRIPARTITE_CODE, school__isnull=True) \
        .first()
    if kind is None:
        raise DomainError(_("The built-in three-party agreement type is missing."))
    position = placement.position
    with transaction.atomic():
        agreement = partner_services.create_agreement(
            actor=actor, school=position.plan.school, type=kind,
            title=_("Three-party internship agreement: %(student)s") % {
                "student": placement.student.user.real_name},
            start_date=placement.start_date, end_date=placement.end_date)
        partner_services.add_party(actor=actor, agreement=agreement,
                                   organisation=position.organisation, role=PartyRole.HOST)
        AgreementParty.objects.create(agreement=agreement, student=placement.student,
                                      role=PartyRole.PARTY,
                                      signatory=placement.student.user.real_name)
        partner_services.transition(actor=actor, agreement=agreement, to=AgreementStatus.REVIEW)
        agreement = partner_services.sign(actor=actor, agreement=agreement,
                                          signed_on=signed_on)
        if scan is not None:
            partner_services.add_attachment(actor=actor, agreement=agreement, upload=scan)
        placement.tripartite_agreement = agreement
        placement.save(update_fields=["tripartite_agreement"])
    return placement


def set_records(*, actor: User, placement: Placement, **changes) -> Placement:
    """Change a placement's supervisor, mentor, insurance or guardian's consent."""
    if placement.status not in ACTIVE:
        raise DomainError(_("This placement is %(status)s.")
                          % {"status": placement.get_status_display()})
    policy = changes.get("insurance")
    if policy is not None and policy.school_id != placement.school_id:
        raise DomainError(_("Insurance: the policy belongs to another school."))
    consent = changes.get("guardian_consent")
    if consent is False:  # cleared in the form
        changes["guardian_consent"] = ""
    elif consent and not isinstance(consent, FieldFile):  # a new upload
        changes["guardian_consent"] = DOCUMENT.accept(consent, field="guardian_consent")
    before = audit.snapshot(placement)
    for name, value in changes.items():
        setattr(placement, name, value)
    with transaction.atomic():
        placement.save()
        audit.record(actor=actor, action="changed", obj=placement, before=before,
                     after=audit.snapshot(placement))
    return placement


def confirm(*, actor: User, placement: Placement) -> Placement:
    """Confirm a placement if every compliance gate passes; the refusal names each rule that
    fails and why. Fills the covering agreement's internship-post commitment."""
    with transaction.atomic():
        # Two confirmations racing for the last seat (or the last 10% of an enterprise's
        # staff) must not both pass: lock the organisation's row, then count and decide.
        placement = Placement.objects.select_for_update(of=("self",)).select_related(
            "student__user", "position__organisation", "position__plan", "insurance",
            "tripartite_agreement__type").get(pk=placement.pk)
        type(placement.position.organisation).objects.select_for_update().get(
            pk=placement.position.organisation_id)
        if placement.status != PlacementStatus.MATCHED:
            raise DomainError(_("Only a matched placement can be confirmed (this one is "
                                "%(status)s).") % {"status": placement.get_status_display()})
        failed = [v for v in compliance.evaluate(placement, **queries.confirmed_counts(placement))
                  if not v.passed]
        if failed:
            raise DomainError(_("The placement cannot start yet: %(reasons)s") % {
                "reasons": "；".join(f"{v.rule.title}——{v.reason}" for v in failed)})
        before = audit.snapshot(placement)
        placement.status = PlacementStatus.CONFIRMED
        placement.confirmed_at, placement.confirmed_by = timezone.now(), actor
        placement.save(update_fields=["status", "confirmed_at", "confirmed_by"])
        audit.record(actor=actor, action="placements.placement.confirmed", obj=placement,
                     before=before, after=audit.snapshot(placement))
        _fill_post_commitment(actor, placement)
    return placement


def _fill_post_commitment(actor: User, placement: Placement) -> None:
    """Record the placement as delivered against the covering agreement's post commitment."""
    position = placement.position
    if position.agreement_id is None:
        return
    commitment = Commitment.objects.filter(
        agreement_id=position.agreement_id, kind=CommitmentKind.INTERNSHIP_POSTS,
        party__organisation_id=position.organisation_id).first()
    agreement = position.agreement
    day = min(max(placement.start_date, agreement.start_date), timezone.localdate(),
              agreement.end_date)
    if commitment is None or day < agreement.start_date or not agreement.in_force:
        return
    partner_services.record_delivery(
        actor=actor, commitment=commitment, quantity=Decimal(1), delivered_on=day,
        description=_("Placement of %(student)s") % {"student": placement.student.user.real_name},
        source=DeliverySource.PLACEMENT)


# --- Logs, sign-offs, evaluations ------------------------------------------------------------


def submit_log(*, actor: User, placement: Placement, period_start: dt.date,
               period_end: dt.date, content: str, attachment: UploadedFile | None = None) -> Log:
    """A student's milestone log for a period of a confirmed placement."""
    if placement.status != PlacementStatus.CONFIRMED:
        raise DomainError(_("Logs are written once the placement is confirmed."))
    if period_end < period_start:
        raise DomainError(_("Period: it ends before it starts."))
    if period_start < placement.start_date or period_end > placement.end_date:
        raise DomainError(_("Period: it must lie within the placement, %(start)s to %(end)s.")
                          % {"start": placement.start_date, "end": placement.end_date})
    if period_start > timezone.localdate():
        raise DomainError(_("Period: a log is written for time that has passed."))
    if len(content.strip()) < 20:
        raise DomainError(_("Content: write at least 20 characters about what you did."))
    if placement.logs.filter(period_start__lte=period_end, period_end__gte=period_start) \
            .exclude(status=LogStatus.RETURNED).exists():
        raise DomainError(_("Period: another log already covers these days."))
    if attachment is not None:
        attachment = DOCUMENT.accept(attachment, field="attachment")
    with transaction.atomic():
        log = Log.objects.create(placement=placement, period_start=period_start,
                                 period_end=period_end, content=content.strip(),
                                 attachment=attachment or "")
        _created(actor, log, "placements.log.submitted", school_id=placement.school_id)
    return log


def sign_off(*, logs: list[Log], approved: bool, comment: str = "", signer: User | None,
             signer_name: str, via_link: bool = False) -> int:
    """Sign off (or return) milestone logs awaiting review, in bulk; returns how many."""
    pending = [log for log in logs if log.status == LogStatus.SUBMITTED]
    if not pending:
        raise DomainError(_("None of these logs is awaiting sign-off."))
    if not approved and not comment.strip():
        raise DomainError(_("Comment: say what to change when returning a log."))
    status = LogStatus.SIGNED_OFF if approved else LogStatus.RETURNED
    with transaction.atomic():
        SignOff.objects.bulk_create([
            SignOff(log=log, approved=approved, comment=comment, signer=signer,
                    signer_name=signer_name, via_link=via_link) for log in pending])
        Log.objects.filter(pk__in=[log.pk for log in pending]).update(status=status)
        audit.record(actor=signer, model=Log, action="placements.log.signed_off" if approved
                     else "placements.log.returned",
                     school_id=pending[0].placement.school_id,
                     data={"logs": [log.pk for log in pending], "approved": approved,
                           "signer": signer_name, "via_link": via_link})
    return len(pending)


def sign_off_token(placement: Placement) -> str:
    """A signed token letting the placement's enterprise mentor review its logs without an
    account, valid for SIGN_OFF_DAYS days."""
    return signing.dumps({"placement": placement.pk}, salt=SIGN_OFF_SALT)


def placement_for_token(token: str) -> Placement:
    """The placement a sign-off token was made for; refuses an expired or forged one."""
    try:
        data = signing.loads(token, salt=SIGN_OFF_SALT, max_age=dt.timedelta(days=SIGN_OFF_DAYS))
    except signing.SignatureExpired:
        raise DomainError(_("This sign-off link has expired; ask the school for a new one.")) \
            from None
    except signing.BadSignature:
        raise DomainError(_("This sign-off link is not valid.")) from None
    return Placement.objects.select_related("student__user", "position__organisation").get(
        pk=data["placement"])


def evaluate_placement(*, actor: User, placement: Placement, side: str,
                       scores: dict[str, int], comment: str = "") -> Evaluation:
    """The enterprise's or the school's end-of-placement evaluation against the rubric."""
    if placement.status not in (PlacementStatus.CONFIRMED, PlacementStatus.COMPLETED):
        raise DomainError(_("Only a confirmed placement is evaluated."))
    if set(scores) != set(RUBRIC) or any(not 0 <= s <= 100 for s in scores.values()):
        raise DomainError(_("Scores: give every criterion a score from 0 to 100."))
    total = sum(RUBRIC[name] * Decimal(score) for name, score in scores.items())
    grade = next((g for floor, g in GRADE_FLOORS if total >= floor), Grade.FAIL)
    if placement.evaluations.filter(side=side).exists():
        raise DomainError(_("%(side)s has already evaluated this placement.")
                          % {"side": EvaluatorSide(side).label})
    with transaction.atomic():
        evaluation = Evaluation.objects.create(placement=placement, side=side, scores=scores,
                                               total=total.quantize(Decimal("0.01")),
                                               grade=grade, comment=comment, evaluator=actor)
        _created(actor, evaluation, "placements.placement.evaluated",
                 school_id=placement.school_id)
        # A passing internship evidences the skills of the demand mirroring the position.
        from chanchuang.talent.services.supply import record_internship_evidence

        record_internship_evidence(evaluation)
    return evaluation
