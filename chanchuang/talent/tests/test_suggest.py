"""Skill suggestions on real Chinese job descriptions (``fixtures/job_descriptions.json``: each
with the skills a person would confirm, against a fixture vocabulary with synonyms, mixed-case
English terms and false friends), and the school's suggester rebuilt only when its dictionary
changes."""

import json
from pathlib import Path

import pytest

from chanchuang.talent.queries import demand as queries
from chanchuang.talent.suggest import SkillSuggester, Suggestion
from chanchuang.talent.tests import factories as tf

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "job_descriptions.json")
                     .read_text(encoding="utf-8"))
VOCABULARY = [(pk, name, synonyms) for pk, name, synonyms in FIXTURE["vocabulary"]]
NAMES = {pk: name for pk, name, _synonyms in VOCABULARY}


@pytest.fixture(scope="module")
def suggester():
    return SkillSuggester(VOCABULARY)


def test_the_fixture_has_a_dozen_descriptions_and_their_false_friends():
    assert len(FIXTURE["descriptions"]) >= 12
    texts = " ".join(d["text"] for d in FIXTURE["descriptions"])
    for word in ("JavaScript", "JAVA", "网络安全", "电力电子", "直播电商运营", "日常运营", "plc"):
        assert word in texts


@pytest.mark.parametrize("case", FIXTURE["descriptions"], ids=lambda c: c["name"])
def test_a_job_description_suggests_the_skills_a_person_would_confirm(suggester, case):
    found = [NAMES[s.skill_id] for s in suggester.suggest(case["text"])]
    assert found == case["expected"]


def test_each_suggestion_says_the_words_found_as_written_and_how_often(suggester):
    text = "熟悉PLC编程，会调试可编程控制器；plc编程经验两年以上。"
    assert suggester.suggest(text) == [
        Suggestion(skill_id=1, words=("PLC编程", "可编程控制器", "plc编程"), count=3)]


def test_suggestions_come_in_the_order_of_their_first_mention(suggester):
    text = "团队合作意识强，会Python，做过碳盘查，熟悉Python。"
    assert [NAMES[s.skill_id] for s in suggester.suggest(text)] == [
        "团队协作", "Python", "碳排放核算"]


@pytest.mark.parametrize(("text", "expected"), [
    ("精通JavaScript", ["JavaScript"]),
    ("精通Java开发", ["Java"]),
    ("Java、JavaScript均可", ["Java", "JavaScript"]),
    ("GPS定位", []),
    ("会用PS修图", ["平面设计"]),
    ("PowerBI或Power BI", ["Power BI"]),
    ("熟悉ABC++", []),  # "ABC++" is not the word C++
    ("会C++。", ["C++"]),
    ("", []),
])
def test_words_are_matched_whole_and_case_insensitively(suggester, text, expected):
    assert [NAMES[s.skill_id] for s in suggester.suggest(text)] == expected


def test_an_empty_vocabulary_suggests_nothing():
    assert SkillSuggester([]).suggest("熟悉PLC编程") == []


def test_the_school_suggester_is_built_once_and_again_when_the_dictionary_changes(world):
    school = world.school
    world.skill  # noqa: B018 — PLC编程 (可编程控制器)
    first = queries.suggester_for(school.pk)
    assert queries.suggester_for(school.pk) is first
    assert [s.skill_id for s in first.suggest("熟悉继电保护")] == []
    added = tf.skill(school=school, name="继电保护", synonyms=[])
    second = queries.suggester_for(school.pk)
    assert second is not first
    assert [s.skill_id for s in second.suggest("熟悉继电保护")] == [added.pk]
    added.synonyms = ["保护调试"]
    added.save()
    assert [s.skill_id for s in queries.suggester_for(school.pk).suggest("保护调试")] == [
        added.pk]


def test_another_schools_dictionary_is_not_used(world):
    world.skill_far  # noqa: B018 — BIM建模 of the other school
    assert queries.suggested_skills(world.school.pk, "熟悉BIM建模") == []
    assert [s.skill for s in queries.suggested_skills(world.other_school.pk, "熟悉BIM建模")] \
        == [world.skill_far]
