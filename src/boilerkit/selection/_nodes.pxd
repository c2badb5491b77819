"""Reading libxml2's node tree from Cython: the nodes ``Element.iter()`` yields and how to
step between them, shared by ``_walk.pyx`` and ``_passes.pyx``. Read-only, struct fields
only (lxml links libxml2 statically: its functions are not callable from here)."""

from cpython.mem cimport PyMem_Malloc
from lxml.includes cimport tree


cdef inline bint is_node(tree.xmlNode* c_node) noexcept nogil:
    """The nodes ``Element.iter()`` yields: elements, comments, PIs, entity references."""
    return (
        c_node.type == tree.XML_ELEMENT_NODE
        or c_node.type == tree.XML_COMMENT_NODE
        or c_node.type == tree.XML_ENTITY_REF_NODE
        or c_node.type == tree.XML_PI_NODE
    )


cdef inline tree.xmlNode* first_child(tree.xmlNode* c_node) noexcept nogil:
    """An element's first child node of those kinds (none below comments and the rest)."""
    if c_node.type != tree.XML_ELEMENT_NODE:
        return NULL
    cdef tree.xmlNode* child = c_node.children
    while child is not NULL and not is_node(child):
        child = child.next
    return child


cdef inline tree.xmlNode* next_sibling(tree.xmlNode* c_node) noexcept nogil:
    cdef tree.xmlNode* sibling = c_node.next
    while sibling is not NULL and not is_node(sibling):
        sibling = sibling.next
    return sibling


cdef inline tree.xmlNode* next_in_subtree_counting(
    tree.xmlNode* c_node, tree.xmlNode* c_root, Py_ssize_t* depth
) noexcept nogil:
    """``next_in_subtree``, keeping ``depth[0]`` as the level of the node returned: one
    more for each step down, one less for each step up (for walks that track levels)."""
    cdef tree.xmlNode* nxt = first_child(c_node)
    if nxt is not NULL:
        depth[0] += 1
        return nxt
    while c_node is not c_root:
        nxt = next_sibling(c_node)
        if nxt is not NULL:
            return nxt
        c_node = c_node.parent
        depth[0] -= 1
    return NULL


cdef inline tree.xmlNode* next_in_subtree(
    tree.xmlNode* c_node, tree.xmlNode* c_root
) noexcept nogil:
    """The node after ``c_node`` in document order below ``c_root`` (as ``iter()`` goes),
    or NULL when the subtree is done: the one step every walk over the tree takes."""
    cdef Py_ssize_t depth = 0  # not wanted here; the C compiler drops it
    return next_in_subtree_counting(c_node, c_root, &depth)


cdef inline void* alloc(Py_ssize_t size) except NULL:
    cdef void* memory = PyMem_Malloc(size if size > 0 else 1)
    if memory is NULL:
        raise MemoryError()
    return memory
