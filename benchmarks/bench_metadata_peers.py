"""Run goose3 and newspaper4k over pages, for ``bench_metadata.py``.

They conflict with boilerkit's dependencies (chardet>=7), so they live in their own venv
and this script runs there: JSON lines in (``id``, ``url``, ``html``), JSON lines out
(``system``, ``id``, the unified metadata fields, ``seconds``). Standard library only on
this side, apart from the two peers themselves.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from typing import Any

warnings.filterwarnings("ignore")


def _date(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _goose(goose: Any, html: str, url: str | None) -> dict[str, Any]:
    article = goose.extract(raw_html=html)
    opengraph = article.opengraph or {}
    return {
        "title": article.title,
        "author": "; ".join(article.authors or []),
        "date": _date(article.publish_datetime_utc) or article.publish_date,
        "sitename": opengraph.get("site_name"),
        "description": article.meta_description,
        "language": article.meta_lang,
    }


def _newspaper(html: str, url: str | None) -> dict[str, Any]:
    from newspaper import Article

    article = Article(url or "http://example.invalid/", fetch_images=False)
    article.download(input_html=html)
    article.parse()
    return {
        "title": article.title,
        "author": "; ".join(article.authors or []),
        "date": _date(article.publish_date),
        "sitename": article.meta_site_name,
        "description": article.meta_description,
        "language": article.meta_lang,
    }


def main() -> None:
    from goose3 import Configuration, Goose

    config = Configuration()
    config.enable_image_fetching = False
    goose = Goose(config)
    for line in sys.stdin:
        page = json.loads(line)
        for system in ("goose3", "newspaper4k"):
            start = time.perf_counter()
            try:
                if system == "goose3":
                    fields = _goose(goose, page["html"], page["url"])
                else:
                    fields = _newspaper(page["html"], page["url"])
            except Exception as error:  # a peer crashing on a page scores it empty
                fields = {"error": repr(error)}
            fields.update(system=system, id=page["id"], seconds=time.perf_counter() - start)
            print(json.dumps(fields, default=str), flush=True)


if __name__ == "__main__":
    main()
