"""The repair stage judges a text once per page: what ``repair_tree`` judged, the
metadata stage's ``repair_text`` of the same string reuses; the next page starts afresh;
a judgment reused is the judgment made."""

from __future__ import annotations

from dataclasses import replace

from boilerkit.encoding import repair
from boilerkit.encoding.repair import explain_repair, repair_text, repair_tree
from boilerkit.page.parse import parse_html

_BROKEN = "Die VerÃ¶ffentlichung der Ergebnisse"
_CLEAN_MARKED = "Heilverfahren nach Medizin®, kurz „TSM®“ genannt, für nervöse Leute"


def _page(*texts: str) -> str:
    return (
        "<html><head><title>t</title></head><body>"
        + "".join(f"<p>{t}</p>" for t in texts)
        + "</body></html>"
    )


def test_a_page_text_is_judged_once_and_reused() -> None:
    root = parse_html(_page(_BROKEN, _CLEAN_MARKED, _BROKEN)).root
    assert repair_tree(root) == 2
    page = repair._PAGE.get()
    assert page is not None
    judged = {key[0] for key in page}
    assert judged == {_BROKEN, _CLEAN_MARKED}
    first = explain_repair(_BROKEN)
    assert first is page[(_BROKEN, repair.WEIGHTS, repair.COSTS)]
    assert first.text == "Die Veröffentlichung der Ergebnisse"
    assert repair_text(_CLEAN_MARKED) == _CLEAN_MARKED


def test_the_next_page_starts_afresh_and_weights_are_part_of_the_key() -> None:
    repair_tree(parse_html(_page(_BROKEN)).root)
    repair_tree(parse_html(_page("nothing to see")).root)
    page = repair._PAGE.get()
    assert page == {}
    tight = replace(repair.WEIGHTS, whole_gain=1000.0, min_gain=1000.0)
    explain_repair(_BROKEN)
    explain_repair(_BROKEN, tight)
    assert len(page) == 2  # the same text under other weights is another judgment
