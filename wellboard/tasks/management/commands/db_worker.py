"""`db_worker` runs Wellboard's worker too.

django-tasks-db's own `db_worker` keeps no heartbeat: beside Wellboard's workers its
running tasks would look abandoned and be run a second time. This command, found before
django-tasks-db's because the tasks app comes first in INSTALLED_APPS, makes the two
names one worker.
"""

from wellboard.tasks.management.commands.worker import Command as WorkerCommand


class Command(WorkerCommand):
    pass
