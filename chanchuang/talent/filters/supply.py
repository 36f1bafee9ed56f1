"""Filters of the supply: grades, certificates and the students behind the supply's
figures."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Major, SchoolClass, Student
from chanchuang.core.pinyin import name_search
from chanchuang.talent.choices import EvidenceKind
from chanchuang.talent.models import Certificate, Course, CourseGrade, Skill, SkillEvidence


def _student_search(queryset, value, prefix="student__"):
    return queryset.filter(
        name_search(value, name_field=f"{prefix}user__real_name", prefix=f"{prefix}user__")
        | Q(**{f"{prefix}student_no__startswith": value.strip()}))


class CourseGradeFilterSet(SearchFilterSet):
    """Grades by student (name or number), major, class, term and course."""

    major = django_filters.ModelChoiceFilter(queryset=visible(Major), field_name="student__major",
                                             label=_("major"))
    school_class = django_filters.ModelChoiceFilter(queryset=visible(SchoolClass),
                                                    field_name="student__school_class",
                                                    label=_("class"))
    term = django_filters.CharFilter(label=_("term"))
    course = django_filters.ModelChoiceFilter(queryset=visible(Course), label=_("course"))

    class Meta:
        model = CourseGrade
        fields = ["q", "major", "school_class", "term", "course", "passed"]

    def search(self, queryset, name, value):
        return _student_search(queryset, value)


class CertificateFilterSet(SearchFilterSet):
    """Certificates by name, number or student, kind, status and major."""

    major = django_filters.ModelChoiceFilter(queryset=visible(Major), field_name="student__major",
                                             label=_("major"))
    skill = django_filters.ModelChoiceFilter(queryset=visible(Skill), field_name="skills",
                                             label=_("skill"))

    class Meta:
        model = Certificate
        fields = ["q", "kind", "status", "major", "skill"]

    def search(self, queryset, name, value):
        return _student_search(queryset, value) | queryset.filter(
            Q(name__icontains=value) | Q(number=value.strip()))


class SupplyStudentFilterSet(SearchFilterSet):
    """The students behind a supply figure: major, graduation year, skill and kind of
    evidence."""

    major = django_filters.ModelChoiceFilter(queryset=visible(Major), label=_("major"))
    school_class = django_filters.ModelChoiceFilter(queryset=visible(SchoolClass),
                                                    label=_("class"))
    graduation_year = django_filters.NumberFilter(label=_("graduation year"))
    skill = django_filters.ModelChoiceFilter(queryset=visible(Skill), label=_("skill"),
                                             method="evidenced")
    kind = django_filters.ChoiceFilter(choices=EvidenceKind.choices, label=_("evidence"),
                                       method="evidenced_by")

    class Meta:
        model = Student
        fields = ["q", "major", "school_class", "graduation_year", "skill", "kind"]

    def search(self, queryset, name, value):
        return _student_search(queryset, value, prefix="")

    def evidenced(self, queryset, name, value):
        evidence = SkillEvidence.objects.filter(skill=value)
        kind = self.data.get("kind")
        if kind in EvidenceKind.values:
            evidence = evidence.filter(kind=kind)
        return queryset.filter(pk__in=evidence.values("student_id"))

    def evidenced_by(self, queryset, name, value):
        if self.data.get("skill"):
            return queryset  # the skill filter reads the kind with it
        return queryset.filter(pk__in=SkillEvidence.objects.filter(kind=value)
                               .values("student_id"))
