from __future__ import annotations

import json

import pytest

from wellboard.core.exchange import ExchangeError, canonical, load_document, validate

MINIMAL = {"format": "wellboard-plan", "version": 1, "title": "A strategy", "themes": []}


def test_minimal_document_is_valid() -> None:
    validate(MINIMAL)


def test_canonical_form_fills_every_default_and_sorts_keys() -> None:
    text = canonical(MINIMAL)
    document = json.loads(text)
    assert document["status"] == "draft"
    assert document["glossary"] == []
    assert list(document) == sorted(document)
    assert text.endswith("}\n")


def test_canonical_form_is_idempotent() -> None:
    once = canonical(MINIMAL)
    assert canonical(json.loads(once)) == once


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"format": "other"}, "format"),
        ({"status": "finished"}, "status"),
        ({"themes": [{"title": "T"}]}, "themes[0]"),
        (
            {"themes": [{"title": "T", "priorities": [{"title": "P", "actions": [{}]}]}]},
            "themes[0].priorities[0].actions[0]",
        ),
        ({"surprise": 1}, "document"),
    ],
)
def test_invalid_documents_name_the_place(change: dict[str, object], where: str) -> None:
    with pytest.raises(ExchangeError) as caught:
        validate({**MINIMAL, **change})
    assert str(caught.value).startswith(f"{where}:")
    assert "\n" not in str(caught.value)


def test_load_document_refuses_text_that_is_not_json() -> None:
    with pytest.raises(ExchangeError, match="not valid JSON"):
        load_document(b"\xff\xfe not json")


def test_load_document_refuses_a_list() -> None:
    with pytest.raises(ExchangeError, match="is not of type 'object'"):
        load_document("[]")
