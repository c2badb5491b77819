# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The coarse path's text, compiled: the twin of ``coarse.reference_coarse_text`` (the
XSLT pass and the string passes over its output), as one walk over libxml2's nodes and a
few passes over one buffer of code points. Read-only, struct fields only.

Each step below names the line of the reference it mirrors. Anything the reference would
treat in a way not written out here (a namespaced element, an entity reference, bytes that
are not UTF-8, page text holding one of the marker characters) returns ``None``, and the
reference does the work.
"""

from cpython.mem cimport PyMem_Free, PyMem_Realloc
from cpython.unicode cimport Py_UNICODE_ISSPACE, PyUnicode_FromKindAndData

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

from libc.string cimport strcmp, strlen

from ._nodes cimport next_in_subtree as _next_in_subtree

cetree.import_lxml__etree()

# The reference's marker characters (``coarse._ITEM`` and the rest).
cdef enum:
    ITEM = 0xFDD0
    LINE = 0xFDD1
    CODE = 0xFDD2
    ITEM_END = 0xFDD3
    SOFT_HYPHEN = 0xAD

# What an element's template writes (``coarse._STYLESHEET``).
cdef enum:
    KIND_NONE = 0  # the built-in template: its children
    KIND_BLOCK = 1  # a line before and after
    KIND_ITEM = 2  # a line and an item mark before, an item end and a line after
    KIND_CELL = 3  # a space before
    KIND_CODE = 4  # a line and a code mark, the string value, a line

cdef enum:
    EMPTY_ITEM_PASSES = 8  # coarse._EMPTY_ITEM_PASSES


cdef struct Text:
    Py_UCS4* data
    Py_ssize_t size
    Py_ssize_t capacity


cdef int _reserve(Text* text, Py_ssize_t more) except -1:
    cdef Py_ssize_t wanted = text.size + more
    cdef Py_UCS4* grown
    if wanted <= text.capacity:
        return 0
    wanted = max(wanted, 2 * text.capacity, 1024)
    grown = <Py_UCS4*>PyMem_Realloc(text.data, sizeof(Py_UCS4) * wanted)
    if grown is NULL:
        raise MemoryError()
    text.data = grown
    text.capacity = wanted
    return 0


cdef inline int _put(Text* text, Py_UCS4 point) except -1:
    if text.size == text.capacity:
        _reserve(text, 1)
    text.data[text.size] = point
    text.size += 1
    return 0


cdef int _put_utf8(Text* text, const unsigned char* value) except -1:
    """A text node's content, soft hyphens dropped (the reference's first ``replace``).
    Returns 1 for content the reference must handle (not UTF-8, or a marker)."""
    cdef Py_ssize_t index = 0, size = strlen(<const char*>value)
    cdef Py_UCS4* data
    cdef unsigned char byte
    cdef unsigned int point
    cdef int more
    _reserve(text, size)  # a code point takes at least a byte
    data = text.data + text.size
    while index < size:
        byte = value[index]
        index += 1
        if byte < 0x80:
            data[0] = byte
            data += 1
            continue
        if 0xC2 <= byte < 0xE0:
            point, more = byte & 0x1F, 1
        elif 0xE0 <= byte < 0xF0:
            point, more = byte & 0x0F, 2
        elif 0xF0 <= byte < 0xF5:
            point, more = byte & 0x07, 3
        else:
            return 1
        while more:
            byte = value[index]
            if byte & 0xC0 != 0x80:
                return 1
            point = (point << 6) | (byte & 0x3F)
            index += 1
            more -= 1
        if point < 0x80 or point > 0x10FFFF or 0xD800 <= point < 0xE000:
            return 1
        if ITEM <= point <= ITEM_END:
            return 1
        if point != SOFT_HYPHEN:
            data[0] = point
            data += 1
    text.size = data - text.data
    return 0


cdef class _Kinds:
    """Each element name's template, looked up once per distinct name pointer."""

    cdef dict by_name
    cdef dict by_pointer
    cdef const void* last
    cdef int last_kind

    def __cinit__(self, dict by_name):
        self.by_name = by_name
        self.by_pointer = {}
        self.last = NULL
        self.last_kind = KIND_NONE

    cdef int of(self, tree.xmlNode* c_node) except -1:
        if <const void*>c_node.name is self.last:
            return self.last_kind
        key = <size_t>c_node.name
        kind = self.by_pointer.get(key)
        if kind is None:
            kind = self.by_name.get((<bytes>c_node.name).decode("utf-8"), KIND_NONE)
            self.by_pointer[key] = kind
        self.last = <const void*>c_node.name
        self.last_kind = kind
        return self.last_kind


cdef int _string_value(Text* text, tree.xmlNode* c_top) except -1:
    """``xsl:value-of select="."``: every text node below ``c_top``, in document order.
    Returns 1 where the reference must take over."""
    cdef tree.xmlNode* c_node = c_top.children
    if c_node is NULL:
        return 0
    while True:
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            if c_node.content is not NULL and _put_utf8(text, c_node.content):
                return 1
        elif c_node.type == tree.XML_ELEMENT_NODE:
            if c_node.children is not NULL:
                c_node = c_node.children
                continue
        elif c_node.type != tree.XML_COMMENT_NODE and c_node.type != tree.XML_PI_NODE:
            return 1
        while c_node.next is NULL:
            c_node = c_node.parent
            if c_node is c_top:
                return 0
        c_node = c_node.next


cdef int _open(Text* text, tree.xmlNode* c_node, int kind) except -1:
    """What a template writes before an element's children (or all of it, for code)."""
    if kind == KIND_BLOCK:
        _put(text, LINE)
    elif kind == KIND_ITEM:
        _put(text, LINE)
        _put(text, ITEM)
    elif kind == KIND_CELL:
        _put(text, 0x20)
    elif kind == KIND_CODE:
        _put(text, LINE)
        _put(text, CODE)
        if _string_value(text, c_node):
            return 1
        _put(text, LINE)
    return 0


cdef int _close(Text* text, int kind) except -1:
    if kind == KIND_BLOCK:
        _put(text, LINE)
    elif kind == KIND_ITEM:
        _put(text, ITEM_END)
        _put(text, LINE)
    return 0


cdef int _transform(Text* text, tree.xmlNode* c_root, _Kinds kinds, int* seen) except -1:
    """``_TO_TEXT(content)``: the stylesheet's output, soft hyphens dropped. ``seen``
    gets the item and code marks written. Returns 1 where the reference must take over."""
    cdef tree.xmlNode* c_node = c_root
    cdef int kind
    cdef bint descend
    while True:
        descend = False
        if c_node.type == tree.XML_ELEMENT_NODE:
            if c_node.ns is not NULL:
                return 1
            kind = kinds.of(c_node)
            if kind == KIND_ITEM or kind == KIND_CODE:
                seen[0] |= kind
            if _open(text, c_node, kind):
                return 1
            descend = kind != KIND_CODE
        elif c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            if c_node.content is not NULL and _put_utf8(text, c_node.content):
                return 1
        elif c_node.type != tree.XML_COMMENT_NODE and c_node.type != tree.XML_PI_NODE:
            return 1
        if descend:
            if c_node.children is not NULL:
                c_node = c_node.children
                continue
            _close(text, kinds.of(c_node))
        while c_node is not c_root and c_node.next is NULL:
            c_node = c_node.parent
            _close(text, kinds.of(c_node))
        if c_node is c_root:
            return 0
        c_node = c_node.next


cdef inline bint _space(Py_UCS4 char) noexcept:
    return Py_UNICODE_ISSPACE(char)


cdef Py_ssize_t _drop_empty_items(Py_UCS4* data, Py_ssize_t size) noexcept:
    """``_EMPTY_ITEM.subn("", text)`` in place, until nothing drops (at most
    ``_EMPTY_ITEM_PASSES`` times), then ``replace(_ITEM_END, "")``: the new size."""
    cdef Py_ssize_t read, write, scan
    cdef int passes, dropped
    for passes in range(EMPTY_ITEM_PASSES):
        dropped = read = write = 0
        while read < size:
            if data[read] != ITEM:
                data[write] = data[read]
                write += 1
                read += 1
                continue
            scan = read + 1
            while scan < size and (data[scan] == LINE or _space(data[scan])):
                scan += 1
            if scan < size and data[scan] == ITEM_END:
                dropped += 1
                read = scan + 1
                continue
            while read < scan:
                data[write] = data[read]
                write += 1
                read += 1
        size = write
        if not dropped:
            break
    write = 0
    for read in range(size):
        if data[read] != ITEM_END:
            data[write] = data[read]
            write += 1
    return write


cdef Py_ssize_t _put_line(
    Py_UCS4* out, Py_ssize_t size, Py_UCS4* data, Py_ssize_t start, Py_ssize_t stop, bint dash
) noexcept:
    """``" ".join(data[start:stop].split())`` as one more line of the ``size`` code points
    of ``out`` (after a newline, with ``- `` if ``dash``): the new size, unchanged if the
    line is empty. ``out`` must have room for ``stop - start + 3`` more."""
    cdef Py_ssize_t index = start
    cdef bint gap = False
    while index < stop and _space(data[index]):
        index += 1
    if index == stop:
        return size
    if size:
        out[size] = 0x0A
        size += 1
    if dash:
        out[size] = 0x2D
        out[size + 1] = 0x20
        size += 2
    while index < stop:
        if _space(data[index]):
            gap = True
        else:
            if gap:
                out[size] = 0x20
                size += 1
                gap = False
            out[size] = data[index]
            size += 1
        index += 1
    return size


cdef Py_ssize_t _lines(Py_UCS4* data, Py_ssize_t size) noexcept:
    """The reference's path without code blocks, in place (a line never outgrows the
    piece and the line mark before it): whitespace collapsed, the spaces beside line marks
    dropped, ``"\\n".join(filter(None, text.split(_LINE)))``, that is each piece between
    line marks collapsed on its own and the empty ones left out. The new size."""
    cdef Py_ssize_t start = 0, index, written = 0
    for index in range(size + 1):
        if index == size or data[index] == LINE:
            written = _put_line(data, written, data, start, index, False)
            start = index + 1
    return written


cdef int _code_lines(Text* out, Py_UCS4* data, Py_ssize_t size) except -1:
    """``coarse._with_code``: piece by piece, code pieces line by line, the first
    non-empty line after an item mark with ``- ``."""
    cdef Py_ssize_t start = 0, stop, index, line, written
    cdef bint item = False
    for stop in range(size + 1):
        if stop < size and data[stop] != LINE:
            continue
        index = start
        start = stop + 1
        if index < stop and data[index] == ITEM:
            item = True
            index += 1
        if index < stop and data[index] == CODE:
            index += 1
            line = index
            while index <= stop:
                if index == stop or data[index] == 0x0A:
                    _reserve(out, index - line + 3)
                    written = _put_line(out.data, out.size, data, line, index, item)
                    item = item and written == out.size
                    out.size = written
                    line = index + 1
                index += 1
        else:
            _reserve(out, stop - index + 3)
            written = _put_line(out.data, out.size, data, index, stop, item)
            item = item and written == out.size
            out.size = written
    return 0


cdef int _item_starts(Text* out, Py_UCS4* data, Py_ssize_t size) except -1:
    """``_ITEM_START.sub("- ", text).replace(_ITEM, "")``. A run of item marks, spaces
    and newlines from ``index`` to ``stop`` is one match up to ``stop`` when a
    non-space follows it; otherwise the match ends at the run's last mark (the regex
    backtracks to the last point where a non-space, a mark, follows), if that is not where
    it starts."""
    cdef Py_ssize_t index = 0, stop, last
    _reserve(out, size + size // 2 + 2)
    while index < size:
        if data[index] != ITEM:
            _put(out, data[index])
            index += 1
            continue
        stop = last = index
        while stop < size and (data[stop] == ITEM or data[stop] == 0x20 or data[stop] == 0x0A):
            if data[stop] == ITEM:
                last = stop
            stop += 1
        if stop < size and not _space(data[stop]):
            last = stop
        if last > index:
            _put(out, 0x2D)
            _put(out, 0x20)
            index = last
        else:
            index += 1  # a mark no match takes: ``replace(_ITEM, "")`` drops it
    return 0


def coarse_text(content, dict kinds):
    """``coarse.reference_coarse_text(content)``, or ``None`` where the reference must
    do it. ``kinds`` maps tag names to their template (``coarse._KINDS``)."""
    cdef cetree._Element element = <cetree._Element?>content
    cdef Text text, out, spare
    cdef int seen = 0
    cdef Py_ssize_t index
    cdef bint items = False
    text.data = out.data = NULL
    text.size = text.capacity = out.size = out.capacity = 0
    try:
        if _transform(&text, element._c_node, _Kinds(kinds), &seen):
            return None
        if seen & KIND_ITEM:
            text.size = _drop_empty_items(text.data, text.size)
        if seen & KIND_CODE:
            _code_lines(&out, text.data, text.size)
        else:
            text.size = _lines(text.data, text.size)
            for index in range(text.size):
                if text.data[index] == ITEM:
                    items = True
                    break
            if items:
                _item_starts(&out, text.data, text.size)
            else:
                spare = out
                out = text
                text = spare
        return PyUnicode_FromKindAndData(4, out.data, out.size) if out.size else ""
    finally:
        PyMem_Free(text.data)
        PyMem_Free(out.data)


cdef bint _has_ancestor(tree.xmlNode* c_node, const char* name) noexcept:
    c_node = c_node.parent
    while c_node is not NULL and c_node.type == tree.XML_ELEMENT_NODE:
        if c_node.ns is NULL and strcmp(<const char*>c_node.name, name) == 0:
            return True
        c_node = c_node.parent
    return False


def furniture(body, frozenset tags, frozenset roles, frozenset skipped):
    """``coarse.coarse_content``'s searches in one walk: the elements of ``tags`` (a
    ``footer`` inside an ``article`` excepted) in document order, the elements whose role
    is one of ``roles`` in document order, and whether any element of ``skipped`` is
    there; or ``None`` on a namespaced element (the reference's lxml calls decide)."""
    cdef cetree._Element element = <cetree._Element?>body
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef tree.xmlAttr* c_attr
    cdef list tagged = [], roled = []
    cdef dict kinds = {}  # name pointer: 1 a furniture tag, 2 a skipped tag, 0 neither
    cdef bint any_skipped = False
    while c_node is not NULL:
        if c_node.type == tree.XML_ELEMENT_NODE:
            if c_node.ns is not NULL:
                return None
            key = <size_t>c_node.name
            kind = kinds.get(key)
            if kind is None:
                name = (<bytes>c_node.name).decode("utf-8")
                kind = 1 if name in tags else 2 if name in skipped else 0
                kinds[key] = kind
            if kind == 1 and not (
                strcmp(<const char*>c_node.name, b"footer") == 0
                and _has_ancestor(c_node, b"article")
            ):
                tagged.append(cetree.elementFactory(element._doc, c_node))
            elif kind == 2:
                any_skipped = True
            c_attr = c_node.properties
            while c_attr is not NULL:
                if c_attr.ns is NULL and strcmp(<const char*>c_attr.name, b"role") == 0:
                    if cetree.attributeValue(c_node, c_attr) in roles:
                        roled.append(cetree.elementFactory(element._doc, c_node))
                    break
                c_attr = c_attr.next
        c_node = _next_in_subtree(c_node, c_root)
    return tagged, roled, any_skipped


cdef int _blank(const unsigned char* value) noexcept:
    """0 if ``value`` holds a non-space, 1 if not, -1 if it is not UTF-8 (``str.strip``'s
    spaces, ``Py_UNICODE_ISSPACE``)."""
    cdef Py_ssize_t index = 0
    while value[index]:
        if value[index] < 0x80:
            if not _space(value[index]):
                return 0
            index += 1
            continue
        return _blank_utf8(value + index)
    return 1


cdef int _blank_utf8(const unsigned char* value) noexcept:
    """``_blank`` past the first non-ASCII byte: decoded a code point at a time."""
    cdef Py_ssize_t index = 0
    cdef unsigned int point
    cdef int more
    cdef unsigned char byte
    while value[index]:
        byte = value[index]
        index += 1
        if byte < 0x80:
            point, more = byte, 0
        elif 0xC2 <= byte < 0xE0:
            point, more = byte & 0x1F, 1
        elif 0xE0 <= byte < 0xF0:
            point, more = byte & 0x0F, 2
        elif 0xF0 <= byte < 0xF5:
            point, more = byte & 0x07, 3
        else:
            return -1
        while more:
            byte = value[index]
            if byte & 0xC0 != 0x80:
                return -1
            point = (point << 6) | (byte & 0x3F)
            index += 1
            more -= 1
        if not _space(<Py_UCS4>point):
            return 0
    return 1


def has_text(content):
    """``bool(etree.tostring(content, method="text", encoding=str).strip())``: a text
    node below ``content`` or in its tail holds a non-space; stops at the first. ``None``
    where the reference must decide (an entity reference, bytes not UTF-8)."""
    cdef cetree._Element element = <cetree._Element?>content
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root.children
    cdef int blank
    while c_node is not NULL:
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            if c_node.content is not NULL:
                blank = _blank(c_node.content)
                if blank <= 0:
                    return None if blank < 0 else True
        elif c_node.type == tree.XML_ELEMENT_NODE:
            if c_node.children is not NULL:
                c_node = c_node.children
                continue
        elif c_node.type == tree.XML_ENTITY_REF_NODE:
            return None
        while c_node.next is NULL:
            c_node = c_node.parent
            if c_node is c_root:
                break
        if c_node is c_root:
            break
        c_node = c_node.next
    c_node = c_root.next
    while c_node is not NULL and (
        c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE
    ):
        if c_node.content is not NULL:
            blank = _blank(c_node.content)
            if blank <= 0:
                return None if blank < 0 else True
        c_node = c_node.next
    if c_node is not NULL and c_node.type == tree.XML_ENTITY_REF_NODE:
        return None
    return False


def count_elements(root):
    """``count(//*)`` from ``root``: the elements of its whole document."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_top = element._doc._c_doc.children
    cdef tree.xmlNode* c_node
    cdef Py_ssize_t count = 0
    while c_top is not NULL:
        if c_top.type == tree.XML_ELEMENT_NODE:
            c_node = c_top
            while c_node is not NULL:
                count += c_node.type == tree.XML_ELEMENT_NODE
                c_node = _next_in_subtree(c_node, c_top)
        c_top = c_top.next
    return count
