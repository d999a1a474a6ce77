"""Changes to a partnership's members that must never leave it without an administrator."""

from __future__ import annotations

from wellboard.accounts.invitations import InvitationError
from wellboard.accounts.models import Membership

_ADMINISTRATOR = Membership.Role.ADMINISTRATOR
LAST_ADMINISTRATOR = "The partnership needs an administrator: appoint another first."


def _other_administrators(membership: Membership) -> int:
    return (
        Membership.objects.filter(
            partnership_id=membership.partnership_id, role=_ADMINISTRATOR, active=True
        )
        .exclude(pk=membership.pk)
        .count()
    )


def check_role_change(membership: Membership, new_role: str) -> None:
    """Refuse to take the administrator role from the partnership's last administrator."""
    stepping_down = membership.role == _ADMINISTRATOR and new_role != _ADMINISTRATOR
    if stepping_down and membership.active and not _other_administrators(membership):
        raise InvitationError(LAST_ADMINISTRATOR)


def set_active(membership: Membership, active: bool) -> None:
    """Deactivate (no rights at all, kept for the history) or reactivate a membership."""
    if not active and membership.role == _ADMINISTRATOR and not _other_administrators(membership):
        raise InvitationError(LAST_ADMINISTRATOR)
    membership.active = active
    membership.save(update_fields=["active", "updated_at"])
