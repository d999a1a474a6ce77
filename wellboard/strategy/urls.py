from django.urls import path

from wellboard.strategy.views import actions, changes, editing, lifecycle, pages, public, versions

app_name = "strategy"
urlpatterns = [
    path("strategies/", pages.strategy_list, name="strategies"),
    path("strategies/<int:pk>/", pages.strategy_overview, name="overview"),
    path("strategies/<int:pk>/settings/", changes.strategy_settings, name="settings"),
    path("strategies/<int:pk>/lifecycle/", lifecycle.strategy_lifecycle, name="lifecycle"),
    path("strategies/<int:pk>/versions/", versions.version_list, name="versions"),
    path(
        "strategies/<int:pk>/versions/compare/",
        versions.version_compare,
        name="version_compare",
    ),
    path("themes/<int:pk>/", pages.theme_detail, name="theme"),
    path("priorities/<int:pk>/", pages.priority_detail, name="priority"),
    path("actions/", actions.action_list, name="actions"),
    path("actions/<int:pk>/", actions.action_detail, name="action"),
    path("actions/<int:pk>/update/", changes.add_update, name="add_update"),
    path("actions/<int:pk>/edit/", changes.edit_action, name="edit_action"),
    path("actions/<int:pk>/comment/", changes.comment, name="comment"),
    path("updates/<int:pk>/review/", changes.review_update, name="review_update"),
    path("my/actions/", actions.my_actions, name="my_actions"),
    # Building the plan (administrators): add, edit, move and archive at every level.
    path("partnerships/<int:pk>/strategies/new/", editing.new_strategy, name="new_strategy"),
    path("strategies/<int:pk>/edit/", editing.edit_strategy, name="edit_strategy"),
    path("strategies/<int:pk>/archive/", editing.archive_strategy, name="archive_strategy"),
    path("strategies/<int:pk>/plans/new/", editing.new_plan, name="new_plan"),
    path("plans/<int:pk>/", pages.plan_detail, name="plan"),
    path("plans/<int:pk>/edit/", editing.edit_plan, name="edit_plan"),
    path("plans/<int:pk>/move/", editing.move_plan, name="move_plan"),
    path("plans/<int:pk>/archive/", editing.archive_plan, name="archive_plan"),
    path("plans/<int:pk>/themes/new/", editing.new_theme, name="new_theme"),
    path("themes/<int:pk>/edit/", editing.edit_theme, name="edit_theme"),
    path("themes/<int:pk>/move/", editing.move_theme, name="move_theme"),
    path("themes/<int:pk>/archive/", editing.archive_theme, name="archive_theme"),
    path("themes/<int:pk>/priorities/new/", editing.new_priority, name="new_priority"),
    path("priorities/<int:pk>/edit/", editing.edit_priority, name="edit_priority"),
    path("priorities/<int:pk>/move/", editing.move_priority, name="move_priority"),
    path("priorities/<int:pk>/archive/", editing.archive_priority, name="archive_priority"),
    path("priorities/<int:pk>/actions/new/", editing.new_action, name="new_action"),
    path("actions/<int:pk>/move/", editing.move_action, name="move_action"),
    path("actions/<int:pk>/archive/", editing.archive_action, name="archive_action"),
    path("public/strategies/<int:pk>/", public.public_strategy, name="public"),
]
