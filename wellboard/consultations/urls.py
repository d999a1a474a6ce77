from django.urls import path

from wellboard.consultations import results_views, you_said_views
from wellboard.consultations.views import manage, moderation, public

app_name = "consultations"
urlpatterns = [
    path("", manage.index, name="index"),
    path("new/<int:strategy_pk>/", manage.create, name="create"),
    path("<int:pk>/", public.overview, name="overview"),
    path("<int:pk>/privacy/", public.privacy, name="privacy"),
    path("<int:pk>/respond/", public.respond, name="respond"),
    path("<int:pk>/thanks/", public.thanks, name="thanks"),
    path("<int:pk>/draft/", public.read_draft, name="draft"),
    path("<int:pk>/draft/<slug:key>/comment/", public.comment, name="comment"),
    path("<int:pk>/manage/", manage.manage, name="manage"),
    path("<int:pk>/edit/", manage.edit, name="edit"),
    path("<int:pk>/status/", manage.change_status, name="status"),
    path("<int:pk>/questions/new/", manage.add_question, name="add_question"),
    path("questions/<int:pk>/edit/", manage.edit_question, name="edit_question"),
    path("<int:pk>/events/new/", manage.add_event, name="add_event"),
    path("events/<int:pk>/edit/", manage.edit_event, name="edit_event"),
    path("<int:pk>/moderation/", moderation.queue, name="queue"),
    path("<int:pk>/responses/", moderation.responses, name="responses"),
    path("responses/<int:pk>/moderate/", moderation.moderate_response, name="moderate_response"),
    path("responses/<int:pk>/erase/", moderation.erase, name="erase"),
    path("comments/<int:pk>/moderate/", moderation.moderate_comment, name="moderate_comment"),
    path("<int:pk>/results/", results_views.results, name="results"),
    path("<int:pk>/results/themes/", results_views.refresh_themes, name="refresh_themes"),
    path("<int:pk>/summary/<str:summary_format>/", results_views.summary, name="summary"),
    path("<int:pk>/export/<str:export_format>/", results_views.export, name="export"),
    path("<int:pk>/you-said/", you_said_views.table, name="you_said"),
    path("you-said/<int:pk>/edit/", you_said_views.edit, name="edit_you_said"),
]
