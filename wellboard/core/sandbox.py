"""Reading an upload in a child process with memory and CPU limits.

The archive caps refuse a zip bomb from its directory, but no cap on a file's size says
how much memory its readers will take: a spreadsheet's shared strings, a Word document's
XML tree or a PDF's pages can grow many times over once parsed (issue #12.6: a 7 MB
workbook took a task worker past 6 GB). So uploads are read in a child process whose
address space and CPU time are capped with ``resource.setrlimit``; when the child runs
out, it alone fails, and the person is told the file is too large to read.

The child comes from a "forkserver" that has imported the readers once, so each upload
costs a fork (milliseconds) rather than a fresh interpreter importing openpyxl,
python-docx and pdfplumber (over a second). The memory limit is counted on top of what
the child holds when it starts (the imported libraries), so the setting means what it
says: memory for reading one file. The outcome comes back as JSON bytes on a pipe, never
as a pickle, so a child that a crafted file got the better of cannot hand the parent
code to run.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from wellboard.core.upload_reading import Outcome, read_upload

# Generous for real plans: a 60-page plan reads in under a second and 100 MB.
DEFAULT_MEMORY_MB = 1024
DEFAULT_CPU_SECONDS = 120
WALL_FACTOR = 3  # wall-clock allowance per CPU second, for a busy machine
_MB = 1024 * 1024
_context: Any = None


@dataclass(frozen=True)
class ProcessLimits:
    """What one upload's reading may use: memory on top of the readers' own, CPU time."""

    memory_mb: int = DEFAULT_MEMORY_MB
    cpu_seconds: int = DEFAULT_CPU_SECONDS


def read_in_child(
    path: Path,
    filename: str,
    *,
    column_map: dict[str, str] | None = None,
    sheet_wanted: bool = False,
    limits: ProcessLimits | None = None,
) -> Outcome:
    """Read ``path`` (shown as ``filename``) in a limited child; the outcome or an error."""
    limits = limits or ProcessLimits()
    receiving, sending = _forkserver().Pipe(duplex=False)
    request = {
        "path": str(path),
        "filename": filename,
        "column_map": column_map,
        "sheet_wanted": sheet_wanted,
    }
    child = _forkserver().Process(
        target=_child_main, args=(sending, request, limits), name="wellboard-upload", daemon=True
    )
    child.start()
    sending.close()  # the child holds the writing end: EOF here when it dies
    try:
        return _outcome(child, receiving, filename, limits)
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join()


def _outcome(child: Any, receiving: Connection, filename: str, limits: ProcessLimits) -> Outcome:
    ready = wait([receiving, child.sentinel], timeout=limits.cpu_seconds * WALL_FACTOR)
    if receiving in ready:
        try:
            return json.loads(receiving.recv_bytes())
        except (EOFError, OSError, ValueError):
            pass  # died while sending: judged by its exit below
    if not ready:
        child.kill()
        return _refusal(filename, _too_slow(limits))
    child.join()
    if child.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return _refusal(filename, _too_slow(limits))
    return _refusal(filename, _too_big(limits))


def _refusal(filename: str, reason: str) -> Outcome:
    return {"error_file": filename, "error": reason, "headers": []}


def _too_big(limits: ProcessLimits) -> str:
    return (
        f"the file is too large to read: reading it needs more than the "
        f"{limits.memory_mb} MB of memory an upload may use"
    )


def _too_slow(limits: ProcessLimits) -> str:
    seconds = f"{limits.cpu_seconds} second{'' if limits.cpu_seconds == 1 else 's'}"
    return (
        f"the file is too large to read: reading it takes longer than the {seconds} "
        "an upload may use"
    )


def _forkserver() -> Any:
    """The forkserver context, its server preloading the readers (started on first use)."""
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        _context = context
    return _context


def _child_main(sending: Connection, request: dict[str, Any], limits: ProcessLimits) -> None:
    """In the child: cap memory and CPU, read, send the outcome as JSON."""
    _limit(limits)
    try:
        outcome = read_upload(
            Path(request["path"]),
            request["filename"],
            column_map=request["column_map"],
            sheet_wanted=request["sheet_wanted"],
        )
    except MemoryError:
        outcome = _refusal(request["filename"], _too_big(limits))
    if _ran_out_of_memory(outcome):
        outcome = _refusal(request["filename"], _too_big(limits))
    if "error" not in outcome:
        used = resource.getrusage(resource.RUSAGE_SELF)
        outcome["cpu_seconds"] = used.ru_utime + used.ru_stime
    sending.send_bytes(json.dumps(outcome).encode())
    sending.close()


def _ran_out_of_memory(outcome: Outcome) -> bool:
    """A reader that met MemoryError says "too large" or names the error in its reason."""
    error = outcome.get("error", "")
    return "MemoryError" in error or error == "the file is too large to read"


def _limit(limits: ProcessLimits) -> None:
    held = _address_space()
    memory = held + limits.memory_mb * _MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = max(1, limits.cpu_seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _address_space() -> int:
    """This process's virtual memory size now, in bytes (Linux /proc)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
