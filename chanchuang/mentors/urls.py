"""URLs of the mentors app."""

from django.urls import path

from chanchuang.core.document_kind_views import document_kind_paths
from chanchuang.core.generic_views import object_paths
from chanchuang.mentors import views
from chanchuang.mentors.models import AppointmentTitle

app_name = "mentors"

urlpatterns = [
    *object_paths("mentors", "mentor", list_view=views.MentorList,
                  detail_view=views.MentorDetail, edit_view=views.MentorEdit,
                  delete_view=views.MentorDelete),
    path("mentors/<int:pk>/photo/", views.MentorPhoto.as_view(), name="mentor_photo"),
    path("mentors/<int:pk>/activities/", views.ActivityAdd.as_view(), name="activity_add"),
    path("activities/<int:pk>/delete/", views.ActivityRemove.as_view(), name="activity_delete"),
    *object_paths("appointments", "appointment", list_view=views.AppointmentList,
                  detail_view=views.AppointmentDetail, edit_view=views.AppointmentEdit,
                  delete_view=None),
    path("appointments/<int:pk>/approve/", views.AppointmentApprove.as_view(),
         name="appointment_approve"),
    path("appointments/<int:pk>/withdraw/", views.AppointmentWithdraw.as_view(),
         name="appointment_withdraw"),
    path("appointments/<int:pk>/renew/", views.AppointmentRenew.as_view(),
         name="appointment_renew"),
    path("appointments/<int:pk>/letter/", views.AppointmentLetter.as_view(),
         name="appointment_letter"),
    path("verify/", views.Verify.as_view(), name="verify_form"),
    path("verify/<str:code>/", views.Verify.as_view(), name="verify"),
    *document_kind_paths("appointment-titles", AppointmentTitle,
                         list_permission="mentors.manage_appointment"),
]
