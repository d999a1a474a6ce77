"""`wellboard serve`'s gunicorn settings with a worker that times each request's stages.

For bench_load_trace.py only. The gthread worker (gunicorn/workers/gthread.py) hands a
kept-alive connection to its thread pool when the connection turns readable; this
subclass writes, per request, when that happened (`readable`), when a pool thread took it
(`thread`), when the request was parsed and when the response was written, with the
thread's CPU time, the time spent in database queries and their number, and the request
id locust sent (X-Bench-Id), one line per request to TRACE_DIR/server-<pid>.log.

Run as `python trace_worker.py PORT WORKERS THREADS` with benchmarks/ on PYTHONPATH.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any

from gunicorn.workers.gthread import ThreadWorker

_log_fd: int | None = None


def log(*fields: object) -> None:
    """One line, written at once (the pool threads share the file)."""
    global _log_fd
    if _log_fd is None:
        path = f"{os.environ['TRACE_DIR']}/server-{os.getpid()}.log"
        _log_fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.write(_log_fd, (" ".join(str(f) for f in fields) + "\n").encode())


class TracingWorker(ThreadWorker):
    """gunicorn's gthread worker, unchanged but for the timings it writes."""

    def accept(self, server: Any, listener: Any) -> None:
        super().accept(server, listener)
        log("accept", f"{time.time():.6f}", self.nr_conns)

    def on_client_socket_readable(self, conn: Any, client: Any) -> None:
        conn.trace_readable = time.time()
        super().on_client_socket_readable(conn, client)

    def handle(self, conn: Any) -> Any:
        conn.trace_thread = time.time()
        return super().handle(conn)

    def handle_request(self, req: Any, conn: Any) -> Any:
        from django.db import connection

        parsed = time.time()
        request_id = next((v for k, v in req.headers if k == "X-BENCH-ID"), "-")
        database = [0.0, 0]

        def timed(execute: Any, sql: Any, params: Any, many: Any, context: Any) -> Any:
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                database[0] += time.perf_counter() - start
                database[1] += 1

        cpu = time.thread_time()
        try:
            with connection.execute_wrapper(timed):
                return super().handle_request(req, conn)
        finally:
            done, cpu = time.time(), time.thread_time() - cpu
            # The first request on a new connection has no readable event of its own.
            readable = getattr(conn, "trace_readable", 0.0) or conn.trace_thread
            conn.trace_readable = 0.0
            log("req", request_id, f"{readable:.6f}", f"{conn.trace_thread:.6f}",
                f"{parsed:.6f}", f"{done:.6f}", f"{cpu * 1000:.2f}",
                f"{database[0] * 1000:.2f}", database[1], threading.get_ident(),
                req.path)  # fmt: skip


def main() -> None:
    import django

    django.setup()
    from wellboard.web.management.commands.serve import _Gunicorn, gunicorn_settings

    port, workers, threads = (int(a) for a in sys.argv[1:4])
    settings = gunicorn_settings("127.0.0.1", port, workers, threads)
    settings.pop("accesslog")
    settings["worker_class"] = "trace_worker.TracingWorker"
    _Gunicorn(settings).run()


if __name__ == "__main__":
    main()
