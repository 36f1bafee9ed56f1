"""Read helpers of talent demand: the suggester of a school's skill dictionary (built once per
process and dictionary), the suggestions for a text with their skills, and a partner's open
demand. Nothing here writes."""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from chanchuang.talent.choices import DemandStatus
from chanchuang.talent.models import Demand, DemandSkill, Skill
from chanchuang.talent.suggest import SkillSuggester, Suggestion

_cache: dict[int, tuple[str, SkillSuggester]] = {}
_cache_lock = threading.Lock()


def current_year() -> int:
    """The school's calendar year today (demand windows and gap horizons count from it)."""
    return timezone.localdate().year


def suggester_for(school_id: int) -> SkillSuggester:
    """The suggester of the school's skill dictionary. One query reads the dictionary; the
    suggester is rebuilt only when the dictionary's content (ids, names, synonyms) changed
    since the process last built it."""
    vocabulary = list(Skill.objects.filter(school_id=school_id).order_by("pk")
                      .values_list("pk", "name", "synonyms"))
    key = hashlib.blake2b(json.dumps(vocabulary, ensure_ascii=False).encode(),
                          digest_size=16).hexdigest()
    cached = _cache.get(school_id)
    if cached is not None and cached[0] == key:
        return cached[1]
    suggester = SkillSuggester((pk, name, synonyms or []) for pk, name, synonyms in vocabulary)
    with _cache_lock:
        _cache[school_id] = (key, suggester)
    return suggester


@dataclass(frozen=True)
class SuggestedSkill:
    """A suggestion with its skill, for a page or the API."""

    skill: Skill
    words: tuple[str, ...]
    count: int


def suggested_skills(school_id: int, text: str) -> list[SuggestedSkill]:
    """The school's skills that ``text`` mentions, in order of first mention (two queries:
    the dictionary, then the skills found)."""
    found: list[Suggestion] = suggester_for(school_id).suggest(text or "")
    if not found:
        return []
    skills = Skill.objects.in_bulk([s.skill_id for s in found])
    return [SuggestedSkill(skills[s.skill_id], s.words, s.count) for s in found
            if s.skill_id in skills]


def with_skills(demands):
    """Demands with their organisation and their skills wanted (suggested first)."""
    return demands.select_related("organisation").prefetch_related(
        Prefetch("demand_skills", queryset=DemandSkill.objects.select_related("skill")
                 .order_by("-suggested", "skill__name")))


def open_demand_of(organisation, user) -> list[Demand]:
    """The organisation's open demand the user sees, soonest window first."""
    return list(with_skills(Demand.objects.visible_to(user).filter(
        organisation=organisation, status=DemandStatus.OPEN)).order_by("year_from", "post"))


def partner_demand(organisation, user) -> dict | None:
    """The partner-page section 人才需求: the partner's open demand (post, head count, window,
    skills) for whoever sees demand, and the link to declare more when the user may."""
    if not user.has_perm("talent.view_demands"):
        return None
    from chanchuang.talent.services.demand import may_declare_for

    add_url = None
    if user.has_perm("talent.add_demand") and may_declare_for(user, organisation):
        add_url = f"{reverse('talent:demand_add')}?organisation={organisation.pk}"
    return {"demands": open_demand_of(organisation, user), "add_url": add_url}
