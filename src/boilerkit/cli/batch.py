"""One task of a batch: through ``extract`` and a renderer (``process``), in a worker
process of ``pool`` or, for a single input, in this one.

Anything a page makes go wrong becomes that page's ``Result.error``, and whatever a page
holds, its output is valid UTF-8: the command line never stops mid-batch on one page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..api import explain, extract
from ..document import Document
from ..errors import BoilerkitError
from ..options import Options
from ..render import get_format, render_document, render_json
from .inputs import read_page
from .tasks import Failure, Task, printable

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Cannot be encoded as UTF-8: one in a title would make the whole output unwritable, so
the worker replaces it (U+FFFD) whatever the library let through."""


@dataclass(frozen=True, slots=True)
class Job:
    """What to do with every task of a batch (sent to each worker once)."""

    fmt: str = "text"
    options: Options = field(default_factory=Options)
    explain: bool = False
    jsonl: bool = False
    """One record per document in one shared output: compact JSON, or a CSV row."""
    with_markdown: bool = False
    timeout: float = 30.0
    language: str | None = None
    """Keep only documents in this language (an ISO 639 code, lower case)."""


@dataclass(frozen=True, slots=True)
class Result:
    """One input's outcome: the rendered output, or why there is none."""

    name: str
    stem: str
    output: bytes | None = None
    """The rendered document as UTF-8, encoded by the worker: the parent writes it as it
    comes, with no copy of its own (a page's text may be 60 MB)."""
    error: str | None = None
    skipped: str | None = None
    """Why a document that was extracted is left out (``--language``)."""


def process(task: Task, job: Job) -> Result:
    """Extract and render one task; never raises (this is the command line's edge)."""
    try:
        return _render(task, job)
    except BoilerkitError as error:
        return Result(task.name, task.stem, error=str(error) or type(error).__name__)
    except MemoryError:
        return Result(task.name, task.stem, error="out of memory")
    except Exception as error:  # the CLI edge: one page's bug must not stop a batch
        return Result(
            task.name, task.stem, error=f"internal error ({type(error).__name__}: {error})"
        )


def _render(task: Task, job: Job) -> Result:
    url, content_type = task.url, task.content_type
    if task.fetch_url is not None:
        from .fetch import fetch  # here: http.client and ssl are for URLs only

        fetched = fetch(task.fetch_url, timeout=job.timeout, max_bytes=job.options.max_bytes)
        data, url, content_type = fetched.data, fetched.url, fetched.content_type
    elif task.path is not None:
        data = read_page(task.path, job.options.max_bytes)
    else:
        data = task.data or b""
    if job.explain:
        explanation = explain(data, url=url, content_type=content_type, options=job.options)
        render = explanation.to_html if job.fmt == "html" else explanation.__str__
        return _result(task, job, explanation.document, render)
    document = extract(data, url=url, content_type=content_type, options=job.options)
    if job.fmt != "json":
        spec = get_format(job.fmt)
        if job.jsonl:  # one record of a batch that shares one output (a CSV row)
            base = url or document.url
            return _result(
                task, job, document, lambda: spec.render_record(document, job.options, base)
            )
        return _result(
            task,
            job,
            document,
            lambda: render_document(document, job.fmt, job.options, base_url=url),
        )
    markdown = (
        render_document(document, "markdown", job.options, base_url=url)
        if job.with_markdown
        else None
    )
    extra = {"source": printable(task.name), "fetched_at": task.fetched_at, **dict(task.extra)}
    indent = None if job.jsonl else 2
    return _result(
        task,
        job,
        document,
        lambda: render_json(document, markdown=markdown, extra=extra, indent=indent),
    )


def _result(task: Task, job: Job, document: Document, render: Callable[[], str]) -> Result:
    """The rendered document, unless ``--language`` leaves it out; always valid UTF-8."""
    language = (document.language or "").split("-", 1)[0].lower()
    if job.language and language and language != job.language:
        return Result(task.name, task.stem, skipped=f"language {document.language}")
    text = _LONE_SURROGATE.sub("\ufffd", render())
    return Result(task.name, task.stem, output=text.encode("utf-8", "replace"))


_JOB = Job()
"""The batch's job in a worker process (set once by ``start_worker``)."""


def start_worker(job: Job) -> None:
    global _JOB
    _JOB = job


def worker_job() -> Job:
    """The job this worker process was started with."""
    return _JOB


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def failed(failure: Failure) -> Result:
    return Result(failure.name, "", error=failure.reason)
