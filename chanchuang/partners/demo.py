"""Demo scenario of the partners app: the signing ceremony of 24 June 2026 (one three-party
agreement to co-build a carbon-neutrality industry college and ten two-party 产创融合 agreements,
signed at one event), with commitments and some deliveries, contacts, a timeline, and older
agreements that are about to expire or have expired. Built through the services, so the audit
log tells the story too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from chanchuang.core.models import Organisation, School, User
from chanchuang.partners import services
from chanchuang.partners.choices import CommitmentKind, InteractionKind, PartyRole
from chanchuang.partners.models import Agreement, AgreementType, Contact, SigningEvent

CEREMONY = dt.date(2026, 6, 24)
TERM_END = dt.date(2029, 6, 23)
POWER = "华电建设集团赣江电力建设有限公司"
INSTITUTE = "江城新能源研究院有限公司"
TWO_PARTY = [  # (organisation, enterprise commitments: kind → target, delivered so far)
    (
        "百味餐饮集团（中国）有限公司",
        {
            CommitmentKind.INTERNSHIP_POSTS: (30, 12),
            CommitmentKind.MENTORS: (4, 3),
            CommitmentKind.HIRES: (10, 0),
        },
    ),
    (
        "云链智慧商业集团有限公司",
        {CommitmentKind.INTERNSHIP_POSTS: (20, 6), CommitmentKind.GUEST_LECTURES: (6, 2)},
    ),
    (
        "芯测半导体检测科技有限公司",
        {
            CommitmentKind.INTERNSHIP_POSTS: (12, 4),
            CommitmentKind.EQUIPMENT: (2, 1),
            CommitmentKind.MENTORS: (2, 2),
        },
    ),
    (
        "湖北省大学生就业创业指导中心",
        {CommitmentKind.GUEST_LECTURES: (4, 1), CommitmentKind.TRAINING: (20, 6)},
    ),
    (
        "安居家居实业（湖北）有限公司",
        {CommitmentKind.INTERNSHIP_POSTS: (15, 0), CommitmentKind.STUDENT_PROJECTS: (3, 1)},
    ),
    ("兴味餐饮管理有限公司", {CommitmentKind.INTERNSHIP_POSTS: (10, 5)}),
    (
        "千帆网络科技有限公司",
        {CommitmentKind.INTERNSHIP_POSTS: (8, 2), CommitmentKind.STUDENT_PROJECTS: (4, 2)},
    ),
    (
        "素白造物文化创意有限公司",
        {CommitmentKind.STUDENT_PROJECTS: (6, 3), CommitmentKind.GUEST_LECTURES: (4, 1)},
    ),
    ("星桥创客孵化器有限公司", {CommitmentKind.MENTORS: (5, 3), CommitmentKind.FUNDING: (50, 20)}),
    ("湖北省职业教育创新创业协会", {CommitmentKind.GUEST_LECTURES: (3, 1)}),
]
CONTACTS = {  # organisation → (name, title, phone, email, login username or "")
    POWER: ("李建华", "人力资源部经理", "13907110001", "lijh@hdjs.example.cn", "hr_li"),
    INSTITUTE: ("杨凯文", "院长助理", "13907110002", "yangkw@jcxny.example.cn", ""),
    "百味餐饮集团（中国）有限公司": (
        "赵成",
        "公共事务部总监",
        "13907110003",
        "zhaocheng@baiwei.example.cn",
        "hr_zhao",
    ),
    "芯测半导体检测科技有限公司": ("邬刚毅", "创始人", "13907110004", "", ""),
}


def _organisation(school: School, name: str) -> Organisation:
    return Organisation.objects.get(school=school, name=name)


def _type(name: str) -> AgreementType:
    return AgreementType.objects.get(school=None, name=name)


def _agreement(
    *, actor, school, type_name, title, start, end, scope, parties, commitments
) -> Agreement:
    """Draft an agreement with its parties and commitments (targets only)."""
    agreement = services.create_agreement(
        actor=actor,
        school=school,
        type=_type(type_name),
        title=title,
        start_date=start,
        end_date=end,
        scope=scope,
    )
    party_of = {None: agreement.parties.get()}
    for name, role, signatory in parties:
        party_of[name] = services.add_party(
            actor=actor,
            agreement=agreement,
            organisation=_organisation(school, name),
            role=role,
            signatory=signatory,
        )
    for name, kind, target in commitments:
        services.add_commitment(
            actor=actor, party=party_of[name], kind=kind, target=Decimal(target)
        )
    services.transition(actor=actor, agreement=agreement, to="review")
    return agreement


def _deliver(actor, agreement: Agreement, delivered: dict, when: dt.date) -> None:
    for commitment in agreement.commitments.all():
        amount = delivered.get((commitment.party.organisation_id, commitment.kind))
        if amount:
            services.record_delivery(
                actor=actor,
                commitment=commitment,
                quantity=Decimal(amount),
                delivered_on=when,
                description="演示数据：已落实部分",
            )


def _second_school(today: dt.date) -> None:
    """The second college's internship-base agreement with its construction partner, ending
    six weeks from today with posts still to deliver (the dates move with today)."""
    school = School.objects.get(code="4142099002")
    staff = User.objects.get(username="staff_xu")
    name = "汉水建工集团有限公司"
    agreement = _agreement(
        actor=staff,
        school=school,
        type_name="产创融合合作协议",
        title=f"实习基地共建协议（{name}）",
        start=today - dt.timedelta(days=3 * 365),
        end=today + dt.timedelta(days=42),
        scope="共建建筑工程技术专业校外实习基地。",
        parties=[(name, PartyRole.HOST, "")],
        commitments=[(name, CommitmentKind.INTERNSHIP_POSTS, 12)],
    )
    services.sign(actor=staff, agreement=agreement, signed_on=agreement.start_date)


def seed() -> str:
    """Create whatever of the partners scenario is missing; return a one-line summary."""
    school = School.objects.get(code="4142099001")
    staff = User.objects.get(username="staff_wang")
    if SigningEvent.objects.filter(school=school).exists():
        return f"{Agreement.objects.filter(school=school).count()} agreements (already there)"
    today = timezone.localdate()
    delivered_on = min(today, CEREMONY + dt.timedelta(days=120))

    for name, (person, title, phone, email, login) in CONTACTS.items():
        contact = Contact.objects.create(
            organisation=_organisation(school, name),
            name=person,
            title=title,
            phone=phone,
            email=email,
            is_primary=True,
        )
        if login:
            contact.user = User.objects.get(username=login)
            contact.save(update_fields=["user"])

    # Older agreements: one about to expire (with the restaurant group), one expired.
    old = _agreement(
        actor=staff,
        school=school,
        type_name="产创融合合作协议",
        title="校企合作协议（2024—2026）",
        start=dt.date(2024, 1, 1),
        end=dt.date(2026, 12, 31),
        scope="订单班培养、岗位实习与师资互聘。",
        parties=[("百味餐饮集团（中国）有限公司", PartyRole.HOST, "赵成")],
        commitments=[("百味餐饮集团（中国）有限公司", CommitmentKind.INTERNSHIP_POSTS, 40)],
    )
    services.sign(actor=staff, agreement=old, signed_on=dt.date(2023, 12, 20))
    _deliver(
        staff,
        old,
        {
            (
                _organisation(school, "百味餐饮集团（中国）有限公司").pk,
                CommitmentKind.INTERNSHIP_POSTS,
            ): 38
        },
        dt.date(2025, 9, 1),
    )
    expired = _agreement(
        actor=staff,
        school=school,
        type_name="订单班/现代学徒制协议",
        title="餐饮管理订单班协议（2022级）",
        start=dt.date(2022, 9, 1),
        end=dt.date(2025, 8, 31),
        scope="联合招收餐饮智能管理专业订单班一个。",
        parties=[("兴味餐饮管理有限公司", PartyRole.CO_BUILDER, "")],
        commitments=[("兴味餐饮管理有限公司", CommitmentKind.HIRES, 15)],
    )
    services.sign(actor=staff, agreement=expired, signed_on=dt.date(2022, 8, 20))

    for name, start, end in [
        ("芯测半导体检测科技有限公司", dt.date(2024, 2, 1), dt.date(2027, 1, 15)),
        ("千帆网络科技有限公司", dt.date(2024, 2, 1), dt.date(2027, 1, 25)),
    ]:
        soon = _agreement(
            actor=staff,
            school=school,
            type_name="产创融合合作协议",
            title=f"实习基地共建协议（{name}）",
            start=start,
            end=end,
            scope="共建校外实习基地。",
            parties=[(name, PartyRole.HOST, "")],
            commitments=[(name, CommitmentKind.INTERNSHIP_POSTS, 10)],
        )
        services.sign(actor=staff, agreement=soon, signed_on=start)

    # The ceremony.
    event = SigningEvent.objects.create(
        school=school,
        name="产创融合协同发展签约仪式",
        held_on=CEREMONY,
        place="学校学术报告厅",
        attendees="省职业教育社、省高校毕业生就业指导中心领导；学校党委书记、校长，副校长；"
        "十余家合作企业代表；师生代表。",
    )
    college = _agreement(
        actor=staff,
        school=school,
        type_name="共建产业学院协议",
        title="共建碳中和产业学院协议",
        start=CEREMONY,
        end=TERM_END,
        scope="三方共建碳中和产业学院，共享碳交易人才培养成果：共同制定人才培养方案，共建实训基地"
        "和产业技术服务平台，组建校企混编教学团队。",
        parties=[
            (POWER, PartyRole.CO_BUILDER, "向晓斌"),
            (INSTITUTE, PartyRole.CO_BUILDER, "杨凯"),
        ],
        commitments=[
            (POWER, CommitmentKind.INTERNSHIP_POSTS, 40),
            (POWER, CommitmentKind.MENTORS, 6),
            (POWER, CommitmentKind.FUNDING, 200),
            (INSTITUTE, CommitmentKind.GUEST_LECTURES, 12),
            (INSTITUTE, CommitmentKind.EQUIPMENT, 3),
            (INSTITUTE, CommitmentKind.STUDENT_PROJECTS, 5),
            (None, CommitmentKind.TRAINING, 60),
        ],
    )
    two_party = [
        _agreement(
            actor=staff,
            school=school,
            type_name="产创融合合作协议",
            title=f"产创融合合作协议（{name}）",
            start=CEREMONY,
            end=TERM_END,
            scope="推进产创融合协同育人：岗位实习、企业导师、项目共建与就业创业。",
            parties=[(name, PartyRole.PARTY, "")],
            commitments=[(name, kind, target) for kind, (target, _d) in promises.items()],
        )
        for name, promises in TWO_PARTY
    ]
    services.sign_at_event(actor=staff, event=event, agreements=[college, *two_party])

    _deliver(
        staff,
        college,
        {
            (_organisation(school, POWER).pk, CommitmentKind.INTERNSHIP_POSTS): 16,
            (_organisation(school, POWER).pk, CommitmentKind.MENTORS): 4,
            (_organisation(school, INSTITUTE).pk, CommitmentKind.GUEST_LECTURES): 3,
        },
        delivered_on,
    )
    for agreement, (name, promises) in zip(two_party, TWO_PARTY, strict=True):
        organisation = _organisation(school, name)
        _deliver(
            staff,
            agreement,
            {(organisation.pk, kind): done for kind, (_t, done) in promises.items()},
            delivered_on,
        )

    for name, kind, when, title in [
        (POWER, InteractionKind.VISIT, dt.date(2026, 5, 12), "走访洽谈共建碳中和产业学院"),
        (
            INSTITUTE,
            InteractionKind.MEETING,
            dt.date(2026, 5, 28),
            "三方筹备会：产业学院理事会章程",
        ),
        (
            "百味餐饮集团（中国）有限公司",
            InteractionKind.CALL,
            dt.date(2026, 11, 10),
            "沟通2024年协议到期续签事宜",
        ),
        (
            "芯测半导体检测科技有限公司",
            InteractionKind.EVENT,
            dt.date(2026, 9, 20),
            "芯片测试开放日，40名学生参加",
        ),
    ]:
        services.record_interaction(
            actor=staff,
            organisation=_organisation(school, name),
            kind=kind,
            happened_on=when,
            title=title,
        )

    _second_school(today)
    services.refresh_statuses(today=today)
    return (
        f"{Agreement.objects.filter(school=school).count()} agreements, one signing event, "
        f"{Contact.objects.filter(organisation__school=school).count()} contacts"
    )
