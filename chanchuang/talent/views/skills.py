"""Pages of the skill dictionary (技能词典): skills (searched by name or synonym), a skill's
page with the courses, majors and programmes behind it and the students it is evidenced for;
courses with their majors and skills; each major's skills with the courses that teach them;
and the skills each bootcamp programme trains."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_404, visible_or_none
from chanchuang.core.models import Major
from chanchuang.core.services import DomainError
from chanchuang.innovation.models import Programme
from chanchuang.talent.exports import skills as exports
from chanchuang.talent.filters.skills import CourseFilterSet, SkillFilterSet
from chanchuang.talent.forms.skills import CourseForm, ProgrammeSkillsForm, SkillForm
from chanchuang.talent.models import Course, Skill
from chanchuang.talent.queries import skills as queries
from chanchuang.talent.services import skills as services
from chanchuang.talent.tables.skills import CourseTable, SkillTable


class VocabularyMixin:
    """Pages of the school's vocabulary: for those who plan or declare against it."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(
                "talent.view_vocabulary"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SkillList(generic.ObjectListView):
    """The skill dictionary, searched by name or synonym."""

    model = Skill
    table_class = SkillTable
    filterset_class = SkillFilterSet
    exporter_class = exports.SkillExporter
    import_kind = "skills"
    list_permission = "talent.view_vocabulary"
    template_name = "talent/skills/skill_list.html"
    related = ("school",)


class SkillDetail(VocabularyMixin, generic.ObjectDetailView):
    """A skill: its synonyms, the courses that teach it (with their majors), the programmes
    that train it and how many students it is evidenced for (the students themselves for
    those who supervise them)."""

    model = Skill
    template_name = "talent/skills/skill_detail.html"

    def extra_context(self, skill):
        user = self.request.user
        behind = user.has_perm("talent.view_students_behind")
        return {"courses": queries.skill_courses(skill, user),
                "programmes": queries.skill_programmes(skill, user),
                "evidenced": queries.evidenced_count(skill),
                "students": queries.evidenced_students(skill, user) if behind else None}


class SkillEdit(generic.ObjectEditView):
    """Add or change a skill (staff)."""

    model = Skill
    form_class = SkillForm

    def save(self, form):
        return services.save_skill(actor=self.request.user, skill=form.instance)


class SkillDelete(generic.ObjectDeleteView):
    """Delete a skill nobody's demand or evidence uses."""

    model = Skill
    success_url_name = "talent:skill_list"

    def post(self, request, pk):
        skill = self.get_object(pk)
        self.require("delete", skill)
        try:
            services.delete_skill(actor=request.user, skill=skill)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(skill.get_absolute_url())
        messages.success(request, _("Deleted %(object)s.") % {"object": skill})
        return redirect(reverse(self.success_url_name))


class CourseList(generic.ObjectListView):
    """Courses with their majors and the skills they teach."""

    model = Course
    table_class = CourseTable
    filterset_class = CourseFilterSet
    exporter_class = exports.CourseExporter
    import_kind = "courses"
    list_permission = "talent.view_vocabulary"
    template_name = "talent/skills/course_list.html"
    related = ("school", "department")
    prefetch = ("majors", "skills")


class CourseDetail(VocabularyMixin, generic.ObjectDetailView):
    """A course: its department, majors and the skills it teaches."""

    model = Course
    template_name = "talent/skills/course_detail.html"
    related = ("department",)
    prefetch = ("majors", "skills")


class CourseEdit(generic.ObjectEditView):
    """Add or change a course (staff); changing its skills refreshes its students'
    evidence."""

    model = Course
    form_class = CourseForm

    def save(self, form):
        course = form.instance
        return services.save_course(actor=self.request.user, course=course,
                                    majors=list(form.cleaned_data["majors"]),
                                    skills=list(form.cleaned_data["skills"]))


class CourseDelete(generic.ObjectDeleteView):
    """Delete a course without grades."""

    model = Course
    success_url_name = "talent:course_list"


class MajorSkills(VocabularyMixin, generic.ScopedView):
    """Each major's skills with the courses that teach them: choose a major (``?major=``)."""

    model = Major

    def get(self, request):
        majors = list(Major.objects.visible_to(request.user).select_related("department")
                      .order_by("department__name", "code"))
        major = visible_or_none(Major, request.user, request.GET.get("major"))
        return render(request, "talent/skills/major_skills.html", {
            "majors": majors, "major": major,
            "rows": queries.major_skills(major, request.user) if major else None})


class ProgrammeSkillList(VocabularyMixin, generic.ScopedView):
    """The bootcamp programmes and the skills each trains."""

    model = Programme

    def get(self, request):
        programmes = list(Programme.objects.visible_to(request.user).order_by("name"))
        trained = queries.programme_skill_map(programmes, request.user)
        rows = [(p, trained.get(p.pk, []), request.user.has_perm("talent.change_programmeskill",
                                                                 p)) for p in programmes]
        return render(request, "talent/skills/programme_skills.html", {"rows": rows})


class ProgrammeSkillEdit(generic.ScopedView):
    """Set the skills a bootcamp programme trains (staff); its students' evidence follows."""

    model = Programme

    def _programme(self, pk):
        programme = visible_or_404(Programme, self.request.user, pk)
        if not self.request.user.has_perm("talent.change_programmeskill", programme):
            raise PermissionDenied
        return programme

    def _render(self, programme, form):
        return render(self.request, "talent/skills/programme_skills_form.html",
                      {"programme": programme, "form": form})

    def get(self, request, pk):
        programme = self._programme(pk)
        form = ProgrammeSkillsForm(user=request.user, programme=programme, initial={
            "skills": list(programme.skills_trained.values_list("skill_id", flat=True))})
        return self._render(programme, form)

    def post(self, request, pk):
        programme = self._programme(pk)
        form = ProgrammeSkillsForm(request.POST, user=request.user, programme=programme)
        if form.is_valid():
            try:
                with transaction.atomic():
                    services.set_programme_skills(actor=request.user, programme=programme,
                                                  skills=list(form.cleaned_data["skills"]))
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Saved the skills %(programme)s trains.")
                                 % {"programme": programme})
                return redirect("talent:programme_skills")
        return self._render(programme, form)


urlpatterns = [
    *generic.object_paths("skills", "skill", list_view=SkillList, detail_view=SkillDetail,
                          edit_view=SkillEdit, delete_view=SkillDelete),
    *generic.object_paths("courses", "course", list_view=CourseList, detail_view=CourseDetail,
                          edit_view=CourseEdit, delete_view=CourseDelete),
    path("skills/by-major/", MajorSkills.as_view(), name="major_skills"),
    path("skills/programmes/", ProgrammeSkillList.as_view(), name="programme_skills"),
    path("skills/programmes/<int:pk>/", ProgrammeSkillEdit.as_view(),
         name="programme_skills_edit"),
]
