"""Nothing but PlanImportError may escape parse_plan, whatever the bytes."""

import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.parsing.fixtures.docx_builders import build_delivery_docx
from tests.core.parsing.fixtures.table_builders import build_xlsx
from wellboard.core.parsing import PlanImportError, parse_plan

Validate = Callable[[dict[str, Any]], None]
EXTENSIONS = [".docx", ".xlsx", ".csv", ".txt", ".md", ".tsv"]
# WELLBOARD_FUZZ_SCALE=20 runs twenty times as many examples, for a long search.
SCALE = int(os.environ.get("WELLBOARD_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> Any:
    return settings(
        deadline=None,
        max_examples=examples * SCALE,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


FUZZ = fuzz(150)
CELL_WORDS = [
    "Priority", "Action", "Lead", "By when", "Indicators", "Progress to date", "No.",
    "THEME", "LEAD OFFICER", "As above", "Ditto", "Staying Healthy action plan", "Apr-14",
    "PHOF 1.16, 2.14", "ASCOF 1A", "October 2014 update:", "RAG: Green", "<p>", "</p>",
    "<li>", "&amp;", "\u2022", "- ", ":", "Glossary", "CCG - Clinical Commissioning Group",
    "1.2", "x", "", " ", "|", "\t", "\n", '"', ";", "/",
]  # fmt: skip


def parse_bytes(data: bytes, suffix: str) -> Any:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            return parse_plan(path)
        except PlanImportError as exc:
            assert str(exc).startswith(f"fuzz{suffix}: ")
            assert "\n" not in str(exc)
            return None


@FUZZ
@given(data=st.binary(min_size=0, max_size=2048), suffix=st.sampled_from(EXTENSIONS))
def test_random_bytes(data: bytes, suffix: str, assert_valid: Validate) -> None:
    result = parse_bytes(data, suffix)
    if result is not None:
        assert_valid(result.plan)


@FUZZ
@given(data=st.binary(max_size=512), suffix=st.sampled_from([".docx", ".xlsx"]))
def test_random_bytes_behind_a_zip_header(data: bytes, suffix: str) -> None:
    parse_bytes(b"PK\x03\x04" + data, suffix)


cells = st.lists(st.sampled_from(CELL_WORDS), min_size=0, max_size=4).map(" ".join)
rows = st.lists(st.lists(cells, min_size=1, max_size=7), min_size=1, max_size=25)


@FUZZ
@given(table=rows, separator=st.sampled_from(["\t", ",", ";", " | "]))
def test_random_text_tables(table: list[list[str]], separator: str, assert_valid: Validate) -> None:
    lines = [separator.join(row) for row in table]
    header = separator.join(["Priority", "Action", "Lead", "By when", "Progress to date"])
    for body in (lines, [header, *lines]):
        text = "\n".join(body)
        for suffix in (".txt", ".csv", ".md"):
            result = parse_bytes(text.encode("utf-8"), suffix)
            if result is not None:
                assert_valid(result.plan)


@pytest.fixture(scope="module")
def valid_office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    directory = tmp_path_factory.mktemp("valid")
    return {
        ".docx": build_delivery_docx(directory).read_bytes(),
        ".xlsx": build_xlsx(directory).read_bytes(),
    }


@fuzz(120)
@given(
    suffix=st.sampled_from([".docx", ".xlsx"]),
    flips=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1, exclude_max=True), st.integers(1, 255)),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_office_files(
    valid_office_files: dict[str, bytes],
    suffix: str,
    flips: list[tuple[float, int]],
    assert_valid: Validate,
) -> None:
    data = bytearray(valid_office_files[suffix])
    for position, mask in flips:
        data[int(position * len(data))] ^= mask
    result = parse_bytes(bytes(data), suffix)
    if result is not None:
        assert_valid(result.plan)


@fuzz(60)
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), max_size=6))
def test_mutated_document_xml_inside_a_sound_zip(
    valid_office_files: dict[str, bytes], flips: list[tuple[int, int]], assert_valid: Validate
) -> None:
    """Flip bytes of word/document.xml but keep the zip intact, so the XML parser is reached."""
    source = zipfile.ZipFile(io.BytesIO(valid_office_files[".docx"]))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            member = bytearray(source.read(info))
            if info.filename == "word/document.xml":
                for position, mask in flips:
                    member[position % len(member)] ^= mask
            copy.writestr(info.filename, bytes(member))
    result = parse_bytes(output.getvalue(), ".docx")
    if result is not None:
        assert_valid(result.plan)
