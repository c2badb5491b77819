"""The visual explain: one self-contained HTML report of what was kept and dropped, and why.

Reading 200 ``KEEP``/``DROP`` lines is slow; seeing the page's blocks outlined in green
(kept) and red (dropped), with the rules beside each, is not. The report shows every block
in reading order with its score and reasons, marks the blocks inside the chosen container
(a blue bar) and the teaser blocks (an orange bar, with the ``related`` link they gave),
and opens with a summary: confidence, page type, whether the second opinion was asked and
taken, and the selection's notes.

Nothing from the page can run in it. The report is built element by element from the
verdicts' *text*, never from the page's markup, so no script, event handler, iframe, style
or link of the page is copied; text is escaped by the serializer. Related links are
written only when ``safe_url`` allows them (http, https, mailto...), never ``javascript:``.
A Content-Security-Policy forbids scripts and every external resource anyway, so the file
stays inert and self-contained even if a future change let markup through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from lxml import etree

from .as_html import xml_text
from .urls import safe_url

if TYPE_CHECKING:
    from ..document import Document, RelatedLink
    from ..selection.choose import BlockVerdict

CSP: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"
KEPT_COLOUR: Final = "#1a7f37"
DROPPED_COLOUR: Final = "#cf222e"
CONTAINER_COLOUR: Final = "#0969da"
TEASER_COLOUR: Final = "#bc4c00"
TEASER_RULES: Final = frozenset({"teaser", "teaser_heading"})
_STYLE: Final = f"""
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem;
  padding: 1rem; color: #1f2328; background: #fff; }}
h1 {{ font-size: 1.3rem; margin: 0 0 .5rem; }}
.summary {{ border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 1rem;
  background: #f6f8fa; margin-bottom: 1rem; }}
.summary dl {{ display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem;
  margin: .5rem 0; }}
.summary dt {{ font-weight: 600; }} .summary dd {{ margin: 0; }}
.legend span {{ display: inline-block; margin-right: 1rem; padding: 0 .4rem; }}
.block {{ margin: .5rem 0; padding: .3rem .6rem; border-radius: 4px;
  border-left: 6px solid transparent; }}
.kept {{ outline: 3px solid {KEPT_COLOUR}; }}
.dropped {{ outline: 3px solid {DROPPED_COLOUR}; color: #57606a; }}
.in-container {{ border-left-color: {CONTAINER_COLOUR}; }}
.teaser {{ border-left-color: {TEASER_COLOUR}; }}
.meta {{ font: 12px/1.4 ui-monospace, monospace; color: #57606a; }}
.verdict {{ font-weight: 700; }}
.kept .verdict {{ color: {KEPT_COLOUR}; }} .dropped .verdict {{ color: {DROPPED_COLOUR}; }}
.tag {{ font: 11px ui-monospace, monospace; padding: 0 .3rem; border-radius: 3px;
  color: #fff; margin-left: .4rem; }}
.tag.container {{ background: {CONTAINER_COLOUR}; }} .tag.teaser {{ background: {TEASER_COLOUR}; }}
.text {{ margin: .2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }}
.reasons {{ margin: 0; font: 12px/1.4 ui-monospace, monospace; color: #57606a; }}
.related {{ font-size: 13px; }}
"""


@dataclass(frozen=True, slots=True)
class SecondOpinion:
    """Whether trafilatura's second opinion was asked for, and whether its content was used."""

    asked: bool
    taken: bool

    @classmethod
    def from_notes(cls, notes: tuple[str, ...]) -> SecondOpinion:
        """Read from the selection's notes (the only place the pipeline records it)."""
        about = [note for note in notes if "second opinion" in note]
        taken = any("content is trafilatura" in note for note in about)
        asked = taken or any("not asked" not in note for note in about)
        return cls(asked=asked, taken=taken)

    def describe(self) -> str:
        if self.taken:
            return "asked, taken: the content is trafilatura's (the verdicts are boilerkit's own)"
        return "asked, not taken: boilerkit's selection stands" if self.asked else "not asked"


def _sub(parent: etree._Element, tag: str, text: str = "", **attrib: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k: xml_text(v) for k, v in attrib.items()})
    if text:
        element.text = xml_text(text)
    return element


def explanation_html(
    document: Document,
    verdicts: tuple[BlockVerdict, ...],
    confidence: float,
    notes: tuple[str, ...],
) -> str:
    """The report as one HTML page (see the module docstring)."""
    root = etree.Element("html", lang="en")
    head = _sub(root, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "meta", **{"http-equiv": "Content-Security-Policy", "content": CSP})
    _sub(head, "meta", name="referrer", content="no-referrer")
    _sub(head, "meta", name="viewport", content="width=device-width")
    _sub(head, "title", f"boilerkit explain: {document.title or document.url or 'page'}")
    _sub(head, "style", _STYLE)
    body = _sub(root, "body")
    _summary(body, document, verdicts, confidence, notes)
    related = {link.title: link for link in document.related}
    main = _sub(body, "main")
    for verdict in verdicts:
        _block(main, verdict, related)
    page: str = etree.tostring(root, encoding="unicode", method="html")
    return "<!DOCTYPE html>\n" + page


def _summary(
    body: etree._Element,
    document: Document,
    verdicts: tuple[BlockVerdict, ...],
    confidence: float,
    notes: tuple[str, ...],
) -> None:
    box = _sub(body, "header", **{"class": "summary"})
    _sub(box, "h1", document.title or "(no title)")
    kept = sum(1 for verdict in verdicts if verdict.kept)
    container = next((n.split()[1] for n in notes if n.startswith("container ")), "none")
    facts = (
        ("URL", document.url or "(none given)"),
        ("confidence", f"{confidence:.2f}"),
        ("page type", f"{document.page_type} ({document.page_type_confidence:.2f})"),
        ("second opinion", SecondOpinion.from_notes(notes).describe()),
        ("blocks", f"{kept} kept, {len(verdicts) - kept} dropped, of {len(verdicts)}"),
        ("container", container),
        ("text", f"{len(document.text)} characters"),
        ("related links", str(len(document.related))),
    )
    facts_list = _sub(box, "dl")
    for term, value in facts:
        _sub(facts_list, "dt", term)
        _sub(facts_list, "dd", value)
    if document.related:
        details = _sub(box, "details")
        _sub(details, "summary", f"related links from the teaser blocks ({len(document.related)})")
        links = _sub(details, "ul", **{"class": "related"})
        for link in document.related:
            item = _sub(links, "li", f"{link.title} ")
            _related(item, link)
    if notes:
        notes_list = _sub(box, "ul", **{"class": "meta"})
        for note in notes:
            _sub(notes_list, "li", note)
    legend = _sub(box, "p", **{"class": "legend"})
    _sub(legend, "span", "kept", style=f"outline: 3px solid {KEPT_COLOUR}")
    _sub(legend, "span", "dropped", style=f"outline: 3px solid {DROPPED_COLOUR}")
    _sub(legend, "span", "in the container", style=f"border-left: 6px solid {CONTAINER_COLOUR}")
    _sub(legend, "span", "teaser block", style=f"border-left: 6px solid {TEASER_COLOUR}")


def _block(parent: etree._Element, verdict: BlockVerdict, related: dict[str, RelatedLink]) -> None:
    rules = {reason.rule for reason in verdict.reasons}
    teaser = bool(rules & TEASER_RULES)
    inside = "outside" not in rules
    classes = ["block", "kept" if verdict.kept else "dropped"]
    classes += ["in-container"] if inside and not teaser else []
    classes += ["teaser"] if teaser else []
    reasons = [
        f"{r.rule} {r.delta:+.1f}" + (f" ({r.detail})" if r.detail else "") for r in verdict.reasons
    ]
    summary = f"{'KEEP' if verdict.kept else 'DROP'} {verdict.score:+.1f} {verdict.path}"
    block = _sub(parent, "section", **{"class": " ".join(classes), "title": summary})
    meta = _sub(block, "div", **{"class": "meta"})
    _sub(meta, "span", "KEEP" if verdict.kept else "DROP", **{"class": "verdict"})
    _sub(meta, "span", f" {verdict.score:+.1f} ")
    _sub(meta, "code", verdict.path)
    if inside:
        _sub(meta, "span", "container", **{"class": "tag container"})
    if teaser:
        _sub(meta, "span", "teaser", **{"class": "tag teaser"})
    _sub(block, "p", verdict.text, **{"class": "text"})
    link = related.get(verdict.text.strip())
    if link is not None:
        _related(_sub(block, "p", "related: ", **{"class": "related"}), link)
    if reasons:
        _sub(block, "p", ", ".join(reasons), **{"class": "reasons"})


def _related(line: etree._Element, link: RelatedLink) -> None:
    """The link's URL under ``line``: a link for http(s), else a note that it was left out."""
    href = safe_url(link.url, None)
    if href is not None and href.lower().startswith(("http://", "https://")):
        _sub(line, "a", link.url, href=href, rel="nofollow noopener noreferrer")
    else:
        _sub(line, "em", "(not an http link: left out)")
    if link.section:
        _sub(line, "span", f" (under {link.section!r})")
