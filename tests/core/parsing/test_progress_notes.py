import pytest

from wellboard.core.parsing.progress_notes import read_rag, split_updates


def test_dated_headings_split_a_note_and_undated_text_comes_first() -> None:
    note = (
        "Scoping complete in summer.\n"
        "October 2014 update: pilot running in three practices. RAG: Green\n"
        "Update Jan 2015: 40 referrals so far"
    )
    updates = split_updates(note)
    assert [(u["date"], u["date_text"], u["text"]) for u in updates] == [
        (None, "", "Scoping complete in summer."),
        ("2014-10-31", "October 2014", "pilot running in three practices. RAG: Green"),
        ("2015-01-31", "Jan 2015", "40 referrals so far"),
    ]
    assert [u["rag"] for u in updates] == [None, "green", None]


@pytest.mark.parametrize(
    ("note", "date", "date_text"),
    [
        ("(Jan 2015) Steering group met", "2015-01-31", "Jan 2015"),
        ("12/03/2014: contract signed", "2014-03-12", "12/03/2014"),
        ("Update - March 2015: evaluation due", "2015-03-31", "March 2015"),
        ("Sept 2013 progress: recruited", "2013-09-30", "Sept 2013"),
        ("Oct-14 - 50% complete", "2014-10-31", "Oct-14"),
    ],
)
def test_heading_shapes(note: str, date: str, date_text: str) -> None:
    (update,) = split_updates(note)
    assert (update["date"], update["date_text"]) == (date, date_text)
    assert update["text"]


def test_updates_come_out_oldest_first() -> None:
    note = "March 2015: second\nDecember 2014: first"
    assert [u["text"] for u in split_updates(note)] == ["first", "second"]


def test_a_date_inside_prose_does_not_split_the_note() -> None:
    note = "The pilot runs until March 2015: then it is reviewed by the board in (June 2015)."
    (update,) = split_updates(note)
    assert update["date"] is None
    assert update["text"] == note


def test_an_impossible_date_is_not_a_heading() -> None:
    (update,) = split_updates("31/02/2014: typo in the date")
    assert update["date"] is None


def test_percent_complete_is_read_from_the_note() -> None:
    (update,) = split_updates("Update May 2015: 75% complete")
    assert update["percent_complete"] == 75


def test_an_empty_note_has_no_updates() -> None:
    assert split_updates("") == []
    assert split_updates("  \n ") == []


@pytest.mark.parametrize(
    ("text", "rag"),
    [
        ("RAG: Green", "green"),
        ("RAG status - amber", "amber"),
        ("Status: Red", "red"),
        ("Status: Blue", "complete"),
        ("Completed", "complete"),
        ("Complete - report to the board", "complete"),
        ("Audit done. Completed.", "complete"),
        ("Status: not started", "not_started"),
        ("To be completed by May 2015", None),
        ("We completed the survey", None),
        ("Going well", None),
    ],
)
def test_rag_is_read_only_when_stated(text: str, rag: str | None) -> None:
    assert read_rag(text) == rag
