# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The handles of the page table's compiled walk (``_walk.pyx``): the page's nodes by
index (``Elements``: a proxy made on first access, then kept), a node's index by element
(``IndexOf``, by the node's address) and the text below a node (``text_of``, the twin of
``page_table.text_of``), joined in a byte buffer and decoded once."""

from collections.abc import Mapping, Sequence

from ..render.spaces import collapse  # bounded memory on a 60 MB text (12x in split)

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
        cdef Py_ssize_t length = strlen(text)
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
        return collapse(text_of(self._buffer, self._nodes[index]))

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


cdef str text_of(_Buffer buffer, tree.xmlNode* c_top):
    """All the text and CDATA below an element, as libxml2's text serializer joins it
    (``page_table.text_of``): comments and processing instructions hold none."""
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
    return PyUnicode_DecodeUTF8(buffer.data, buffer.size, NULL)
