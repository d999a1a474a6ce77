"""Backup and restore of one whole partnership (`wellboard backup` / `wellboard restore`)."""
