"""Innovation's visibility through the one mechanism: a project shared by several students."""

from chanchuang.innovation.models import Project, ShowcaseItem


def test_a_project_of_several_students_is_one_row_for_each_of_them(world):
    project = world.project_liu  # student_liu and student_ma
    world.showcase_item_liu  # noqa: B018
    for user in (world.student_user, world.staff_wang):
        assert Project.objects.visible_to(user).filter(pk=project.pk).count() == 1
        assert ShowcaseItem.objects.visible_to(user).filter(project=project).count() == 1
