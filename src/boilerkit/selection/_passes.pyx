# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of the smaller passes, beside the page table's walk (``_walk.pyx``):
``sum_up`` for ``page_table.sum_up``, ``teaser_candidates`` for ``teasers.teaser_candidates`` (over
the table's lists) and ``clean_marks`` for ``page.clean.reference_marks`` (and the front
stages' other walks below). Read-only over libxml2's structs, through lxml's public C
API."""

from cpython.mem cimport PyMem_Free, PyMem_Realloc
from libc.string cimport memchr, memset, strcmp, strstr

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

from ._handles cimport Elements, attributes_of
from ._nodes cimport (
    alloc as _alloc,
    next_in_subtree as _next_in_subtree,
    next_in_subtree_counting as _next_in_subtree_counting,
)

cetree.import_lxml__etree()

cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)


cdef bint _named(tree.xmlNode* c_node, const char* name) noexcept:
    return (
        c_node.type == tree.XML_ELEMENT_NODE
        and c_node.ns is NULL
        and strcmp(<const char*>c_node.name, name) == 0
    )


cdef bint _has_attribute(tree.xmlNode* c_node, const char* name) noexcept:
    cdef tree.xmlAttr* c_attr = c_node.properties
    while c_attr is not NULL:
        if c_attr.ns is NULL and strcmp(<const char*>c_attr.name, name) == 0:
            return True
        c_attr = c_attr.next
    return False


def sum_up(list values, list parent):
    """``page_table.sum_up`` over a list of floats: each element's value added into its
    parent's, deepest first, in place. The same additions in the same order as the
    reference (Python floats are C doubles), so the sums are equal to the last bit.
    Returns False, changing nothing, when a value is not a float (ints stay ints in the
    reference: its job then)."""
    cdef Py_ssize_t count = len(values), index
    if len(parent) != count:
        raise ValueError("values and parent differ in length")
    for index in range(count):
        if type(values[index]) is not float:
            return False
    cdef double* sums = <double*>_alloc(sizeof(double) * count)
    cdef int* up = <int*>_alloc(sizeof(int) * count)
    try:
        for index in range(count):
            sums[index] = values[index]
            up[index] = parent[index]
        for index in range(count - 1, 0, -1):
            if up[index] < 0 or up[index] >= index:
                raise ValueError("a parent must come before its children")
            sums[up[index]] += sums[index]
        for index in range(count):
            values[index] = sums[index]
        return True
    finally:
        PyMem_Free(sums)
        PyMem_Free(up)


cdef int* _int_array(list values, Py_ssize_t count) except NULL:
    cdef int* array = <int*>_alloc(sizeof(int) * count)
    cdef Py_ssize_t index
    for index in range(count):
        array[index] = values[index]
    return array


def teaser_candidates(
    list tags,
    list end,
    list links,
    list chars,
    double min_items,
    double max_item_chars,
    frozenset not_items,
):
    """``teasers.teaser_candidates``: (element, children, leaders) of every element that
    may hold a teaser group. Tags are numbered per page, so counting leaders by tag is
    array arithmetic."""
    cdef Py_ssize_t count = len(tags), index, child, stop, leader, kinds
    cdef Py_ssize_t linked_children, best, number
    if len(end) != count or len(links) != count or len(chars) != count:
        raise ValueError("the table's lists differ in length")
    cdef dict numbers = {}
    for tag in tags:
        if tag not in numbers:
            numbers[tag] = len(numbers)
    kinds = len(numbers)
    cdef int* c_end = NULL
    cdef int* c_links = NULL
    cdef int* c_chars = NULL
    cdef int* tag_of = <int*>_alloc(sizeof(int) * count)
    cdef int* before = <int*>_alloc(sizeof(int) * (count + 1))
    cdef int* picked = <int*>_alloc(sizeof(int) * count)  # this element's leaders
    cdef int* tally = <int*>_alloc(sizeof(int) * kinds)
    cdef char* item = <char*>_alloc(kinds)  # per tag number: may it be an item?
    cdef list found = []
    cdef list children
    try:
        c_end = _int_array(end, count)
        c_links = _int_array(links, count)
        c_chars = _int_array(chars, count)
        for tag, number in numbers.items():
            item[number] = tag not in not_items
            tally[number] = 0
        anchor = numbers.get("a", -1)
        before[0] = 0
        for index in range(count):
            tag_of[index] = numbers[tags[index]]
            before[index + 1] = before[index] + (tag_of[index] == anchor)
        for index in range(count):
            if c_links[index] < min_items:
                continue
            linked_children = best = number = 0
            child = index + 1
            while child < c_end[index]:
                linked_children += c_links[child] > 0
                stop = c_end[child]
                if 0 < c_chars[child] <= max_item_chars and before[stop] > before[child]:
                    picked[number] = child
                    number += 1
                    if item[tag_of[child]]:
                        tally[tag_of[child]] += 1
                        if tally[tag_of[child]] > best:
                            best = tally[tag_of[child]]
                child = stop
            for leader in range(number):
                tally[tag_of[picked[leader]]] = 0
            if linked_children >= min_items and best >= min_items:
                children = []
                child = index + 1
                while child < c_end[index]:
                    children.append(child)
                    child = c_end[child]
                found.append((index, children, [picked[leader] for leader in range(number)]))
        return found
    finally:
        PyMem_Free(c_end)
        PyMem_Free(c_links)
        PyMem_Free(c_chars)
        PyMem_Free(tag_of)
        PyMem_Free(before)
        PyMem_Free(picked)
        PyMem_Free(tally)
        PyMem_Free(item)


# -- clean_marks: the candidates of page.clean, in one walk --------------------------------

cdef enum:
    _OTHER = 0
    _INVISIBLE = 1
    _VOID = 2
    _NOSCRIPT = 3
    _ANCHOR = 4
    _CITE = 5
    _MATH = 6
    _IMG = 7

# Links whose text may be a permalink symbol (UTF-8 of clean.PERMALINK_SYMBOLS).
cdef const char* _SYMBOLS[4]
_SYMBOLS[0] = b"#"
_SYMBOLS[1] = b"\xc2\xb6"
_SYMBOLS[2] = b"\xc2\xa7"
_SYMBOLS[3] = b"\xf0\x9f\x94\x97"


cdef bint _attribute_contains(tree.xmlNode* c_node, const char* name, tuple needles):
    """Whether attribute ``name`` of ``c_node`` holds one of ``needles`` (ASCII bytes)."""
    cdef tree.xmlAttr* c_attr = c_node.properties
    cdef tree.xmlNode* c_text
    while c_attr is not NULL:
        if c_attr.ns is NULL and strcmp(<const char*>c_attr.name, name) == 0:
            c_text = c_attr.children
            if c_text is NULL:
                return False
            if c_text.next is NULL and c_text.type == tree.XML_TEXT_NODE:
                if c_text.content is NULL:
                    return False
                for needle in needles:
                    if strstr(<const char*>c_text.content, <const char*>(<bytes>needle)) is not NULL:
                        return True
                return False
            value = cetree.attributeValue(c_node, c_attr)  # a value of several nodes
            return any(needle.decode("ascii") in value for needle in needles)
        c_attr = c_attr.next
    return False


cdef bint _maybe_permalink(tree.xmlNode* c_anchor) noexcept:
    """Whether a text below ``c_anchor`` holds a permalink symbol, or an ``img[alt][class]``
    below it may become text (a formula: ``clean.linear_math``) that does."""
    cdef tree.xmlNode* c_node = c_anchor.children
    cdef int index
    while c_node is not NULL:
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            if c_node.content is not NULL:
                for index in range(4):
                    if strstr(<const char*>c_node.content, _SYMBOLS[index]) is not NULL:
                        return True
        elif c_node.type == tree.XML_ELEMENT_NODE:
            if (
                _named(c_node, b"img")
                and _has_attribute(c_node, b"alt")
                and _has_attribute(c_node, b"class")
            ):
                return True
            if c_node.children is not NULL:
                c_node = c_node.children
                continue
        while c_node.next is NULL:
            c_node = c_node.parent
            if c_node is c_anchor:
                return False
        c_node = c_node.next
    return False


cdef int _kind(tree.xmlNode* c_node, dict kinds, frozenset invisible, frozenset void):
    key = <size_t>c_node.name
    kind = kinds.get(key)
    if kind is None:
        name = cetree.namespacedName(c_node)
        if name in invisible:
            kind = _INVISIBLE
        elif name in void:
            kind = _VOID
        else:
            kind = {"noscript": _NOSCRIPT, "a": _ANCHOR, "cite": _CITE, "math": _MATH,
                    "img": _IMG}.get(name, _OTHER)
        kinds[key] = kind
    return <int>kind


def clean_marks(root, tuple invisible, tuple void):
    """The elements ``page.clean.clean_tree`` looks at, in one walk (twin of
    ``clean.reference_marks``; see there for what each list holds). ``root`` must be its
    document's root element (the searches of the reference cover the whole document)."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef Py_ssize_t depth = 0, removed_below = -1
    cdef int kind
    cdef bint removed, has_invisible = False, has_void = False
    cdef dict kinds = {}
    cdef frozenset invisible_names = frozenset(invisible), void_names = frozenset(void)
    cdef list formula_images = [], chrome = [], noscripts = [], anchors = [], cites = []
    cdef list maths = [], hiding = []
    cdef tuple chrome_needles = (b"dit", b"ack")
    doc = element._doc
    while True:
        if c_node.type == tree.XML_ELEMENT_NODE and c_node.ns is NULL:
            kind = _kind(c_node, kinds, invisible_names, void_names)
            removed = removed_below >= 0
            if c_node is not c_root and not removed:
                if kind == _INVISIBLE:
                    removed, removed_below, has_invisible = True, depth, True
                elif kind == _VOID:
                    has_void = True
            if c_node.properties is not NULL:
                if kind == _IMG and _has_attribute(c_node, b"alt") and _has_attribute(
                    c_node, b"class"
                ):
                    formula_images.append(cetree.elementFactory(doc, c_node))
                if _attribute_contains(c_node, b"class", chrome_needles):
                    chrome.append(cetree.elementFactory(doc, c_node))
            if not removed:
                if kind == _NOSCRIPT:
                    noscripts.append(cetree.elementFactory(doc, c_node))
                elif kind == _ANCHOR and _maybe_permalink(c_node):
                    anchors.append(cetree.elementFactory(doc, c_node))
                elif kind == _CITE:
                    cites.append(cetree.elementFactory(doc, c_node))
                elif kind == _MATH:
                    maths.append(cetree.elementFactory(doc, c_node))
                if (
                    c_node.properties is not NULL
                    and (kind != _VOID or c_node is c_root)
                    and (
                        _has_attribute(c_node, b"hidden")
                        or _has_attribute(c_node, b"aria-hidden")
                        or _has_attribute(c_node, b"type")
                        or _has_attribute(c_node, b"style")
                    )
                ):
                    hiding.append(cetree.elementFactory(doc, c_node))
        c_node = _next_in_subtree_counting(c_node, c_root, &depth)
        if c_node is NULL:
            break
        if depth <= removed_below:
            removed_below = -1
    return (
        formula_images, chrome, has_invisible, has_void, noscripts, anchors, cites, maths, hiding
    )


def depth_marks(root, Py_ssize_t cap, Py_ssize_t limit):
    """The elements at level ``cap`` (``root`` is level 1) that have a child element, and
    whether an element is at level ``limit`` or deeper: in one walk, the twins of
    ``parse._AT_CAP`` and ``parse._AT_LIBXML2_LIMIT`` (each an XPath of one step per
    level). ``root`` must be its document's root element (the XPaths start there)."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef tree.xmlNode* c_child
    cdef Py_ssize_t level = 1
    cdef bint reached = False
    cdef list capped = []
    while True:
        if c_node.type == tree.XML_ELEMENT_NODE:
            if level >= limit:
                reached = True
            if level == cap:
                c_child = c_node.children
                while c_child is not NULL and c_child.type != tree.XML_ELEMENT_NODE:
                    c_child = c_child.next
                if c_child is not NULL:
                    capped.append(cetree.elementFactory(element._doc, c_node))
        c_node = _next_in_subtree_counting(c_node, c_root, &level)
        if c_node is NULL:
            return capped, reached


def body_attributes(root, tuple names):
    """Per attribute of ``names``: its values on ``<body>`` and the elements inside it, in
    page order, and for each value the index of its element in the ``Elements`` returned
    last (proxies made on access only). The twin of
    ``metadata.scan.reference_body_attributes`` (the XPaths ``//body//@name``). ``root``
    must be its document's root element."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef tree.xmlAttr* c_attr
    cdef tree.xmlNode** nodes = NULL
    cdef tree.xmlNode** grown
    cdef Py_ssize_t count = 0, capacity = 0, level = 1, body_level = -1, owner, index
    cdef Py_ssize_t wanted = len(names)
    cdef list encoded = [name.encode("ascii") for name in names]
    cdef list values = [[] for _ in range(wanted)]
    cdef list owners = [[] for _ in range(wanted)]
    cdef Elements elements = Elements()
    try:
        while True:
            if c_node.type == tree.XML_ELEMENT_NODE and c_node.ns is NULL:
                if body_level < 0 and _named(c_node, b"body"):
                    body_level = level
                if body_level >= 0 and c_node.properties is not NULL:
                    owner = -1
                    c_attr = c_node.properties
                    while c_attr is not NULL:
                        if c_attr.ns is NULL:
                            for index in range(wanted):
                                if strcmp(<const char*>c_attr.name, <bytes>encoded[index]) == 0:
                                    if owner < 0:
                                        if count == capacity:
                                            capacity = max(64, 2 * capacity)
                                            grown = <tree.xmlNode**>PyMem_Realloc(
                                                nodes, sizeof(tree.xmlNode*) * capacity
                                            )
                                            if grown is NULL:
                                                raise MemoryError()
                                            nodes = grown
                                        nodes[count] = c_node
                                        owner = count
                                        count += 1
                                    (<list>values[index]).append(
                                        cetree.attributeValue(c_node, c_attr)
                                    )
                                    (<list>owners[index]).append(owner)
                        c_attr = c_attr.next
            c_node = _next_in_subtree_counting(c_node, c_root, &level)
            if c_node is NULL:
                break
            if level <= body_level:
                body_level = -1
    except BaseException:
        PyMem_Free(nodes)
        raise
    elements._nodes = nodes
    elements._count = count
    elements._doc = element._doc
    elements._root = root
    elements._proxies = [None] * count
    return values, owners, elements


cdef inline bint _space(unsigned char c) noexcept nogil:
    """``\\s`` of a bytes regex."""
    return c == 32 or 9 <= c <= 13


cdef inline bint _name_char(unsigned char c) noexcept nogil:
    """``[^\\s/<>="']``: a character of an attribute's name."""
    return not (
        _space(c) or c == 47 or c == 60 or c == 62 or c == 61 or c == 34 or c == 39
    )


cdef Py_ssize_t _attributes(const unsigned char* data, Py_ssize_t size, Py_ssize_t at,
                            Py_ssize_t wanted) noexcept nogil:
    """How many attributes (up to ``wanted``) the tag whose name starts at ``at`` has, as
    ``parse._ATTRIBUTE`` repeated counts them (its quantifiers are possessive, so one
    greedy pass gives the regex's own count)."""
    cdef Py_ssize_t count = 0, probe
    cdef unsigned char quote
    while at < size and data[at] != 32 and not (9 <= data[at] <= 13) and data[at] != 47 \
            and data[at] != 60 and data[at] != 62:
        at += 1  # the rest of the tag's name: [^\s/<>]*+
    while count < wanted:
        while at < size and _space(data[at]):
            at += 1
        if at >= size or not _name_char(data[at]):
            return count
        while at < size and _name_char(data[at]):
            at += 1
        count += 1
        probe = at  # (?:\s*+=\s*+VALUE)?+
        while probe < size and _space(data[probe]):
            probe += 1
        if probe >= size or data[probe] != 61:
            continue
        probe += 1
        while probe < size and _space(data[probe]):
            probe += 1
        if probe < size and (data[probe] == 34 or data[probe] == 39):
            quote = data[probe]
            at = probe + 1
            while at < size and data[at] != quote:
                at += 1
            if at < size:
                at += 1  # the closing quote
            else:
                at = probe  # unclosed: the bare value matches nothing there
            continue
        while probe < size and not _space(data[probe]) and data[probe] != 60 \
                and data[probe] != 62 and data[probe] != 34 and data[probe] != 39:
            probe += 1
        at = probe
    return count


def has_crowded_tag(const unsigned char[:] data not None, Py_ssize_t wanted):
    """Whether ``data`` holds a tag of ``wanted`` attributes or more: the twin of a search
    with ``parse._CROWDED_TAG`` (a match of ``<`` and a letter, the rest of the name, and
    ``wanted`` attributes), a byte loop instead of the regex's try at every ``<``."""
    cdef Py_ssize_t size = data.shape[0], at = 0
    cdef const unsigned char* start = &data[0] if size else NULL
    cdef const unsigned char* found
    cdef bint crowded = False
    with nogil:
        while at + 1 < size and not crowded:
            found = <const unsigned char*>memchr(start + at, 60, size - at)
            if found is NULL:
                break
            at = found - start + 1
            if at < size and 97 <= (data[at] | 32) <= 122:  # a letter
                crowded = _attributes(start, size, at + 1, wanted) >= wanted
    return crowded


cdef bint _attribute_is(tree.xmlNode* c_node, const char* name, str value):
    """Whether attribute ``name`` of ``c_node`` is ``value``."""
    cdef tree.xmlAttr* c_attr = c_node.properties
    while c_attr is not NULL:
        if c_attr.ns is NULL and strcmp(<const char*>c_attr.name, name) == 0:
            return cetree.attributeValue(c_node, c_attr) == value
        c_attr = c_attr.next
    return False


def site_marks(root, tuple class_words, tuple id_words):
    """The elements ``metadata.scan.PageScan.site`` reads, in page order: ``a`` linking
    home (``href="/"`` or ``rel="home"``), ``footer``, the first ``img[alt]`` in
    ``<body>``, and the elements whose class holds one of ``class_words`` or whose id
    one of ``id_words`` (ASCII bytes). The twin of the XPath ``PageScan.site`` builds on
    the pure path. ``root`` must be its document's root element."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef Py_ssize_t level = 1, body_level = -1
    cdef bint matched, image_found = False
    cdef list found = []
    while True:
        if c_node.type == tree.XML_ELEMENT_NODE and c_node.ns is NULL:
            if body_level < 0 and _named(c_node, b"body"):
                body_level = level
            matched = _named(c_node, b"footer")
            if not matched and c_node.properties is not NULL:
                if _named(c_node, b"a"):
                    matched = _attribute_is(c_node, b"href", "/") or _attribute_is(
                        c_node, b"rel", "home"
                    )
                if (
                    not image_found
                    and body_level >= 0
                    and _named(c_node, b"img")
                    and _has_attribute(c_node, b"alt")
                ):
                    matched = image_found = True
                if not matched and class_words:
                    matched = _attribute_contains(c_node, b"class", class_words)
                if not matched and id_words:
                    matched = _attribute_contains(c_node, b"id", id_words)
            if matched:
                found.append(cetree.elementFactory(element._doc, c_node))
        c_node = _next_in_subtree_counting(c_node, c_root, &level)
        if c_node is NULL:
            return found
        if level <= body_level:
            body_level = -1


def texts_are_ascii(root):
    """Whether every text node of ``root``'s document (``//text()``: text and CDATA, not
    comments or attribute values) is ASCII: the twin of
    ``"".join(repair._PLAIN_TEXTS(root)).isascii()``, without making a string per node
    (a million of them on the million-sibling page)."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_top = <tree.xmlNode*>element._doc._c_doc
    cdef tree.xmlNode* c_node = c_top.children
    cdef const unsigned char* text
    while c_node is not NULL:
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            text = <const unsigned char*>c_node.content
            if text is not NULL:
                while text[0] != 0:
                    if text[0] >= 128:
                        return False
                    text += 1
        elif c_node.type == tree.XML_ELEMENT_NODE and c_node.children is not NULL:
            c_node = c_node.children
            continue
        while c_node.next is NULL:
            c_node = c_node.parent
            if c_node is NULL or c_node is c_top:
                return True
        c_node = c_node.next
    return True


cdef inline bint _unwanted(Py_UCS4 c) noexcept:
    """A character of ``content._UNWANTED``: a C0 control but tab, newline and carriage
    return, U+FFFE, U+FFFF or the soft hyphen."""
    return (c < 32 and c != 9 and c != 10 and c != 13) or c == 0xAD or c == 0xFFFE or c == 0xFFFF


cdef object _safe(object text, object xml_safe):
    """``content.xml_safe(text)``: text holding none of ``_UNWANTED`` (the common case) is
    returned as it is, found on its characters in C; anything else goes to ``xml_safe``."""
    if text is None:
        return None
    cdef str value = <str>text
    cdef Py_ssize_t at
    cdef int kind = PyUnicode_KIND(value)
    cdef void* data = PyUnicode_DATA(value)
    for at in range(len(value)):
        if _unwanted(PyUnicode_READ(kind, data, at)):
            return xml_safe(value)
    return value


def copy_out(
    elements,
    Py_ssize_t container,
    list tags,
    list parent,
    list end,
    frozenset block_tags,
    kept,
    block_at,
    skip,
    frozenset copied,
    frozenset keep_empty,
    object copy_element,
    object xml_safe,
    object check,
):
    """``content.copy_out`` (``_copied_text``, ``_surviving`` and the copy loop) over the
    compiled table's nodes: the copy of element ``container`` and its copies in document
    order. ``None`` when ``elements`` is not the compiled table's (the reference works)."""
    if not isinstance(elements, Elements):
        return None
    cdef Elements nodes = <Elements>elements
    cdef Py_ssize_t size = <Py_ssize_t>end[container] - container
    cdef Py_ssize_t index, offset, up, count = 0, position, before
    cdef int* members = <int*>_alloc(sizeof(int) * size)
    cdef char* flags = <char*>_alloc(size)  # 1 keep_text, 2 alive, 4 has_text
    cdef int* last = <int*>_alloc(sizeof(int) * size)
    cdef list text = [None] * size
    cdef list tail = [None] * size
    cdef list copies = [None] * size
    cdef tree.xmlNode* c_node
    try:
        memset(flags, 0, size)
        index = container
        while index < size + container:  # _copied_text
            offset = index - container
            members[count] = index
            count += 1
            c_node = nodes._nodes[index]
            if index != container and flags[<Py_ssize_t>parent[index] - container] & 1:
                after = cetree.tailOf(c_node)
                if after:
                    tail[offset] = _safe(after, xml_safe)
            if index in skip:
                index = end[index]
                continue
            tag = tags[index]
            if index == container or tag in block_tags:
                keep = index in kept or index not in block_at
            else:
                keep = flags[<Py_ssize_t>parent[index] - container] & 1
            if keep:
                flags[offset] |= 1
                if tag:
                    own = cetree.textOf(c_node)
                    if own:
                        text[offset] = _safe(own, xml_safe)
            index += 1
        for position in range(count - 1, -1, -1):  # _surviving
            index = members[position]
            offset = index - container
            tag = tags[index]
            own = text[offset]
            if tag and (flags[offset] & 4 or tag in keep_empty or (own and (<str>own).strip())):
                flags[offset] |= 2
            if index != container:
                up = <Py_ssize_t>parent[index] - container
                if not flags[up] & 4:
                    after = tail[offset]
                    if flags[offset] & 2 or (after and (<str>after).strip()):
                        flags[up] |= 4
        attributes = _element_attributes(nodes, container, copied)
        root = copy_element(tags[container] or "span", attributes, None)
        copies[0] = root
        for offset in range(size):
            last[offset] = -1
        for position in range(1, count):  # the copy loop
            if not position & 63:
                check("select")
            index = members[position]
            offset = index - container
            up = <Py_ssize_t>parent[index] - container
            above = copies[up]
            if above is None:
                continue
            if flags[offset] & 2:
                copies[offset] = _copy(
                    above, tags[index] or "span", _element_attributes(nodes, index, copied),
                    copy_element,
                )
                last[up] = offset
                continue
            piece = tail[offset]
            if piece:
                before = last[up]
                if before < 0:
                    text[up] = (text[up] or "") + piece
                else:
                    tail[before] = (tail[before] or "") + piece
        found = []
        for offset in range(size):
            copy = copies[offset]
            if copy is not None:
                if text[offset]:
                    cetree.setNodeText((<cetree._Element>copy)._c_node, text[offset])
                if tail[offset]:
                    cetree.setTailText((<cetree._Element>copy)._c_node, tail[offset])
                found.append(copy)
        return root, found
    finally:
        PyMem_Free(members)
        PyMem_Free(flags)
        PyMem_Free(last)


cdef dict _element_attributes(Elements nodes, Py_ssize_t index, frozenset copied):
    if nodes._nodes[index].type != tree.XML_ELEMENT_NODE:
        return {}
    return attributes_of(nodes._nodes[index], copied)


cdef object _copy(object above, str tag, dict attrib, object copy_element):
    """``content._copy_element(tag, attrib, above)``: made here through lxml's C API
    (what ``etree.SubElement`` calls) unless a table span is to be clamped or lxml
    refuses a name, which ``copy_element`` handles."""
    if "colspan" in attrib or "rowspan" in attrib:
        return copy_element(tag, attrib, above)
    try:
        return cetree.makeSubElement(<cetree._Element>above, tag, None, None, attrib, None)
    except ValueError:
        return copy_element(tag, attrib, above)


def best_container(list total, list region, list hints, list tags, const unsigned char[:] excluded,
                   double bonus, double list_factor, frozenset list_tags):
    """``container.best_container``: the element of the highest adjusted total (the first
    of equals) and that total, the excluded and furniture elements left out."""
    cdef Py_ssize_t index, best = 0, count = len(total)
    cdef double value, best_value = float("-inf")
    if len(region) != count or len(hints) != count or len(tags) != count or len(excluded) != count:
        raise ValueError("the page's lists differ in length")
    for index in range(count):
        if region[index] is not None or excluded[index]:
            continue
        value = total[index]
        hint = hints[index]
        if hint is not None and value > 0 and hint.kind == "article":
            value *= 1 + bonus
        if tags[index] in list_tags:
            value *= list_factor
        if value > best_value:
            best, best_value = index, value
    return best, best_value
