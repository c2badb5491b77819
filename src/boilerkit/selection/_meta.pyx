# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of the metadata stage's walks: ``page_sources`` for
``metadata.meta_tags.reference_page_tags`` (the declarations of the page, as strings) and
``body_texts`` for ``metadata.scan.reference_body_texts``. Read-only over libxml2's
structs, through lxml's public C API."""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from cpython.mem cimport PyMem_Free
from libc.stdint cimport uint64_t
from libc.string cimport memcmp, memcpy, strcmp, strlen, strstr

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

from ._nodes cimport alloc as _alloc, next_in_subtree_counting as _next_in_subtree_counting

cetree.import_lxml__etree()


cdef bint _named(tree.xmlNode* c_node, const char* name) noexcept:
    return (
        c_node.type == tree.XML_ELEMENT_NODE
        and c_node.ns is NULL
        and strcmp(<const char*>c_node.name, name) == 0
    )


cdef object _attribute(tree.xmlNode* c_node, const char* name):
    """``element.get(name)``: the value of the attribute without namespace, or None (a
    value held in one text node decoded in place, without lxml's copy of it)."""
    cdef tree.xmlAttr* c_attr = c_node.properties
    cdef tree.xmlNode* c_text
    while c_attr is not NULL:
        if (
            c_attr.ns is NULL
            and c_attr.name[0] == name[0]
            and strcmp(<const char*>c_attr.name, name) == 0
        ):
            c_text = c_attr.children
            if (
                c_text is not NULL
                and c_text.next is NULL
                and c_text.type == tree.XML_TEXT_NODE
                and c_text.content is not NULL
            ):
                return PyUnicode_DecodeUTF8(
                    <const char*>c_text.content, strlen(<const char*>c_text.content), NULL
                )
            return cetree.attributeValue(c_node, c_attr)
        c_attr = c_attr.next
    return None


cdef bint _has_attribute(tree.xmlNode* c_node, const char* name) noexcept:
    cdef tree.xmlAttr* c_attr = c_node.properties
    while c_attr is not NULL:
        if (
            c_attr.ns is NULL
            and c_attr.name[0] == name[0]
            and strcmp(<const char*>c_attr.name, name) == 0
        ):
            return True
        c_attr = c_attr.next
    return False


def page_sources(root):
    """What the metadata sources read, in one walk (see ``meta_tags.PageSources``): the
    ``<meta>``, ``<link>``, ``<a rel>`` and ``<time>`` declarations as attribute strings,
    the JSON-LD scripts' type and text, and proxies for the few elements read further
    (``<title>``, ``<h1>`` with whether it is inside ``<body>``, ``itemprop`` elements),
    and the RDFa ``property`` and ``content`` of the elements of ``<body>`` that have both.
    ``root`` must be its document's root element (the reference's XPaths search the whole
    document)."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef Py_ssize_t level = 1, body_level = -1
    cdef list metas = [], links = [], anchors = [], times = [], scripts = []
    cdef list titles = [], h1s = [], h1_in_body = [], itemprops = [], rdfa = []
    cdef const char* name
    while True:
        if c_node.type == tree.XML_ELEMENT_NODE and c_node.ns is NULL:
            name = <const char*>c_node.name
            if name[0] not in b"abhlmst":  # the first letters of the tags read below
                pass
            elif body_level < 0 and strcmp(name, b"body") == 0:
                body_level = level
            elif strcmp(name, b"meta") == 0:
                metas.append(
                    (
                        _attribute(c_node, b"property"),
                        _attribute(c_node, b"name"),
                        _attribute(c_node, b"http-equiv"),
                        _attribute(c_node, b"content"),
                        _attribute(c_node, b"itemprop"),
                    )
                )
            elif strcmp(name, b"link") == 0:
                links.append((_attribute(c_node, b"rel"), _attribute(c_node, b"href")))
            elif strcmp(name, b"time") == 0:
                times.append(
                    (
                        _attribute(c_node, b"datetime"),
                        _attribute(c_node, b"itemprop"),
                        _attribute(c_node, b"class"),
                        _attribute(c_node, b"id"),
                    )
                )
            elif strcmp(name, b"script") == 0:
                kind = _attribute(c_node, b"type")
                if kind is not None and "ld+json" in kind.lower():
                    scripts.append((kind, cetree.textOf(c_node)))
            elif strcmp(name, b"title") == 0:
                titles.append(cetree.elementFactory(element._doc, c_node))
            elif strcmp(name, b"h1") == 0:
                h1s.append(cetree.elementFactory(element._doc, c_node))
                h1_in_body.append(body_level >= 0)
            elif strcmp(name, b"a") == 0 and c_node.properties is not NULL:
                rel = _attribute(c_node, b"rel")
                if rel is not None:
                    anchors.append((rel, _attribute(c_node, b"href")))
            if c_node.properties is not NULL:
                if _has_attribute(c_node, b"itemprop"):
                    itemprops.append(cetree.elementFactory(element._doc, c_node))
                if (
                    body_level >= 0
                    and _has_attribute(c_node, b"property")
                    and _has_attribute(c_node, b"content")
                ):
                    rdfa.append((_attribute(c_node, b"property"), _attribute(c_node, b"content")))
        c_node = _next_in_subtree_counting(c_node, c_root, &level)
        if c_node is NULL:
            return (
                metas, links, anchors, times, scripts, titles, h1s, h1_in_body, itemprops, rdfa
            )
        if level <= body_level:
            body_level = -1


cdef bint _is_text(tree.xmlNode* c_node) noexcept:
    return c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE


cdef enum:
    MAX_OPENINGS = 64  # words ``body_texts`` is given at most


cdef long _first_code(const unsigned char* text) noexcept:
    """The code point that ``text`` (UTF-8, as libxml2 holds it) opens with."""
    if text[0] < 0xE0:
        return ((text[0] & 0x1F) << 6) | (text[1] & 0x3F)
    if text[0] < 0xF0:
        return ((text[0] & 0x0F) << 12) | ((text[1] & 0x3F) << 6) | (text[2] & 0x3F)
    return (
        ((text[0] & 0x07) << 18)
        | ((text[1] & 0x3F) << 12)
        | ((text[2] & 0x3F) << 6)
        | (text[3] & 0x3F)
    )


cdef bint _may_open(
    const unsigned char* text,
    const unsigned char** openings,
    Py_ssize_t count,
    frozenset firsts,
):
    """Whether ``text`` may open with one of ``openings`` (ASCII, lower case) once its
    leading whitespace is stripped, its ASCII letters in any case, or with one of the
    code points ``firsts`` (the other scripts' initials, and Unicode whitespace, after
    which Python looks further): a text whose ASCII characters there differ from every
    opening cannot; one with a character that is not ASCII before it differs is left to
    Python (the letters ``re.IGNORECASE`` folds to ASCII ones: ``\u017f``, ``\u0130``)."""
    cdef Py_ssize_t at, word
    cdef unsigned char c
    cdef const unsigned char* opening
    while text[0] in b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ":  # str.isspace's ASCII
        text += 1
    if text[0] == 0:
        return False
    if text[0] >= 128:
        return _first_code(text) in firsts
    for word in range(count):
        opening = openings[word]
        at = 0
        while opening[at] != 0:
            c = text[at]
            if c >= 128:
                return True
            if (c + 32 if 65 <= c <= 90 else c) != opening[at]:
                break
            at += 1
        if opening[at] == 0:
            return True
    return False


cdef tree.xmlNode* _owner(tree.xmlNode* c_node, bint* is_tail) noexcept:
    """The element a text node belongs to as lxml's smart strings say (``getparent()``,
    ``is_tail``): the element (or comment, PI) before it among its siblings, whose tail
    it is, else its parent."""
    cdef tree.xmlNode* c_owner = c_node.prev
    while c_owner is not NULL and not cetree._isElement(c_owner):
        c_owner = c_owner.prev
    is_tail[0] = c_owner is not NULL
    if c_owner is NULL:
        c_owner = c_node.parent
        while c_owner is not NULL and not cetree._isElement(c_owner):
            c_owner = c_owner.parent
    return c_owner


cdef bint _may_be_dated(const unsigned char* text, Py_ssize_t max_bytes) noexcept:
    """Whether ``text`` may be at most ``max_bytes`` // 4 characters long and hold a year
    (``dates._YEAR``): "19" or "20" in ASCII, or a Devanagari or Bengali digit (UTF-8
    ``E0 A5 A6``-``AF``, ``E0 A7 A6``-``AF``: the lead bytes of their block are tested)
    for Python to read."""
    cdef Py_ssize_t size = 0
    cdef bint maybe = False
    while text[size] != 0:
        if size >= max_bytes:
            return False
        if (text[size] == 0xE0 and (text[size + 1] == 0xA5 or text[size + 1] == 0xA7)) or (
            (text[size] == b"1" and text[size + 1] == b"9")
            or (text[size] == b"2" and text[size + 1] == b"0")
        ):
            maybe = True
        size += 1
    return maybe


OPENING = 0  # the texts that may open with one of the words (``_may_open``)
DATED = 1  # the texts that may be short and hold a year (``_may_be_dated``)


def body_texts(
    root,
    int kind,
    tuple openings,
    frozenset firsts,
    Py_ssize_t max_chars,
    accept,
    Py_ssize_t max_texts,
    Py_ssize_t max_found,
):
    """Of the first ``max_texts`` texts of ``//body//text()``, those ``accept`` takes (at
    most ``max_found``), each as ``(owner, text, is_tail)``: the twin of
    ``scan.reference_body_texts``. A string is made only for a text that passes the test
    of ``kind`` (``OPENING``: may open with one of ``openings`` or ``firsts``; ``DATED``: may be at
    most ``max_chars`` characters long and hold a year); ``accept`` decides. ``root``
    must be its document's root element."""
    cdef Py_ssize_t max_bytes = 4 * max_chars  # UTF-8: at most 4 bytes a character
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef tree.xmlNode* c_owner
    cdef Py_ssize_t depth = 0, body_depth = -1, seen = 0
    cdef bint is_tail = False
    cdef const unsigned char* text
    cdef list found = []
    cdef const unsigned char* words[MAX_OPENINGS]
    cdef Py_ssize_t at, count = len(openings)
    cdef bytes word
    if count > MAX_OPENINGS:
        raise ValueError(f"at most {MAX_OPENINGS} openings")
    for at in range(count):
        word = openings[at]  # held by ``openings`` while the walk runs
        words[at] = <const unsigned char*><const char*>word
    while True:
        if c_node.type == tree.XML_ELEMENT_NODE:
            if body_depth < 0 and _named(c_node, b"body"):
                body_depth = depth
            if c_node.children is not NULL:
                c_node = c_node.children
                depth += 1
                continue
        elif body_depth >= 0 and _is_text(c_node):
            if seen >= max_texts:
                return found
            seen += 1
            text = <const unsigned char*>c_node.content
            if text is not NULL and (
                _may_be_dated(text, max_bytes) if kind == DATED
                else _may_open(text, words, count, firsts)
            ):
                value = (<bytes>(<const char*>text)).decode("utf-8")
                if accept(value):
                    c_owner = _owner(c_node, &is_tail)
                    found.append(
                        (cetree.elementFactory(element._doc, c_owner), value, is_tail)
                    )
                    if len(found) >= max_found:
                        return found
        while c_node is not c_root and c_node.next is NULL:
            c_node = c_node.parent
            depth -= 1
            if depth <= body_depth:
                body_depth = -1
        if c_node is c_root:
            return found
        c_node = c_node.next
        if depth <= body_depth:
            body_depth = -1


FOLDED = 0  # a needle in the value, ASCII letters in any case
HOLDS = 1  # a needle in the value, as written
EQUALS = 2  # the value is a needle


cdef enum:
    FOLD_BUFFER = 512  # bytes of a value folded on the stack; a longer one is allocated


cdef bint _fold(const unsigned char* value, char* into, Py_ssize_t size) noexcept:
    """``value``'s ASCII letters lower-cased into ``into`` (``size`` bytes: ``value`` and
    its NUL); False, leaving ``into`` unfinished, when ``value`` is not ASCII. Eight bytes
    at a time (a class value is tens of bytes; byte by byte this was most of a search)."""
    cdef Py_ssize_t at = 0
    cdef uint64_t chunk, upper
    cdef unsigned char c
    while at + 8 <= size:
        memcpy(&chunk, value + at, 8)
        if chunk & 0x8080808080808080ULL:
            return False
        # a byte's high bit set where it is >= "A" and not > "Z": its 0x20 bit is the case
        upper = (
            (chunk + 0x3F3F3F3F3F3F3F3FULL)
            & ~(chunk + 0x2525252525252525ULL)
            & 0x8080808080808080ULL
        )
        chunk |= upper >> 2
        memcpy(into + at, &chunk, 8)
        at += 8
    while at < size:
        c = value[at]
        if c >= 128:
            return False
        into[at] = c + 32 if 65 <= c <= 90 else c
        at += 1
    return True


cdef enum:
    MAX_TESTS = 16  # tests ``attribute_hits`` is given at most
    MAX_NEEDLES = 16  # ... and needles a test


cdef object _hits_in(
    list found,
    Py_ssize_t number,
    tree.xmlNode* c_node,
    cetree._Element element,
    object proxy,
    const unsigned char* value,
    const char* searched,
    const char** words,
    Py_ssize_t* sizes,
    tuple spelled,
    Py_ssize_t count,
    int how,
):
    """Append to ``found`` the hits of the ``count`` needles ``words`` (of ``sizes``
    bytes, ``spelled`` as strings) in ``searched`` (``value`` itself, or its folded
    copy), each with the characters of ``value`` it covers; the element's proxy
    (``proxy``, or made for the first hit)."""
    cdef const char* at
    cdef Py_ssize_t size, offset, w
    for w in range(count):
        size = sizes[w]
        if how == EQUALS:
            at = searched if strcmp(searched, words[w]) == 0 else NULL
        else:
            at = strstr(searched, words[w])
        while at is not NULL:
            if proxy is None:
                proxy = cetree.elementFactory(element._doc, c_node)
            offset = at - searched
            if memcmp(value + offset, words[w], size) == 0:  # as the needle is written
                found.append((number, proxy, spelled[w]))
            else:
                found.append(
                    (number, proxy, (<const char*>value)[offset:offset + size].decode("ascii"))
                )
            if how == EQUALS:
                break
            at = strstr(at + size, words[w])
    return proxy


def attribute_hits(root, list tests):
    """For each ``(name, how, needles)`` of ``tests`` (ASCII bytes; ``how`` one of
    ``FOLDED``, ``HOLDS``, ``EQUALS``): the hits in the attribute ``name`` of ``<body>``
    and the elements in it, in page order, as ``(number, element, spelling)``: the
    element's number in the walk, its proxy (one per element) and the value's characters
    that matched (each occurrence of each needle, one after another). ``None`` for a
    ``FOLDED`` test that meets a value not in ASCII or held in several nodes (Python
    folds case its own way). The twin of what ``scan.BodyAttributes`` finds by
    ``having`` and ``equal`` (and ``word in joined``). ``root`` must be its document's
    root element. The tests are read into C arrays first: per element, a test of an
    attribute the element lacks costs a few byte compares."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef tree.xmlAttr* c_attr
    cdef tree.xmlNode* c_text
    cdef const unsigned char* value
    cdef Py_ssize_t level = 1, body_level = -1, number = -1, count = len(tests), t, w, size
    cdef list found = [[] for _ in range(count)]
    cdef const char* names[MAX_TESTS]
    cdef int hows[MAX_TESTS]
    cdef bint dead[MAX_TESTS]
    cdef Py_ssize_t needle_counts[MAX_TESTS]
    cdef const char* words[MAX_TESTS][MAX_NEEDLES]
    cdef Py_ssize_t sizes[MAX_TESTS][MAX_NEEDLES]
    cdef list spelled = []
    cdef int how
    cdef char stack[FOLD_BUFFER]
    cdef char* folded
    if count > MAX_TESTS or any(len(test[2]) > MAX_NEEDLES for test in tests):
        raise ValueError(f"at most {MAX_TESTS} tests of {MAX_NEEDLES} needles")
    for t in range(count):  # the bytes stay alive in ``tests`` while the walk runs
        names[t] = <const char*>(<bytes>tests[t][0])
        hows[t] = tests[t][1]
        dead[t] = False
        needle_counts[t] = len(tests[t][2])
        for w in range(needle_counts[t]):
            words[t][w] = <const char*>(<bytes>tests[t][2][w])
            sizes[t][w] = len(<bytes>tests[t][2][w])
        spelled.append(tuple((<bytes>word).decode("ascii") for word in tests[t][2]))
    while True:
        if c_node.type == tree.XML_ELEMENT_NODE and c_node.ns is NULL:
            number += 1
            if body_level < 0 and _named(c_node, b"body"):
                body_level = level
            if body_level >= 0 and c_node.properties is not NULL:
                proxy = None
                for t in range(count):
                    if dead[t]:
                        continue
                    c_attr = c_node.properties
                    while c_attr is not NULL:
                        if (
                            c_attr.ns is NULL
                            and c_attr.name[0] == names[t][0]
                            and strcmp(<const char*>c_attr.name, names[t]) == 0
                        ):
                            break
                        c_attr = c_attr.next
                    if c_attr is NULL:
                        continue
                    how = hows[t]
                    c_text = c_attr.children
                    if (
                        c_text is NULL
                        or c_text.next is not NULL
                        or c_text.type != tree.XML_TEXT_NODE
                    ):
                        if how == FOLDED:
                            dead[t] = True
                            found[t] = None
                            continue
                        text = cetree.attributeValue(c_node, c_attr)
                        for word in <tuple>spelled[t]:
                            if (how == EQUALS and word == text) or (
                                how != EQUALS and word in text
                            ):
                                if proxy is None:
                                    proxy = cetree.elementFactory(element._doc, c_node)
                                (<list>found[t]).append((number, proxy, word))
                        continue
                    value = <const unsigned char*>c_text.content
                    if value is NULL:
                        value = <const unsigned char*>b""
                    if how == FOLDED:
                        size = strlen(<const char*>value) + 1
                        if size <= FOLD_BUFFER:
                            folded = stack
                        else:
                            folded = <char*>_alloc(size)
                        try:
                            if not _fold(value, folded, size):
                                dead[t] = True
                                found[t] = None
                                continue
                            proxy = _hits_in(
                                found[t], number, c_node, element, proxy, value, folded,
                                words[t], sizes[t], spelled[t], needle_counts[t], how,
                            )
                        finally:
                            if folded is not stack:
                                PyMem_Free(folded)
                    else:
                        proxy = _hits_in(
                            found[t], number, c_node, element, proxy, value,
                            <const char*>value, words[t], sizes[t], spelled[t],
                            needle_counts[t], how,
                        )
        c_node = _next_in_subtree_counting(c_node, c_root, &level)
        if c_node is NULL:
            return found
        if level <= body_level:
            body_level = -1
