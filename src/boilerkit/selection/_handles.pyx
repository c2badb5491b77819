# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The handles of the page table's compiled walk (``_walk.pyx``): the page's nodes by
index (``Elements``: a proxy made on first access, then kept), a node's index by element
(``IndexOf``, by the node's address) and the text below a node (``text_of``, the twin of
``page_table.text_of``), joined in a byte buffer and decoded once."""

from collections.abc import Mapping, Sequence

from cpython.mem cimport PyMem_Free, PyMem_Realloc
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport memcpy, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

cetree.import_lxml__etree()


cdef class _Buffer:
    """A growable byte buffer for joining text nodes before one UTF-8 decode."""

    def __dealloc__(self):
        PyMem_Free(self.data)

    cdef int append(self, const char* text) except -1:
        return self.extend(text, strlen(text))

    cdef int extend(self, const char* text, Py_ssize_t length) except -1:
        """``length`` bytes of ``text`` (which may hold a NUL: a Python string's UTF-8)."""
        cdef Py_ssize_t wanted = self.size + length
        cdef char* grown
        if wanted > self.capacity:
            self.capacity = max(wanted, 2 * self.capacity, 256)
            grown = <char*>PyMem_Realloc(self.data, self.capacity)
            if grown is NULL:
                raise MemoryError()
            self.data = grown
        memcpy(self.data + self.size, text, length)
        self.size = wanted
        return 0


cdef class Elements:
    """The page's nodes by index: a proxy is made on first access, then kept, so the
    same index always gives the same object (what ``list(root.iter())`` gives)."""


    def __dealloc__(self):
        PyMem_Free(self._nodes)

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        cdef Py_ssize_t i = index
        if i < 0:
            i += self._count
        if i < 0 or i >= self._count:
            raise IndexError(index)
        proxy = self._proxies[i]
        if proxy is None:
            proxy = cetree.elementFactory(self._doc, self._nodes[i])
            self._proxies[i] = proxy
        return proxy

    def __iter__(self):
        for i in range(self._count):
            yield self[i]

    def text(self, Py_ssize_t index):
        """All the text below element ``index``, whitespace-normalised
        (``page_table.element_text``)."""
        if index < 0 or index >= self._count:
            raise IndexError(index)
        if self._nodes[index].type != tree.XML_ELEMENT_NODE:  # rare: the reference's answer
            from .page_table import element_text

            return element_text(self[index])
        return collapsed_text_of(self._buffer, self._nodes[index])

    def text_at(self, Py_ssize_t index):
        """``self[index].text`` without a proxy (lxml's ``textOf``, which ``.text`` reads)."""
        if index < 0 or index >= self._count:
            raise IndexError(index)
        if self._nodes[index].type != tree.XML_ELEMENT_NODE:  # a comment's text: rare
            return self[index].text
        return cetree.textOf(self._nodes[index])

    def tail_at(self, Py_ssize_t index):
        """``self[index].tail`` without a proxy (lxml's ``tailOf``, which ``.tail`` reads)."""
        if index < 0 or index >= self._count:
            raise IndexError(index)
        return cetree.tailOf(self._nodes[index])

    def attributes_in(self, Py_ssize_t index, frozenset names):
        """``{k: v for k, v in self[index].items() if k in names}`` without a proxy (the
        names without a namespace: ``items()`` spells the others ``{ns}name``)."""
        if index < 0 or index >= self._count:
            raise IndexError(index)
        cdef tree.xmlNode* c_node = self._nodes[index]
        if c_node.type != tree.XML_ELEMENT_NODE:
            return {}
        return attributes_of(c_node, names)

    cdef int position(self, element) except -2:
        """The index of ``element``, or -1 when it is not a node of this page."""
        if not isinstance(element, cetree._Element):
            return -1
        if self._positions is None:
            self._positions = {<size_t>self._nodes[i]: i for i in range(self._count)}
        return self._positions.get(<size_t>(<cetree._Element>element)._c_node, -1)


cdef class IndexOf:
    """``element -> index`` over ``Elements``, found by the node's address (no proxies)."""

    def __init__(self, Elements elements):
        self._elements = elements

    def __getitem__(self, element):
        cdef int found = self._elements.position(element)
        if found < 0:
            raise KeyError(element)
        return found

    def get(self, element, default=None):
        cdef int found = self._elements.position(element)
        return default if found < 0 else found

    def __contains__(self, element):
        return self._elements.position(element) >= 0

    def __len__(self):
        return len(self._elements)

    def __iter__(self):
        return iter(self._elements)

    def keys(self):
        return list(self._elements)

    def values(self):
        return list(range(len(self._elements)))

    def items(self):
        return list(zip(self._elements, range(len(self._elements))))


Mapping.register(IndexOf)
Sequence.register(Elements)


cdef dict attributes_of(tree.xmlNode* c_node, frozenset names):
    """The attributes of ``c_node`` named in ``names``, without a namespace (``items()``
    spells the others ``{ns}name``)."""
    cdef dict found = {}
    cdef tree.xmlAttr* c_attr = c_node.properties
    while c_attr is not NULL:
        if c_attr.type == tree.XML_ATTRIBUTE_NODE and c_attr.ns is NULL:
            name = (<const char*>c_attr.name).decode("utf-8")
            if name in names:
                found[name] = cetree.attributeValue(c_node, c_attr)
        c_attr = c_attr.next
    return found


cdef str text_of(_Buffer buffer, tree.xmlNode* c_top):
    """All the text and CDATA below an element, as libxml2's text serializer joins it
    (``page_table.text_of``): comments and processing instructions hold none."""
    text_of_bytes(buffer, c_top)
    return PyUnicode_DecodeUTF8(buffer.data, buffer.size, NULL)


cdef int text_of_bytes(_Buffer buffer, tree.xmlNode* c_top) except -1:
    """``text_of`` left in ``buffer`` as UTF-8."""
    cdef tree.xmlNode* c_node = c_top.children
    buffer.size = 0
    while c_node is not NULL:
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            if c_node.content is not NULL:
                buffer.append(<const char*>c_node.content)
        elif c_node.type == tree.XML_ELEMENT_NODE and c_node.children is not NULL:
            c_node = c_node.children
            continue
        while c_node.next is NULL and c_node is not c_top:
            c_node = c_node.parent
            if c_node is c_top:
                break
        if c_node is c_top:
            break
        c_node = c_node.next
    return 0


cdef inline Py_ssize_t _space_at(const unsigned char* text, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
    """The length of the whitespace character (as ``str.split`` sees it) at ``text[at]``
    of UTF-8, or 0: ASCII's six and U+001C-U+001F, U+0085, U+00A0, U+1680, U+2000-U+200A,
    U+2028, U+2029, U+202F, U+205F and U+3000."""
    cdef unsigned char c = text[at], d, e
    if c == 32 or 9 <= c <= 13 or 28 <= c <= 31:
        return 1
    if c == 0xC2:
        if at + 1 < size and (text[at + 1] == 0x85 or text[at + 1] == 0xA0):
            return 2
        return 0
    if c < 0xE1 or c > 0xE3 or at + 2 >= size:
        return 0
    d, e = text[at + 1], text[at + 2]
    if c == 0xE1:
        return 3 if d == 0x9A and e == 0x80 else 0
    if c == 0xE3:
        return 3 if d == 0x80 and e == 0x80 else 0
    if d == 0x80:  # U+2000-U+203F
        return 3 if e <= 0x8A or e == 0xA8 or e == 0xA9 or e == 0xAF else 0
    return 3 if d == 0x81 and e == 0x9F else 0


cdef Py_ssize_t collapse_utf8(char* data, Py_ssize_t size) noexcept nogil:
    """``render.spaces.collapse`` on UTF-8 in place: every run of whitespace made one
    space, the ends stripped; returns the new size. No string per word, so a 60 MB block
    costs no more memory than its bytes."""
    cdef const unsigned char* text = <const unsigned char*>data
    cdef Py_ssize_t at = 0, out = 0, width
    cdef bint pending = False  # a run of whitespace since the last word
    while at < size:
        width = _space_at(text, at, size)
        if width:
            pending = out > 0
            at += width
            continue
        if pending:
            data[out] = 32
            out += 1
            pending = False
        data[out] = data[at]
        out += 1
        at += 1
    return out


cdef str collapsed_text_of(_Buffer buffer, tree.xmlNode* c_top):
    """``collapse(text_of(...))`` without the intermediate string."""
    text_of_bytes(buffer, c_top)
    return collapsed(buffer)


def collapse_and_strip(str text):
    """``(collapse(text), len(text.strip()))`` by way of ``collapse_utf8`` and
    ``stripped_length`` (for the parity tests; ``text`` holds no NUL)."""
    cdef _Buffer buffer = _Buffer()
    buffer.append(text.encode("utf-8"))
    cdef Py_ssize_t length = stripped_length(buffer, 0)
    return collapsed(buffer), length


cdef Py_ssize_t append_run(_Buffer buffer, tree.xmlNode* c_node) except -1:
    """Append the run of text and CDATA nodes from ``c_node`` on (XInclude marks skipped):
    what lxml's ``textOf`` (from a first child) or ``tailOf`` (from a next sibling) reads.
    Returns where the run starts in the buffer; it ends at ``buffer.size``."""
    cdef Py_ssize_t start = buffer.size
    while c_node is not NULL:
        if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
            if c_node.content is not NULL:
                buffer.append(<const char*>c_node.content)
        elif c_node.type != tree.XML_XINCLUDE_START and c_node.type != tree.XML_XINCLUDE_END:
            break
        c_node = c_node.next
    return start


cdef Py_ssize_t stripped_length(_Buffer buffer, Py_ssize_t start) noexcept:
    """``len(piece.strip())`` of the UTF-8 piece from ``start`` to the buffer's end."""
    cdef const unsigned char* text = <const unsigned char*>buffer.data
    cdef Py_ssize_t at = start, first = -1, last = start, width, count = 0
    while at < buffer.size:
        width = _space_at(text, at, buffer.size)
        if width:
            at += width
            continue
        if first < 0:
            first = at
        at += 1
        last = at
    if first < 0:
        return 0
    for at in range(first, last):
        count += (text[at] & 0xC0) != 0x80  # a code point starts here
    return count


cdef str collapsed(_Buffer buffer):
    """The buffer's UTF-8, whitespace collapsed (``collapse_utf8``), as a string."""
    return PyUnicode_DecodeUTF8(buffer.data, collapse_utf8(buffer.data, buffer.size), NULL)
