# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The page table's walk, compiled: the twin of ``page_table.reference_table``.

It reads libxml2's node structs read-only and calls only lxml's exported C API
(``textOf``, ``tailOf``, ``attributeValue``, ``namespacedName``, ``elementFactory``):
lxml links libxml2 statically, so libxml2's own functions cannot be called from here.
Each ``cdef`` function below mirrors the function of ``page_table`` with the same name;
``tests/test_page_table.py`` holds the two equal.
"""

from collections.abc import Mapping, Sequence

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

cetree.import_lxml__etree()

cdef extern from "Python.h":
    Py_ssize_t PyList_GET_SIZE(object)


cdef inline bint _is_node(tree.xmlNode* c_node) noexcept nogil:
    """The nodes ``Element.iter()`` yields: elements, comments, PIs, entity references."""
    return (
        c_node.type == tree.XML_ELEMENT_NODE
        or c_node.type == tree.XML_COMMENT_NODE
        or c_node.type == tree.XML_ENTITY_REF_NODE
        or c_node.type == tree.XML_PI_NODE
    )


cdef inline tree.xmlNode* _first_child(tree.xmlNode* c_node) noexcept nogil:
    if c_node.type != tree.XML_ELEMENT_NODE:
        return NULL
    cdef tree.xmlNode* child = c_node.children
    while child is not NULL and not _is_node(child):
        child = child.next
    return child


cdef inline tree.xmlNode* _next_sibling(tree.xmlNode* c_node) noexcept nogil:
    cdef tree.xmlNode* sibling = c_node.next
    while sibling is not NULL and not _is_node(sibling):
        sibling = sibling.next
    return sibling


cdef class _Buffer:
    """A growable byte buffer for joining text nodes before one UTF-8 decode."""

    cdef char* data
    cdef Py_ssize_t size
    cdef Py_ssize_t capacity

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

    cdef cetree._Document _doc
    cdef object _root
    cdef tree.xmlNode** _nodes
    cdef Py_ssize_t _count
    cdef list _proxies
    cdef dict _positions
    cdef _Buffer _buffer

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
        return " ".join(text_of(self._buffer, self._nodes[index]).split())

    cdef int position(self, element) except -2:
        """The index of ``element``, or -1 when it is not a node of this page."""
        if not isinstance(element, cetree._Element):
            return -1
        if self._positions is None:
            self._positions = {<size_t>self._nodes[i]: i for i in range(self._count)}
        return self._positions.get(<size_t>(<cetree._Element>element)._c_node, -1)


cdef class IndexOf:
    """``element -> index`` over ``Elements``, found by the node's address (no proxies)."""

    cdef Elements _elements

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


cdef class _Walk:
    """One page's walk: the C arrays and the Python lists it fills."""

    cdef tree.xmlNode** nodes
    cdef int* parent
    cdef int* end
    cdef int* depth
    cdef char* is_link
    cdef char* inside
    cdef char* is_owner
    cdef int* nested
    cdef int* link_prefix
    cdef Py_ssize_t count
    cdef list tags
    cdef list outer
    cdef _Buffer buffer

    def __dealloc__(self):
        PyMem_Free(self.parent)
        PyMem_Free(self.end)
        PyMem_Free(self.depth)
        PyMem_Free(self.is_link)
        PyMem_Free(self.inside)
        PyMem_Free(self.is_owner)
        PyMem_Free(self.nested)
        PyMem_Free(self.link_prefix)


cdef Py_ssize_t _count_nodes(tree.xmlNode* c_root) noexcept nogil:
    """How many nodes ``iter()`` yields below and including ``c_root``."""
    cdef Py_ssize_t count = 0
    cdef tree.xmlNode* c_node = c_root
    cdef tree.xmlNode* nxt
    while True:
        count += 1
        nxt = _first_child(c_node)
        if nxt is not NULL:
            c_node = nxt
            continue
        while c_node is not c_root:
            nxt = _next_sibling(c_node)
            if nxt is not NULL:
                break
            c_node = c_node.parent
        if c_node is c_root:
            return count
        c_node = nxt


cdef void* _alloc(Py_ssize_t size) except NULL:
    cdef void* memory = PyMem_Malloc(size if size > 0 else 1)
    if memory is NULL:
        raise MemoryError()
    return memory


cdef int _walk_nodes(_Walk walk, tree.xmlNode* c_root) except -1:
    """Number the nodes in document order: parent, subtree end and depth of each
    (``reference_table``'s ``iter``/``getparent`` lists)."""
    cdef Py_ssize_t index = 0, level = 0
    cdef tree.xmlNode* c_node = c_root
    cdef tree.xmlNode* nxt
    cdef int* open_at = <int*>_alloc(sizeof(int) * walk.count)  # open element by depth
    try:
        while True:
            walk.nodes[index] = c_node
            walk.parent[index] = open_at[level - 1] if level > 0 else -1
            walk.depth[index] = level
            open_at[level] = index
            index += 1
            nxt = _first_child(c_node)
            if nxt is not NULL:
                level += 1
                c_node = nxt
                continue
            while True:
                walk.end[open_at[level]] = index
                if c_node is c_root:
                    return 0
                nxt = _next_sibling(c_node)
                if nxt is not NULL:
                    break
                c_node = c_node.parent
                level -= 1
            c_node = nxt
    finally:
        PyMem_Free(open_at)


cdef str _tag(tree.xmlNode* c_node, dict names):
    """An element's tag as lxml spells it; "" for comments, PIs and entity references.
    Names come from the parser's dictionary, so they are cached by address."""
    if c_node.type != tree.XML_ELEMENT_NODE:
        return ""
    if c_node.ns is not NULL and c_node.ns.href is not NULL:
        return cetree.namespacedName(c_node)
    key = <size_t>c_node.name
    name = names.get(key)
    if name is None:
        name = cetree.namespacedName(c_node)
        names[key] = name
    return <str>name


cdef int _attributes(
    _Walk walk, Py_ssize_t index, list classes, list ids, list roles, dict seen
) except -1:
    """The class, id and role of one element (each distinct value once per page) and
    whether it is an ``<a href>``: ``_attribute_values`` and ``_Links``."""
    cdef tree.xmlNode* c_node = walk.nodes[index]
    cdef tree.xmlAttr* c_attr = c_node.properties
    cdef bint is_a = walk.tags[index] == "a"
    cdef bint got_class = False, got_id = False, got_role = False
    while c_attr is not NULL:
        if c_attr.ns is NULL and c_attr.type == tree.XML_ATTRIBUTE_NODE:
            name = <const char*>c_attr.name
            if not got_class and strcmp(name, b"class") == 0:
                got_class = True
                value = cetree.attributeValue(c_node, c_attr)
                classes[index] = seen.setdefault(value, value)
            elif not got_id and strcmp(name, b"id") == 0:
                got_id = True
                value = cetree.attributeValue(c_node, c_attr)
                ids[index] = seen.setdefault(value, value)
            elif not got_role and strcmp(name, b"role") == 0:
                got_role = True
                value = cetree.attributeValue(c_node, c_attr)
                roles[index] = seen.setdefault(value, value)
            elif is_a and strcmp(name, b"href") == 0:
                walk.is_link[index] = 1
        c_attr = c_attr.next
    return 0


cdef Py_ssize_t _strip_len(object text):
    """``len(text.strip())``, 0 for None."""
    if text is None:
        return 0
    return len((<str>text).strip())


cdef Py_ssize_t _itertext_len(_Walk walk, Py_ssize_t start):
    """``sum(len(piece.strip()) for piece in element.itertext())``: the element's text,
    each descendant element's text and each descendant's tail."""
    cdef Py_ssize_t total = _strip_len(cetree.textOf(walk.nodes[start]))
    cdef Py_ssize_t index
    for index in range(start + 1, walk.end[start]):
        if walk.nodes[index].type == tree.XML_ELEMENT_NODE:
            total += _strip_len(cetree.textOf(walk.nodes[index]))
        if walk.nodes[index].type != tree.XML_ENTITY_REF_NODE:
            total += _strip_len(cetree.tailOf(walk.nodes[index]))
    return total


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


cdef Py_ssize_t link_text(_Walk walk, Py_ssize_t start, Py_ssize_t stop):
    """The link characters in ``range(start, stop)`` (``page_table.link_text``)."""
    cdef Py_ssize_t linked = 0, link
    for link in walk.outer:
        if link < start:
            continue
        if link >= stop:
            break
        if _first_child(walk.nodes[link]) is not NULL:
            linked += _itertext_len(walk, link)
        else:
            linked += _strip_len(cetree.textOf(walk.nodes[link]))
    return linked


cdef tuple own_text(_Walk walk, Py_ssize_t owner):
    """The text a block holds directly, and its link characters (``page_table.own_text``)."""
    cdef list pieces = []
    cdef Py_ssize_t linked = 0, index, stop = walk.end[owner], closed
    cdef list opened = []
    text = cetree.textOf(walk.nodes[owner])
    if text:
        pieces.append(text)
        if walk.inside[owner]:
            linked += _strip_len(text)
    index = owner + 1
    while index < stop or opened:
        while opened and (walk.end[<Py_ssize_t>opened[len(opened) - 1]] <= index or index >= stop):
            closed = opened.pop()
            tail = cetree.tailOf(walk.nodes[closed])
            if tail:
                pieces.append(tail)
                if walk.inside[walk.parent[closed]]:
                    linked += _strip_len(tail)
        if index >= stop:
            break
        if walk.is_owner[index]:
            tail = cetree.tailOf(walk.nodes[index])
            if tail:
                pieces.append(tail)
                if walk.inside[walk.parent[index]]:
                    linked += _strip_len(tail)
            index = walk.end[index]
            continue
        text = cetree.textOf(walk.nodes[index]) if walk.nodes[index].type == tree.XML_ELEMENT_NODE else None
        if text:
            pieces.append(text)
            if walk.inside[index]:
                linked += _strip_len(text)
        opened.append(index)
        index += 1
    return " ".join("".join(pieces).split()), linked


cdef list block_texts(_Walk walk, frozenset block_tags):
    """(element index, text, link chars) of every block with text
    (``page_table.block_texts``)."""
    cdef Py_ssize_t index, stop, linked
    cdef list owners = []
    cdef list found = []
    walk.nested[0] = 0
    for index in range(walk.count):
        is_block = walk.tags[index] in block_tags
        walk.nested[index + 1] = walk.nested[index] + is_block
        if is_block or index == 0:
            walk.is_owner[index] = 1
            owners.append(index)
    for index in owners:
        stop = walk.end[index]
        if walk.nested[stop] - walk.nested[index] == 1:
            text = " ".join(text_of(walk.buffer, walk.nodes[index]).split())
            if walk.inside[index]:
                linked = _itertext_len(walk, index)
            elif walk.link_prefix[stop] - walk.link_prefix[index] > 0:
                linked = link_text(walk, index, stop)
            else:
                linked = 0
        else:
            text, linked = own_text(walk, index)
        if text:
            found.append((index, text, min(linked, len(text))))
    return found


cdef list _subtree_sums(int* own, _Walk walk):
    """Each element's ``own`` count summed over its subtree (``page_table.subtree_sums``)."""
    cdef Py_ssize_t index
    cdef long long* prefix = <long long*>_alloc(sizeof(long long) * (walk.count + 1))
    try:
        prefix[0] = 0
        for index in range(walk.count):
            prefix[index + 1] = prefix[index] + own[index]
        return [prefix[walk.end[index]] - prefix[index] for index in range(walk.count)]
    finally:
        PyMem_Free(prefix)


cdef list _ints(int* values, Py_ssize_t count):
    return [values[index] for index in range(count)]


def compiled_table(root, frozenset block_tags, frozenset hint_tags):
    """The fields of ``page_table.PageTable`` for ``root``, in field order."""
    cdef cetree._Element element = <cetree._Element?>root
    cdef _Walk walk = _Walk()
    walk.buffer = _Buffer()
    cdef Py_ssize_t index, count, link
    count = _count_nodes(element._c_node)
    walk.count = count
    cdef tree.xmlNode** nodes = <tree.xmlNode**>_alloc(sizeof(tree.xmlNode*) * count)
    elements = Elements()
    (<Elements>elements)._nodes = nodes
    (<Elements>elements)._count = count
    (<Elements>elements)._doc = element._doc
    (<Elements>elements)._root = root
    (<Elements>elements)._proxies = [None] * count
    (<Elements>elements)._proxies[0] = root
    (<Elements>elements)._buffer = walk.buffer
    walk.nodes = nodes
    walk.parent = <int*>_alloc(sizeof(int) * count)
    walk.end = <int*>_alloc(sizeof(int) * count)
    walk.depth = <int*>_alloc(sizeof(int) * count)
    walk.is_link = <char*>_alloc(count)
    walk.inside = <char*>_alloc(count)
    walk.is_owner = <char*>_alloc(count)
    walk.nested = <int*>_alloc(sizeof(int) * (count + 1))
    walk.link_prefix = <int*>_alloc(sizeof(int) * (count + 1))
    for index in range(count):
        walk.is_link[index] = 0
        walk.inside[index] = 0
        walk.is_owner[index] = 0
    _walk_nodes(walk, element._c_node)
    cdef dict names = {}
    walk.tags = [_tag(nodes[index], names) for index in range(count)]
    cdef list classes = [None] * count
    cdef list ids = [None] * count
    cdef list roles = [None] * count
    cdef dict seen = {}
    cdef list hinted = []
    for index in range(count):
        if nodes[index].type == tree.XML_ELEMENT_NODE and nodes[index].properties is not NULL:
            _attributes(walk, index, classes, ids, roles, seen)
        if (
            walk.tags[index] in hint_tags
            or classes[index] is not None
            or ids[index] is not None
            or roles[index] is not None
        ):
            hinted.append(index)
    walk.outer = []
    walk.link_prefix[0] = 0
    for index in range(count):
        walk.link_prefix[index + 1] = walk.link_prefix[index] + walk.is_link[index]
        if walk.is_link[index] and not walk.inside[index]:
            walk.outer.append(index)
            for link in range(index, walk.end[index]):
                walk.inside[link] = 1
    blocks = block_texts(walk, block_tags)
    cdef int* chars = <int*>_alloc(sizeof(int) * count)
    cdef int* link_chars = <int*>_alloc(sizeof(int) * count)
    cdef int* is_link = <int*>_alloc(sizeof(int) * count)
    try:
        for index in range(count):
            chars[index] = 0
            link_chars[index] = 0
            is_link[index] = walk.is_link[index]
        for index, text, linked in blocks:
            chars[index] = len(text)
            link_chars[index] = linked
        return (
            elements,
            IndexOf(elements),
            walk.tags,
            _ints(walk.parent, count),
            _ints(walk.end, count),
            _ints(walk.depth, count),
            classes,
            ids,
            roles,
            hinted,
            _subtree_sums(is_link, walk),
            _subtree_sums(chars, walk),
            _subtree_sums(link_chars, walk),
            blocks,
        )
    finally:
        PyMem_Free(chars)
        PyMem_Free(link_chars)
        PyMem_Free(is_link)


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
    cdef tree.xmlNode* nxt
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
        nxt = _first_child(c_node)
        if nxt is not NULL:
            c_node = nxt
            continue
        while c_node is not c_root:
            nxt = _next_sibling(c_node)
            if nxt is not NULL:
                break
            c_node = c_node.parent
        if c_node is c_root:
            return found, h1_in_body, anchors, itemprops
        c_node = nxt


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
