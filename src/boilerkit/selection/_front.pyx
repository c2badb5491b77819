# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of the front stages' walks (repair), beside the selection's
(``_passes.pyx``). Read-only over libxml2's structs, through lxml's public C API."""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strcmp, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

cetree.import_lxml__etree()


cdef bint _is_text(tree.xmlNode* c_node) noexcept:
    return c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE


cdef bint _ascii(const unsigned char* text) noexcept:
    if text is NULL:
        return True
    while text[0] != 0:
        if text[0] >= 128:
            return False
        text += 1
    return True


cdef enum:
    MAX_NAMES = 8  # skip tags at most (the stack array of their names)


cdef bint _skipping(tree.xmlNode* c_node, const char** names, int count) noexcept:
    """Whether ``c_node`` is an element named one of ``names`` (no namespace)."""
    cdef int i
    if c_node.type != tree.XML_ELEMENT_NODE or c_node.ns is not NULL:
        return False
    for i in range(count):
        if strcmp(<const char*>c_node.name, names[i]) == 0:
            return True
    return False


cdef object _run_text(tree.xmlNode* c_node):
    """lxml's ``.text``/``.tail`` read from ``c_node``: the text and CDATA nodes that
    start there, joined (``None`` when ``c_node`` is none of them); only a non-ASCII
    result is wanted, so an ASCII one is ``None`` too."""
    cdef bytes joined = b""
    cdef bint foreign = False
    while c_node is not NULL and _is_text(c_node):
        if c_node.content is not NULL:
            if not foreign and not _ascii(c_node.content):
                foreign = True
            joined += <bytes>(<const char*>c_node.content)
        c_node = c_node.next
    if not foreign:
        return None
    return joined.decode("utf-8")


def foreign_texts(root, tuple skip_tags):
    """(the non-ASCII text nodes of ``root``'s document, in document order; the non-ASCII
    texts and tails that ``skip_tags`` elements hold): the twin of ``repair``'s
    ``_PLAIN_TEXTS`` filtered to non-ASCII and ``_skipped``, without a string per node."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_top = <tree.xmlNode*>element._doc._c_doc
    cdef tree.xmlNode* c_node = c_top.children
    cdef tree.xmlNode* c_child
    cdef int i
    cdef const char* text
    cdef list found = []
    cdef set skipped = set()
    cdef list encoded = [name.encode("ascii") for name in skip_tags]
    cdef const char* names[MAX_NAMES]
    cdef int count = len(encoded)
    if count > MAX_NAMES:
        raise ValueError(f"at most {MAX_NAMES} tags to skip")
    for i in range(count):
        names[i] = <const char*>(<bytes>encoded[i])
    while c_node is not NULL:
        if _is_text(c_node):
            text = <const char*>c_node.content
            if text is not NULL and not _ascii(<const unsigned char*>text):
                found.append(PyUnicode_DecodeUTF8(text, strlen(text), NULL))
        elif c_node.type == tree.XML_ELEMENT_NODE:
            if _skipping(c_node, names, count):
                value = _run_text(c_node.children)
                if value:
                    skipped.add(value)
                c_child = c_node.children
                while c_child is not NULL:
                    if cetree._isElement(c_child):
                        value = _run_text(c_child.next)
                        if value:
                            skipped.add(value)
                    c_child = c_child.next
            if c_node.children is not NULL:
                c_node = c_node.children
                continue
        while c_node.next is NULL:
            c_node = c_node.parent
            if c_node is NULL or c_node is c_top:
                return found, skipped
        c_node = c_node.next
    return found, skipped
