"""URLs of the placements app."""

from django.urls import path

from chanchuang.core.generic_views import object_paths
from chanchuang.placements import views

app_name = "placements"

urlpatterns = [
    *object_paths("plans", "trainingplan", list_view=views.PlanList, detail_view=views.PlanDetail,
                  edit_view=views.PlanEdit, delete_view=views.PlanDelete),
    path("plans/<int:pk>/blocks/", views.BlockAdd.as_view(), name="block_add"),
    path("blocks/<int:pk>/delete/", views.BlockDelete.as_view(), name="block_delete"),
    path("plans/<int:pk>/rounds/", views.RoundAdd.as_view(), name="round_add"),
    path("plans/<int:pk>/national-report.xlsx", views.PlanExport.as_view(),
         name="trainingplan_export"),
    *object_paths("positions", "position", list_view=views.PositionList,
                  detail_view=views.PositionDetail, edit_view=views.PositionEdit,
                  delete_view=views.PositionDelete),
    path("rounds/<int:pk>/", views.RoundDetail.as_view(), name="selectionround_detail"),
    path("rounds/<int:pk>/status/", views.RoundStatusFragment.as_view(), name="round_status"),
    path("rounds/<int:pk>/choices/", views.Choices.as_view(), name="round_choices"),
    path("rounds/<int:pk>/positions/<int:position_pk>/rank/", views.Rank.as_view(),
         name="round_rank"),
    path("rounds/<int:pk>/rank-by-grade/", views.RoundRankByGrade.as_view(),
         name="round_rank_by_grade"),
    path("rounds/<int:pk>/run/", views.RoundRun.as_view(), name="round_run"),
    path("rounds/<int:pk>/publish/", views.RoundPublish.as_view(), name="round_publish"),
    path("rounds/<int:pk>/verify/", views.RoundVerify.as_view(), name="round_verify"),
    path("rounds/<int:pk>/my-result/", views.MyResult.as_view(), name="round_my_result"),
    path("placements/", views.PlacementList.as_view(), name="placement_list"),
    path("placements/exceptions/", views.Exceptions.as_view(), name="placement_exceptions"),
    path("placements/<int:pk>/", views.PlacementDetail.as_view(), name="placement_detail"),
    path("placements/<int:pk>/records/", views.PlacementRecords.as_view(),
         name="placement_records"),
    path("placements/<int:pk>/tripartite/", views.PlacementTripartite.as_view(),
         name="placement_tripartite"),
    path("placements/<int:pk>/confirm/", views.PlacementConfirm.as_view(),
         name="placement_confirm"),
    path("placements/<int:pk>/mail-mentor/", views.PlacementMailMentor.as_view(),
         name="placement_mail_mentor"),
    path("placements/<int:pk>/logs/", views.LogAdd.as_view(), name="log_add"),
    path("placements/<int:pk>/guardian-consent/", views.PlacementConsent.as_view(),
         name="placement_consent"),
    path("logs/<int:pk>/attachment/", views.LogAttachment.as_view(), name="log_attachment"),
    path("placements/<int:pk>/sign-off/", views.LogsSignOff.as_view(), name="logs_sign_off"),
    path("placements/<int:pk>/evaluate/<slug:side>/", views.Evaluate.as_view(),
         name="placement_evaluate"),
    path("sign-off/<str:token>/", views.PublicSignOff.as_view(), name="public_sign_off"),
    *object_paths("insurance", "insurancepolicy", list_view=views.PolicyList,
                  detail_view=views.PolicyDetail, edit_view=views.PolicyEdit, delete_view=None),
]
