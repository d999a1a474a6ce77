from django.urls import path

from wellboard.web.partnership_pages import (
    alignment,
    backup_download,
    boards,
    deciding_bodies,
    directory,
    duplicates,
    glossary_page,
    lockouts,
    members,
    publishing,
    reference,
    reporting_area,
    role_types,
    roles,
    settings_page,
)

app_name = "partnerships"
# Add and edit pages of the reference data (wellboard/web/partnership_pages/reference.py).
# (the glossary page has its own form for adding a term, so terms only get an edit page).
REFERENCE_PATHS = {
    "organisation": "organisations",
    "person": "people",
    "board": "boards",
    "other_strategy": "other-strategies",
    "deciding_body": "deciding-bodies",
}
reference_patterns = [
    *(
        path(
            f"partnerships/<int:pk>/{listed}/new/",
            reference.new_view(reference.KINDS[key]),
            name=f"{key}_new",
        )
        for key, listed in REFERENCE_PATHS.items()
    ),
    *(
        path(f"{listed}/<int:pk>/edit/", reference.edit_view(kind), name=f"{key}_edit")
        for key, kind in reference.KINDS.items()
        for listed in [REFERENCE_PATHS.get(key, "glossary")]
    ),
]

urlpatterns = [
    *reference_patterns,
    path("partnerships/<int:pk>/", directory.overview, name="overview"),
    path("partnerships/<int:pk>/organisations/", directory.organisations, name="organisations"),
    path("organisations/<int:pk>/", directory.organisation, name="organisation"),
    path("partnerships/<int:pk>/people/", directory.people, name="people"),
    path("partnerships/<int:pk>/working-groups/", directory.working_groups, name="groups"),
    path(
        "partnerships/<int:pk>/working-groups/<int:group_pk>/",
        directory.working_group,
        name="group",
    ),
    path("partnerships/<int:pk>/boards/", boards.boards, name="boards"),
    path(
        "partnerships/<int:pk>/deciding-bodies/",
        deciding_bodies.deciding_bodies,
        name="deciding_bodies",
    ),
    path(
        "deciding-bodies/<int:pk>/archive/",
        deciding_bodies.deciding_body_archive,
        name="deciding_body_archive",
    ),
    path(
        "deciding-bodies/<int:pk>/restore/",
        deciding_bodies.deciding_body_restore,
        name="deciding_body_restore",
    ),
    path("boards/<int:pk>/", boards.board, name="board"),
    path("partnerships/<int:pk>/boards/meetings/new/", boards.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/edit/", boards.meeting_edit, name="meeting_edit"),
    path("partnerships/<int:pk>/sign-in-lockouts/", lockouts.lockouts, name="lockouts"),
    path("partnerships/<int:pk>/publishing/", publishing.publishing, name="publishing"),
    path("partnerships/<int:pk>/members/", members.members, name="members"),
    path("members/<int:pk>/edit/", members.member_edit, name="member_edit"),
    path("members/<int:pk>/active/", members.member_active, name="member_active"),
    path("members/<int:pk>/invite/", members.member_resend, name="member_resend"),
    path("partnerships/<int:pk>/glossary/", glossary_page.glossary, name="glossary"),
    path(
        "partnerships/<int:pk>/reporting-area/",
        reporting_area.reporting_area,
        name="reporting_area",
    ),
    path("partnerships/<int:pk>/alignment/", alignment.alignment, name="alignment"),
    path("partnerships/<int:pk>/roles/", roles.roles, name="roles"),
    path("partnerships/<int:pk>/settings/", settings_page.settings, name="settings"),
    path("partnerships/<int:pk>/backup/", backup_download.download, name="backup"),
    path("partnerships/<int:pk>/role-types/", role_types.role_types, name="role_types"),
    path(
        "partnerships/<int:pk>/role-types/preset/",
        role_types.role_type_preset,
        name="role_type_preset",
    ),
    path("role-types/<int:pk>/edit/", role_types.role_type_edit, name="role_type_edit"),
    path("role-types/<int:pk>/delete/", role_types.role_type_delete, name="role_type_delete"),
    path("partnerships/<int:pk>/duplicates/", duplicates.duplicates, name="duplicates"),
    path("partnerships/<int:pk>/duplicates/merge/", duplicates.merge, name="merge"),
    path("partnerships/<int:pk>/duplicates/intended/", duplicates.intended, name="intended"),
]
