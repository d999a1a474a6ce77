"""Comparing two versions of a strategy's text word by word (wellboard.core.text_compare)."""

from __future__ import annotations

from wellboard.core.text_compare import compare, sections, word_diff


def _joined(pieces: list[tuple[str, str]], *kinds: str) -> str:
    return "".join(text for kind, text in pieces if kind in kinds)


def test_changed_words_are_marked_on_their_own_side() -> None:
    old, new = word_diff("Reduce smoking in pregnancy.", "Reduce smoking among young people.")
    assert _joined(old, "deleted").split() == ["in", "pregnancy"]
    assert _joined(new, "inserted").split() == ["among", "young", "people"]
    assert ("same", "Reduce smoking ") in old and ("same", "Reduce smoking ") in new


def test_each_side_reads_back_as_its_own_text() -> None:
    before = "Children have the best start in life, and adults live well."
    after = "Every child has the best start in life; adults age well, at home."
    old, new = word_diff(before, after)
    assert _joined(old, "same", "deleted") == before
    assert _joined(new, "same", "inserted") == after


def test_markup_typed_into_the_text_stays_text() -> None:
    old, new = word_diff("Safe streets", "Safe <script>alert(1)</script> streets")
    assert "<script>" in _joined(new, "inserted")
    assert _joined(old, "same") == "Safe streets"
    # Pieces are plain strings with a kind: the page escapes them when drawing.
    assert all(kind in {"same", "inserted"} for kind, _ in new)


def _text(priority: str, description: str = "", vision: str = "") -> dict:
    return {
        "title": "Joint strategy",
        "summary": "",
        "vision": vision,
        "themes": [
            {
                "ref": "1",
                "title": "Start well",
                "description": "",
                "priorities": [{"ref": "1.1", "title": priority, "description": description}],
            }
        ],
    }


def test_parts_are_matched_by_reference_and_unchanged_parts_say_so() -> None:
    rows = compare(_text("Cut smoking"), _text("Cut smoking and vaping", vision="Healthy lives"))
    by_label = {row.label: row for row in rows}
    assert not by_label["Title"].changed
    assert by_label["Priority 1.1"].changed
    assert _joined(by_label["Priority 1.1"].new, "inserted").strip() == "and vaping"
    assert by_label["Vision"].old == [] and by_label["Vision"].changed
    assert "Summary" not in by_label  # empty in both versions


def test_a_dropped_priority_appears_with_only_its_old_words() -> None:
    old = _text("Cut smoking")
    new = _text("Cut smoking")
    new["themes"][0]["priorities"] = []
    rows = {row.label: row for row in compare(old, new)}
    assert rows["Priority 1.1"].new == []
    assert rows["Priority 1.1"].old == [("deleted", "Cut smoking")]


def test_sections_without_references_are_numbered_by_place() -> None:
    text = _text("Cut smoking")
    text["themes"][0]["ref"] = ""
    text["themes"][0]["priorities"][0]["ref"] = ""
    assert sections(text)["theme:1:priority:1"] == ("Priority 1.1", "Cut smoking")
