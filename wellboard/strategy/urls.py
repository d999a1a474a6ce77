from django.urls import path

from wellboard.strategy.views import actions, changes, lifecycle, pages, public

app_name = "strategy"
urlpatterns = [
    path("strategies/", pages.strategy_list, name="strategies"),
    path("strategies/<int:pk>/", pages.strategy_overview, name="overview"),
    path("strategies/<int:pk>/settings/", changes.strategy_settings, name="settings"),
    path("strategies/<int:pk>/lifecycle/", lifecycle.strategy_lifecycle, name="lifecycle"),
    path("themes/<int:pk>/", pages.theme_detail, name="theme"),
    path("priorities/<int:pk>/", pages.priority_detail, name="priority"),
    path("actions/", actions.action_list, name="actions"),
    path("actions/<int:pk>/", actions.action_detail, name="action"),
    path("actions/<int:pk>/update/", changes.add_update, name="add_update"),
    path("actions/<int:pk>/edit/", changes.edit_action, name="edit_action"),
    path("actions/<int:pk>/comment/", changes.comment, name="comment"),
    path("updates/<int:pk>/review/", changes.review_update, name="review_update"),
    path("my/actions/", actions.my_actions, name="my_actions"),
    path("public/strategies/<int:pk>/", public.public_strategy, name="public"),
]
