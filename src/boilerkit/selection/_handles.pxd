"""The handles the compiled walk gives Python (see ``_handles.pyx``), declared for the
modules that fill them."""

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree


cdef class _Buffer:
    cdef char* data
    cdef Py_ssize_t size
    cdef Py_ssize_t capacity
    cdef int append(self, const char* text) except -1
    cdef int extend(self, const char* text, Py_ssize_t length) except -1


cdef class Elements:
    cdef cetree._Document _doc
    cdef object _root
    cdef tree.xmlNode** _nodes
    cdef Py_ssize_t _count
    cdef list _proxies
    cdef dict _positions
    cdef _Buffer _buffer
    cdef int position(self, element) except -2


cdef class IndexOf:
    cdef Elements _elements


cdef dict attributes_of(tree.xmlNode* c_node, frozenset names)
cdef str text_of(_Buffer buffer, tree.xmlNode* c_top)
cdef str collapsed_text_of(_Buffer buffer, tree.xmlNode* c_top)
cdef Py_ssize_t append_run(_Buffer buffer, tree.xmlNode* c_node) except -1
cdef Py_ssize_t stripped_length(_Buffer buffer, Py_ssize_t start) noexcept
cdef str collapsed(_Buffer buffer)
cdef Py_ssize_t collapse_utf8(char* data, Py_ssize_t size) noexcept nogil
