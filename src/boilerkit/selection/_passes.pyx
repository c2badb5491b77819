# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of the smaller passes, beside the page table's walk (``_walk.pyx``):
``collect_tags`` for ``metadata.meta_tags.reference_page_tags``, ``sum_up`` for
``page_table.sum_up`` and ``teaser_candidates`` for ``teasers.teaser_candidates`` (over
the table's lists). Read-only over libxml2's structs, through lxml's public C API."""

from cpython.mem cimport PyMem_Free
from libc.string cimport strcmp

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

from ._nodes cimport alloc as _alloc, next_in_subtree as _next_in_subtree

cetree.import_lxml__etree()


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


cdef bint _in_body(tree.xmlNode* c_node) noexcept:
    c_node = c_node.parent
    while c_node is not NULL and c_node.type == tree.XML_ELEMENT_NODE:
        if _named(c_node, b"body"):
            return True
        c_node = c_node.parent
    return False


def collect_tags(root, tuple names):
    """The elements ``meta_tags.page_tags`` collects, in one walk: per tag of ``names``
    the elements of that tag, whether each ``h1`` is inside ``<body>``, the ``<a rel>``
    and the elements with an ``itemprop``. ``root`` must be its document's root element
    (the XPaths of the reference search the whole document)."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef dict found = {name: [] for name in names}
    cdef dict by_name = {}
    cdef list h1_in_body = []
    cdef list anchors = []
    cdef list itemprops = []
    while True:
        if c_node.type == tree.XML_ELEMENT_NODE and c_node.ns is NULL:
            key = <size_t>c_node.name
            bucket = by_name.get(key, False)
            if bucket is False:
                name = cetree.namespacedName(c_node)
                bucket = found.get(name)
                by_name[key] = bucket
            if bucket is not None:
                (<list>bucket).append(cetree.elementFactory(element._doc, c_node))
                if _named(c_node, b"h1"):
                    h1_in_body.append(_in_body(c_node))
            if c_node.properties is not NULL:
                if _named(c_node, b"a") and _has_attribute(c_node, b"rel"):
                    anchors.append(cetree.elementFactory(element._doc, c_node))
                if _has_attribute(c_node, b"itemprop"):
                    itemprops.append(cetree.elementFactory(element._doc, c_node))
        c_node = _next_in_subtree(c_node, c_root)
        if c_node is NULL:
            return found, h1_in_body, anchors, itemprops


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
