"""Pages of industry colleges: the list, the college page that gathers everything about it
(with the sections other apps register), founding and changing a college, its member
organisations, and its programmes with their students."""

from __future__ import annotations

from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext as _

from chanchuang.colleges.exports import colleges as exports
from chanchuang.colleges.filters.colleges import CollegeProgrammeFilterSet, IndustryCollegeFilterSet
from chanchuang.colleges.forms.colleges import (
    CollegeProgrammeForm,
    IndustryCollegeForm,
    MemberForm,
    ProgrammeStudentsForm,
)
from chanchuang.colleges.models import CollegeMember, CollegeProgramme, IndustryCollege
from chanchuang.colleges.queries.colleges import college_page
from chanchuang.colleges.services import colleges as services
from chanchuang.colleges.tables.colleges import CollegeProgrammeTable, IndustryCollegeTable
from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_404, visible_or_none
from chanchuang.core.models import Student
from chanchuang.core.sections import COLLEGE, sections_for
from chanchuang.partners.models import Agreement


class IndustryCollegeList(generic.ObjectListView):
    """The industry colleges the user sees."""

    model = IndustryCollege
    table_class = IndustryCollegeTable
    filterset_class = IndustryCollegeFilterSet
    exporter_class = exports.IndustryCollegeExporter
    list_permission = "colleges.list_colleges"

    related = ("school", "dean")
    prefetch = ("members__organisation", "majors")


class IndustryCollegeDetail(generic.ObjectDetailView):
    """The college page: its header, members, majors and programmes; for its insiders its
    councils, meetings, open decisions and co-developed work; the agreements of its members and
    the mentors from them; then the sections other apps register (shared resources, the
    scorecard, positions…)."""

    model = IndustryCollege
    template_name = "colleges/industrycollege_detail.html"

    related = ("school", "founding_agreement", "dean")

    def extra_context(self, college):
        user = self.request.user
        return {
            **college_page(college, user),
            "can_add_member": user.has_perm("colleges.add_collegemember", college),
            "can_remove_member": user.has_perm("colleges.delete_collegemember", college),
            "can_add_programme": user.has_perm("colleges.add_collegeprogramme", college),
            "can_add_council": user.has_perm("colleges.add_council", college),
            "can_record_work": user.has_perm("colleges.add_contribution", college),
            "member_form": MemberForm(user=user, college=college)
            if user.has_perm("colleges.add_collegemember", college) else None,
            "sections": sections_for(COLLEGE, college, user),
        }


class IndustryCollegeEdit(generic.ObjectEditView):
    """Found an industry college (its agreement's organisation parties become its members) or
    change it."""

    model = IndustryCollege
    form_class = IndustryCollegeForm

    def initial_object(self):
        """A college founded on the agreement named in ``?agreement=``, if visible."""
        agreement = visible_or_none(Agreement, self.request.user,
                                    self.request.GET.get("agreement"))
        if agreement is None:
            return IndustryCollege()
        return IndustryCollege(founding_agreement=agreement, school_id=agreement.school_id,
                               name=agreement.title.removeprefix("共建").removesuffix("协议"),
                               founded_on=agreement.signed_on or agreement.start_date)

    def save(self, form):
        if form.instance.pk:
            return super().save(form)
        data = form.cleaned_data
        return services.found_college(
            actor=self.request.user, school=form.instance.school, name=data["name"],
            founded_on=data["founded_on"], founding_agreement=data.get("founding_agreement"),
            description=data["description"], dean=data["dean"], majors=data["majors"])


class MemberAdd(generic.ObjectActionView):
    """Add a member organisation to a college."""

    model = IndustryCollege
    permission = "colleges.add_collegemember"
    form_class = MemberForm

    def form_kwargs(self, college):
        return {"user": self.request.user, "college": college}

    def act(self, college, form):
        services.add_member(actor=self.request.user, college=college, **form.cleaned_data)
        return _("Member organisation added.")


class MemberRemove(generic.ObjectActionView):
    """Remove a member organisation that has recorded no work."""

    model = CollegeMember
    permission = "colleges.delete_collegemember"
    related = ("college", "organisation")

    def act(self, member, form):
        services.remove_member(actor=self.request.user, member=member)
        return _("Member organisation removed.")

    def redirect_to(self, member):
        return member.college.get_absolute_url()


class CollegeProgrammeList(generic.ObjectListView):
    """Order classes, apprenticeship classes and micro-majors."""

    model = CollegeProgramme
    table_class = CollegeProgrammeTable
    filterset_class = CollegeProgrammeFilterSet
    exporter_class = exports.CollegeProgrammeExporter
    list_permission = "colleges.list_colleges"

    related = ("college", "major", "partner")

    def get_queryset(self):
        queryset = super().get_queryset().annotate(student_count=Count("students"))
        if self.request.GET.get("export"):
            return queryset.prefetch_related("students__user")
        return queryset


class CollegeProgrammeDetail(generic.ObjectDetailView):
    """A programme: its partner, major, places and students (names for those allowed)."""

    model = CollegeProgramme
    template_name = "colleges/collegeprogramme_detail.html"

    related = ("college__school", "major", "partner")

    def extra_context(self, programme):
        user = self.request.user
        sees = user.has_perm("colleges.view_programme_students", programme)
        can_manage = user.has_perm("colleges.change_collegeprogramme", programme)
        return {
            "sees_students": sees,
            "students": programme.students.filter(
                pk__in=Student.objects.visible_to(user)).select_related(
                "user", "major", "school_class") if sees else [],
            "student_count": programme.students.count(),
            "can_manage_students": can_manage,
            "students_form": ProgrammeStudentsForm(user=user, programme=programme)
            if can_manage else None,
            "contributions": programme.contributions.visible_to(user)
            .select_related("organisation")[:20],
        }


class CollegeProgrammeEdit(generic.ObjectEditView):
    """Add or change a programme."""

    model = CollegeProgramme
    form_class = CollegeProgrammeForm

    def initial_object(self):
        college = visible_or_none(IndustryCollege, self.request.user,
                                  self.request.GET.get("college"))
        return CollegeProgramme(college=college) if college else CollegeProgramme()


class CollegeProgrammeDelete(generic.ObjectDeleteView):
    """Remove a programme (its students stay on the roster)."""

    model = CollegeProgramme
    success_url_name = "colleges:collegeprogramme_list"


class ProgrammeStudentsAdd(generic.ObjectActionView):
    """Add students from the roster to a programme."""

    model = CollegeProgramme
    permission = "colleges.change_collegeprogramme"
    form_class = ProgrammeStudentsForm
    related = ("college",)

    def form_kwargs(self, programme):
        return {"user": self.request.user, "programme": programme}

    def act(self, programme, form):
        added = services.add_students(actor=self.request.user, programme=programme,
                                      students=form.cleaned_data["chosen"])
        return _("%(count)d students added.") % {"count": added}


class ProgrammeStudentRemove(generic.ObjectActionView):
    """Take a student off a programme."""

    model = CollegeProgramme
    permission = "colleges.change_collegeprogramme"
    related = ("college",)

    def act(self, programme, form):
        student = visible_or_404(Student, self.request.user, self.kwargs["student"])
        services.remove_student(actor=self.request.user, programme=programme, student=student)
        return _("Student removed from the programme.")


urlpatterns = [
    *generic.object_paths("colleges", "industrycollege", list_view=IndustryCollegeList,
                          detail_view=IndustryCollegeDetail, edit_view=IndustryCollegeEdit,
                          delete_view=None),
    path("colleges/<int:pk>/members/", MemberAdd.as_view(), name="collegemember_add"),
    path("college-members/<int:pk>/remove/", MemberRemove.as_view(),
         name="collegemember_remove"),
    *generic.object_paths("college-programmes", "collegeprogramme", list_view=CollegeProgrammeList,
                          detail_view=CollegeProgrammeDetail, edit_view=CollegeProgrammeEdit,
                          delete_view=CollegeProgrammeDelete),
    path("college-programmes/<int:pk>/students/", ProgrammeStudentsAdd.as_view(),
         name="collegeprogramme_students"),
    path("college-programmes/<int:pk>/students/<int:student>/remove/",
         ProgrammeStudentRemove.as_view(), name="collegeprogramme_student_remove"),
]
