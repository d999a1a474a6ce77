from tests.rounds.mailbox import closed_port, mailbox  # noqa: F401 - fixtures
