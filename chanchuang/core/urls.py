"""URLs of the core app."""

from django.urls import path

from chanchuang.core import views
from chanchuang.core.generic_views import object_paths
from chanchuang.core.tabular import views as import_views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/password/", views.PasswordChange.as_view(), name="password_change"),
    path("accounts/tokens/", views.token_create, name="token_create"),
    path("accounts/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    *object_paths("departments", "department", list_view=views.DepartmentList,
                  detail_view=views.DepartmentDetail, edit_view=views.DepartmentEdit,
                  delete_view=views.DepartmentDelete),
    *object_paths("majors", "major", list_view=views.MajorList, detail_view=views.MajorDetail,
                  edit_view=views.MajorEdit, delete_view=views.MajorDelete),
    *object_paths("classes", "schoolclass", list_view=views.SchoolClassList,
                  detail_view=views.SchoolClassDetail, edit_view=views.SchoolClassEdit,
                  delete_view=views.SchoolClassDelete),
    *object_paths("students", "student", list_view=views.StudentList,
                  detail_view=views.StudentDetail, edit_view=views.StudentEdit,
                  delete_view=views.StudentDelete),
    path("people/", views.UserList.as_view(), name="user_list"),
    path("people/<int:pk>/", views.UserDetail.as_view(), name="user_detail"),
    path("people/<int:pk>/roles/", views.membership_add, name="membership_add"),
    path("roles/<int:pk>/delete/", views.membership_delete, name="membership_delete"),
    path("audit/", views.AuditEntryList.as_view(), name="auditentry_list"),
    path("notifications/", views.notification_list, name="notification_list"),
    path("notifications/<int:pk>/open/", views.notification_open, name="notification_open"),
    path("notifications/read/", views.notification_read_all, name="notification_read_all"),
    path("imports/", views.ImportJobList.as_view(), name="importjob_list"),
    path("imports/new/<slug:kind>/", import_views.import_start, name="import_start"),
    path("imports/new/<slug:kind>/template.xlsx", import_views.import_template,
         name="import_template"),
    path("imports/<int:pk>/", import_views.importjob_detail, name="importjob_detail"),
    path("imports/<int:pk>/confirm/", import_views.importjob_confirm, name="importjob_confirm"),
]
