from django.urls import path

from wellboard.strategy.views import approvals

app_name = "approvals"
urlpatterns = [
    path("", approvals.queue, name="queue"),
    path("updates/<int:pk>/", approvals.decide, name="decide"),
    path("proposals/<int:pk>/", approvals.decide_proposal, name="decide_proposal"),
    path("changes/<int:pk>/", approvals.decide_change, name="decide_change"),
]
