# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of teaser detection and segmentation over the page table's lists:
``teaser_groups``, ``teaser_items``, ``item_marks`` and ``read_more_candidates`` (their
references in ``teaser_table``), ``run_elements`` (``link_runs``), ``make_blocks`` and
``sentences`` (``segment``). They find the structure of teaser groups (items alike, each
led by a headline link) and count per block, with no element proxy and no Python call
per element. Texts go through ``PageTable.text``'s memo, made as ``Elements.text`` makes
them, so each twin agrees with its reference by construction; the parity tests
(``tests/test_teaser_parity.py``) hold them equal."""

from cpython.object cimport PyObject_GenericSetAttr
from cpython.unicode cimport PyUnicode_Find

cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    int PyUnicode_1BYTE_KIND
    bint Py_UNICODE_ISSPACE(Py_UCS4 c)
from libc.string cimport strcmp

from ._handles cimport Elements, collapsed_text_of

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

cetree.import_lxml__etree()


# -- segment: the blocks ---------------------------------------------------------------------


cdef inline bint _is_mark(Py_UCS4 c) noexcept:
    """The full stops of ``SENTENCE_END``'s character class."""
    return (
        c == u'.' or c == u'!' or c == u'?' or c == u'\u061f' or c == u'\u0964'
        or c == u'\u06d4' or c == u'\u1362' or c == u'\u3002' or c == u'\uff01'
        or c == u'\uff1f'
    )


cdef inline bint _is_wide_mark(Py_UCS4 c) noexcept:
    """The CJK full stops, which end a sentence wherever they stand."""
    return c == u'\u3002' or c == u'\uff01' or c == u'\uff1f'


cdef inline bint _is_quote(Py_UCS4 c) noexcept:
    return c == u'"' or c == u"'" or c == u'\u201d' or c == u'\u2019' or c == u'\u00bb'


cpdef Py_ssize_t sentences(str text):
    """``segment.sentences``: the matches of ``SENTENCE_END`` in ``text``. A mark ends a
    sentence before whitespace, a closing quote or the end, and a CJK mark also before
    anything but another CJK mark; what a match takes after its mark is never a mark, so
    the matches are the marks that pass and no match hides another."""
    cdef Py_ssize_t count = 0, at, length = len(text)
    cdef Py_UCS4 c, d
    cdef const unsigned char* data
    if PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND:  # Latin-1: ".", "!" and "?" alone
        data = <const unsigned char*>PyUnicode_DATA(text)
        for at in range(length):
            if data[at] != 46 and data[at] != 33 and data[at] != 63:
                continue
            if at + 1 == length:
                count += 1
            elif Py_UNICODE_ISSPACE(data[at + 1]) or _is_quote(data[at + 1]):
                count += 1
        return count
    for at in range(length):
        c = text[at]
        if not _is_mark(c):
            continue
        if at + 1 == length:
            count += 1
            continue
        d = text[at + 1]
        if (_is_wide_mark(c) and not _is_wide_mark(d)) or d.isspace() or _is_quote(d):
            count += 1
    return count


_BLOCK_FIELDS = ("index", "node", "elements", "text", "link_chars", "sentences", "tag", "chars")
"""The fields ``make_blocks`` sets, in ``Block``'s order."""


def make_blocks(list rows, elements, list tags, type block):
    """``segment.make_blocks``: a ``block`` (``Block``) for every (element index, text,
    link chars) row of the table, its sentences counted here. The fields are set as the
    dataclass's own ``__init__`` sets them (``object.__setattr__``), without its call."""
    cdef Py_ssize_t position = 0, index
    cdef list found = []
    if block.__slots__ != _BLOCK_FIELDS:  # a field added to Block: set it here too
        raise TypeError(f"Block's fields are {block.__slots__}, not {_BLOCK_FIELDS}")
    new = block.__new__
    for row in rows:
        index = row[0]
        text = row[1]
        made = new(block)
        PyObject_GenericSetAttr(made, "index", position)
        PyObject_GenericSetAttr(made, "node", index)
        PyObject_GenericSetAttr(made, "elements", elements)
        PyObject_GenericSetAttr(made, "text", text)
        PyObject_GenericSetAttr(made, "link_chars", row[2])
        PyObject_GenericSetAttr(made, "sentences", sentences(text))
        PyObject_GenericSetAttr(made, "tag", tags[index])
        PyObject_GenericSetAttr(made, "chars", len(text))
        found.append(made)
        position += 1
    return tuple(found)


# -- teasers: the items of a group -----------------------------------------------------------


cdef inline Py_ssize_t _weighted_length(str text):
    """``segment.weighted_length``: CJK characters counted twice."""
    cdef Py_ssize_t length = len(text), extra = 0
    cdef Py_UCS4 c
    if text.isascii():
        return length
    for c in text:
        if (
            u'\u3040' <= c <= u'\u30ff' or u'\u3400' <= c <= u'\u9fff'
            or u'\uac00' <= c <= u'\ud7af' or u'\uf900' <= c <= u'\ufaff'
        ):
            extra += 1
    return length + extra


def weighted_length(str text):
    """``segment.weighted_length`` (for the parity tests)."""
    return _weighted_length(text)


cdef str _shape(list tags, list end, Py_ssize_t index, int depth):
    """``shapes.shape``: the tag skeleton of element ``index`` to ``depth`` levels."""
    cdef Py_ssize_t child = index + 1, stop = end[index]
    cdef list parts = []
    cdef str tag
    while child < stop:
        tag = tags[child]
        if tag:
            parts.append(tag if depth <= 2 else _shape(tags, end, child, depth - 1))
        child = end[child]
    if depth <= 1 or not parts:
        return tags[index]
    return f"{tags[index]}({','.join(parts)})"


cdef list _alike(list children, list tags, list end, list classes, double min_items,
                 frozenset not_items):
    """``teaser_table._alike``: the children of the most common signature, or none."""
    cdef list kept = [child for child in children if tags[child]]
    cdef list signatures = []
    cdef dict counts = {}
    cdef Py_ssize_t count, best_count = 0
    cdef str css
    best = None
    for child in kept:
        css = classes[child]
        first = css.split(None, 1)[0] if css and not css.isspace() else ""
        signature = (tags[child], first)
        signatures.append(signature)
        counts[signature] = counts.get(signature, 0) + 1
    for signature, count in counts.items():
        if count > best_count:
            best, best_count = signature, count
    if best_count < min_items:  # no two items alike by class: by shape
        signatures = [(tags[child], _shape(tags, end, child, 3)) for child in kept]
        counts = {}
        for signature in signatures:
            counts[signature] = counts.get(signature, 0) + 1
        best, best_count = None, 0
        for signature, count in counts.items():
            if count > best_count:
                best, best_count = signature, count
    if best is None or best_count < min_items or best[0] in not_items:
        return []
    return [child for child, signature in zip(kept, signatures) if signature == best]


cdef str _text(Elements elements, dict texts, Py_ssize_t index):
    """``PageTable.text`` of an element (never a comment here), through the same memo."""
    found = texts.get(index)
    if found is None:
        found = collapsed_text_of(elements._buffer, elements._nodes[index])
        texts[index] = found
    return found


cdef str _href(Elements elements, Py_ssize_t index):
    """``elements[index].get("href") or ""`` without a proxy (``xmlGetNoNsProp``'s
    attribute: the first ``href`` without a namespace)."""
    cdef tree.xmlNode* c_node = elements._nodes[index]
    cdef tree.xmlAttr* c_attr = c_node.properties
    while c_attr is not NULL:
        if (
            c_attr.type == tree.XML_ATTRIBUTE_NODE and c_attr.ns is NULL
            and strcmp(<const char*>c_attr.name, b"href") == 0
        ):
            return cetree.attributeValue(c_node, c_attr) or ""
        c_attr = c_attr.next
    return ""


cdef str _without_rank(Elements elements, list tags, list end, dict texts,
                       Py_ssize_t link, str text, object max_digits):
    """``teaser_table._without_rank`` over the table: the rank is the text of the link's
    first child, when the link's own text is blank and that child is an element."""
    cdef Py_ssize_t first = link + 1
    if first >= end[link] or (elements.text_at(link) or "").strip():
        return text
    if not tags[first]:
        return text
    rank = _text(elements, texts, first)
    if rank.isdigit() and len(rank) <= max_digits and text.startswith(rank):
        return text[len(rank):].lstrip()
    return text


cdef tuple _headline(Py_ssize_t item, Elements elements, list tags, list end, dict texts,
                     list anchors, frozenset heading_tags, double min_chars, object max_digits):
    """``teaser_table._headline``: (text, href) of the item's longest headline link, or
    None."""
    cdef Py_ssize_t low = 0, high = len(anchors), middle, position, link, inner, heading
    cdef Py_ssize_t stop = end[item], best_link = -1, best_length = -1, link_end
    cdef str text
    best_text = None
    while low < high:  # bisect_left
        middle = (low + high) // 2
        if <Py_ssize_t>anchors[middle] < item:
            low = middle + 1
        else:
            high = middle
    for position in range(low, len(anchors)):
        link = anchors[position]
        if link >= stop:
            break
        heading = link
        link_end = end[link]
        for inner in range(link, link_end):
            if tags[inner] in heading_tags:
                heading = inner
                break
        text = _text(elements, texts, heading)
        if heading == link and text and text[0].isdigit():
            text = _without_rank(elements, tags, end, texts, link, text, max_digits)
        if _weighted_length(text) >= min_chars and len(text) > best_length:
            best_text, best_link, best_length = text, link, len(text)
    if best_link < 0:
        return None
    return (best_text, _href(elements, best_link))


cdef class _Page:
    """What ``teaser_items`` reads, looked up once a page."""
    cdef list tags, end, chars, classes, anchors
    cdef dict texts
    cdef Elements elements
    cdef double min_items, item_share, max_item_chars, min_chars, headline_share, offset
    cdef object probe_chars, max_digits
    cdef frozenset not_items, heading_tags

    def __init__(self, segmentation, weights, list anchors, frozenset not_items,
                 frozenset heading_tags):
        table = segmentation.table
        self.tags, self.end, self.chars = segmentation.tags, segmentation.end, segmentation.chars
        self.classes, self.texts, self.elements = table.classes, table.texts, segmentation.elements
        self.anchors, self.not_items, self.heading_tags = anchors, not_items, heading_tags
        self.min_items = weights.teaser_min_items
        self.item_share = weights.teaser_item_share
        self.max_item_chars = weights.teaser_max_item_chars
        self.min_chars = weights.teaser_headline_min_chars
        self.headline_share = weights.teaser_min_headline_share
        self.offset = weights.teaser_headline_offset
        self.probe_chars = weights.teaser_headline_probe_chars
        self.max_digits = weights.rank_max_digits


def teaser_items(list children, frozenset leaders, segmentation, weights, list anchors,
                 frozenset not_items, frozenset heading_tags):
    """``teaser_table.teaser_items``: the items of a would-be teaser group and their
    headlines ((text, href) each), or None when too few children are alike and led by a
    headline."""
    return _items(_Page(segmentation, weights, anchors, not_items, heading_tags), children,
                  leaders)


def teaser_groups(list candidates, segmentation, weights, list anchors, frozenset not_items,
                  frozenset heading_tags):
    """``teaser_table.teaser_groups``: (element, items, headlines) of every candidate of
    ``teaser_candidates`` whose ``teaser_items`` are found, in order."""
    cdef _Page page = _Page(segmentation, weights, anchors, not_items, heading_tags)
    cdef list found = []
    for index, children, leaders in candidates:
        items = _items(page, children, frozenset(leaders))
        if items is not None:
            found.append((index, items[0], items[1]))
    return found


cdef tuple _items(_Page page, list children, frozenset leaders):
    cdef list tags = page.tags, end = page.end, chars = page.chars, anchors = page.anchors
    cdef dict texts = page.texts
    cdef Elements elements = page.elements
    cdef double min_items = page.min_items, item_share = page.item_share
    cdef double max_item_chars = page.max_item_chars, min_chars = page.min_chars
    cdef double headline_share = page.headline_share, offset = page.offset
    cdef frozenset heading_tags = page.heading_tags
    probe_chars, max_digits = page.probe_chars, page.max_digits
    cdef list candidates = _alike(children, tags, end, page.classes, min_items, page.not_items)
    if not candidates:
        return None
    cdef double needed = max(min_items, item_share * len(candidates))
    cdef Py_ssize_t leading = 0, missing = 0, size
    for item in candidates:
        leading += item in leaders
    if leading < needed:
        return None  # too few items could be teasers: spare the headline search
    cdef list items = [], headlines = []
    cdef Py_ssize_t count = len(candidates), index, found
    for item in candidates:
        index = item
        size = chars[index]
        headline = None
        if 0 < size <= max_item_chars:
            headline = _headline(
                index, elements, tags, end, texts, anchors, heading_tags, min_chars, max_digits
            )
            if headline is not None:
                if len(<str>headline[0]) < headline_share * size:
                    headline = None
                else:
                    probe = (<str>headline[0])[:probe_chars]
                    found = PyUnicode_Find(_text(elements, texts, index), probe, 0, 1 << 62, 1)
                    if found > offset:
                        headline = None
        if headline is not None:
            items.append(item)
            headlines.append(headline)
        else:
            missing += 1
            if count - missing < needed:
                return None  # the rest cannot make up the numbers
    return (items, headlines)


def read_more_candidates(list anchors, list parent, list links, list chars, list link_chars,
                         double longest, double label_min, double share):
    """``teaser_table.read_more_candidates``: the outermost line holding a label above each
    link, when the link is most of that line, in document order."""
    cdef set found = set()
    cdef Py_ssize_t node, line, size
    for anchor in anchors:
        node = parent[<Py_ssize_t>anchor]
        line = -1
        while node >= 0 and <Py_ssize_t>links[node] == 1:
            size = chars[node]
            if size > longest:
                break
            if size - <Py_ssize_t>link_chars[node] >= label_min:
                line = node
            node = parent[node]
        if line >= 0 and <Py_ssize_t>link_chars[line] >= share * <Py_ssize_t>chars[line]:
            found.add(line)
    return sorted(found)


def item_marks(list items, list tags, list end, list links, frozenset heading_tags):
    """``teaser_table.item_marks``: how many items hold a heading (themselves or below),
    whether every item's first heading holds a link, and how many items hold an image."""
    cdef Py_ssize_t item, node, stop, headed = 0, pictured = 0
    cdef bint linked = True
    for entry in items:
        item = entry
        stop = end[item]
        node = item
        while node < stop and tags[node] not in heading_tags:
            node += 1
        if node < stop:
            headed += 1
            linked = linked and <Py_ssize_t>links[node] > 0
        else:
            linked = False
        for node in range(item + 1, stop):
            if tags[node] == "img":
                pictured += 1
                break
    return headed, linked, pictured


def run_elements(list tags, list links, list link_chars, list chars, double min_links,
                 double min_share):
    """``link_runs.run_elements``: the elements with many links and nearly all of their
    text link text (not ``html``, ``body`` or ``a``), in document order."""
    cdef Py_ssize_t index, count = len(tags)
    cdef double least
    cdef list found = []
    if len(links) != count or len(link_chars) != count or len(chars) != count:
        raise ValueError("the table's lists differ in length")
    for index in range(count):
        if <Py_ssize_t>links[index] < min_links:
            continue
        least = min_share * <Py_ssize_t>chars[index]
        if <Py_ssize_t>link_chars[index] >= least and least > 0:
            tag = tags[index]
            if tag != "html" and tag != "body" and tag != "a":
                found.append(index)
    return found
