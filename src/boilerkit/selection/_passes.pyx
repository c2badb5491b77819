# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of two smaller passes, beside the page table's walk (``_walk.pyx``):
``collect_tags`` for ``metadata.meta_tags.reference_page_tags`` and ``sum_up`` for
``page_table.sum_up``. Read-only over libxml2's structs, through lxml's public C API."""

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
