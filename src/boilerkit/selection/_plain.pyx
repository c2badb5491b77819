# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled twin of render's plain text (``render.text.render_text``): the lines of
the content tree, read off libxml2's nodes in one walk with no element proxies, where
the Python walk made one per element and a block object per paragraph.

It reproduces ``blocks_to_text(walk(content, plain=True), plain=True)``: text and tails
gathered as lxml's ``.text`` and ``.tail`` read them, ``<br>`` as a cut, whitespace
collapsed per line (by ``spaces.collapse`` itself), ``- `` before the first line of a list
item. The rare structures keep their Python code, called with a proxy of their element:
data tables, code blocks and inline code (``special``). A namespaced element or an
entity reference gives ``None``: the caller walks in Python then. Read-only over
libxml2's structs, through lxml's public C API.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

from ._handles cimport _Buffer, append_run, collapse_utf8

cetree.import_lxml__etree()

# The roles of ``render.walk`` (its ``_BLOCK`` ... ``_SKIP``); the caller's table maps tag
# names (UTF-8 bytes) to them.
cdef enum:
    BLOCK, HEADING, LIST, ITEM, QUOTE, PRE, TABLE, RULE
    BREAK, LINK, IMAGE, EM, STRONG, DEL, CODE, SKIP

# Frames (``render.blocks.Frame``): only their kinds and whether an item's "- " was given
# matter to plain text.
cdef enum:
    F_LIST, F_QUOTE, F_ITEM, F_ITEM_SEEN


cdef class _Lines:
    """The walk's state: the raw text of the block under way (UTF-8, its ``<br>`` cuts as
    offsets), the frames it sits in and the lines made so far."""

    cdef _Buffer text
    cdef list cuts
    cdef list frames
    cdef list implicit
    cdef list lines
    cdef bint flat
    """A table cell's walk (``Builder(flat=True)``): every cut is a space, no frames."""

    def __cinit__(self):
        self.cuts = []
        self.frames = []
        self.implicit = []
        self.lines = []
        self.text = _Buffer()

    cdef int flush(self) except -1:
        """End the block under way: its non-empty collapsed lines (``walk.plain_content``);
        in a cell, a space."""
        if self.flat:
            return self.text.append(" ")
        if self.text.size == 0 and not self.cuts:
            return 0
        cdef list lines = []
        cdef Py_ssize_t start = 0, end, size
        for cut in self.cuts + [self.text.size]:
            end = cut
            size = collapse_utf8(self.text.data + start, end - start)
            if size:
                lines.append(PyUnicode_DecodeUTF8(self.text.data + start, size, NULL))
            start = end
        self.text.size = 0
        self.cuts = []
        self.emit(lines)
        return 0

    cdef int emit(self, list lines) except -1:
        """A block's lines, "- " before them when they open a list item
        (``text._starts_item``: every item they sit in is then given its mark)."""
        if not lines:
            return 0
        cdef bint starts = False
        cdef Py_ssize_t i
        for i in range(len(self.frames)):
            if self.frames[i] == F_ITEM:
                self.frames[i] = F_ITEM_SEEN
                starts = True
        if starts:
            lines[0] = "- " + lines[0]
        self.lines.extend(lines)
        return 0


cdef inline bint _is_node(tree.xmlNode* c_node) noexcept:
    """The nodes ``iterwalk`` visits: elements, comments, PIs, entity references."""
    return (
        c_node.type == tree.XML_ELEMENT_NODE
        or c_node.type == tree.XML_COMMENT_NODE
        or c_node.type == tree.XML_ENTITY_REF_NODE
        or c_node.type == tree.XML_PI_NODE
    )


cdef inline tree.xmlNode* _next_node(tree.xmlNode* c_node) noexcept:
    while c_node is not NULL and not _is_node(c_node):
        c_node = c_node.next
    return c_node


cdef int _role(tree.xmlNode* c_node, dict roles) except -2:
    """The element's role in the walk, -1 for a transparent one."""
    role = roles.get(<bytes>c_node.name)
    return -1 if role is None else <int>role


def plain_lines(root, dict roles, check, special, bint flat=False):
    """The lines of ``root``'s plain text, or ``None`` (the caller walks in Python).

    ``roles``: ``walk.PLAIN_ROLES`` by UTF-8 name; ``check``: the budget's check, called
    as the Python walk calls it (at each block element); ``special(kind, element)``: the
    Python walk's lines of a data table (``None`` for a layout table, walked on here) or
    a code block (lists of lines, one per block), or the raw text of inline code.
    ``flat``: ``root`` is a table cell, whose text is one line (``Builder.cell``).
    """
    cdef cetree._Element element = <cetree._Element?>root
    cdef tree.xmlNode* c_root = element._c_node
    cdef tree.xmlNode* c_node = c_root
    cdef tree.xmlNode* c_next
    cdef _Lines out = _Lines()
    cdef int role
    cdef bint descend
    out.flat = flat
    while True:
        # -- the start of ``c_node`` ("start", or "comment"/"pi": nothing but the tail)
        descend = False
        if c_node.type == tree.XML_ENTITY_REF_NODE:
            return None
        if c_node.type == tree.XML_ELEMENT_NODE:
            if c_node.ns is not NULL:
                return None
            role = _role(c_node, roles)
            descend = True
            if role == BLOCK:
                check("render")
                out.flush()
            elif role >= 0:
                descend = _start(out, c_node, role, element, special)
            if descend:
                append_run(out.text, c_node.children)
        c_next = _next_node(c_node.children) if descend else NULL
        if c_next is not NULL:
            c_node = c_next
            continue
        # -- the end of ``c_node``, and of each ancestor it was the last child of
        while True:
            if c_node.type == tree.XML_ELEMENT_NODE:
                _end(out, c_node, _role(c_node, roles))
            if c_node is c_root:
                if flat:
                    out.text.size = collapse_utf8(out.text.data, out.text.size)
                    return (
                        [PyUnicode_DecodeUTF8(out.text.data, out.text.size, NULL)]
                        if out.text.size
                        else []
                    )
                out.flush()
                return out.lines
            append_run(out.text, c_node.next)
            c_next = _next_node(c_node.next)
            if c_next is not NULL:
                c_node = c_next
                break
            c_node = c_node.parent


cdef bint _start(
    _Lines out, tree.xmlNode* c_node, int role, cetree._Element root, special
) except -1:
    """``_Builder.start`` for the structures (a block element aside); whether to walk
    into ``c_node``."""
    if role == SKIP:
        return False
    if role == BREAK:
        if out.flat:
            out.text.append(" ")
        else:
            out.cuts.append(out.text.size)
        return False
    if role == CODE or (role == PRE and out.flat):
        raw = (<str>special("code", cetree.elementFactory(root._doc, c_node))).encode("utf-8")
        out.text.extend(<const char*>raw, len(raw))
        return False
    if out.flat and role <= RULE:  # a structure in a cell is a space (its text goes on)
        out.flush()
        return role != RULE
    if role == TABLE or role == PRE:
        blocks = special("table" if role == TABLE else "pre", cetree.elementFactory(root._doc, c_node))
        out.flush()
        if blocks is None:  # a layout table: walked like nested blocks
            return True
        for lines in blocks:
            out.emit(lines)
        return False
    if role > RULE:
        return True  # (links, images and emphasis are not in a plain walk's roles)
    out.flush()
    if role == LIST:
        out.frames.append(F_LIST)
    elif role == QUOTE:
        out.frames.append(F_QUOTE)
    elif role == ITEM:
        if not out.frames or out.frames[len(out.frames) - 1] != F_LIST:
            out.frames.append(F_LIST)  # an <li> outside any list
            out.implicit.append(<size_t>c_node)
        out.frames.append(F_ITEM)
    elif role == RULE:
        return False
    return True


cdef int _end(_Lines out, tree.xmlNode* c_node, int role) except -1:
    """``_Builder.end`` (and the flush after a block element)."""
    if role == BLOCK or role == TABLE:
        out.flush()
    elif role == HEADING or role == LIST or role == ITEM or role == QUOTE:
        out.flush()
        if role == HEADING or out.flat:
            return 0
        out.frames.pop()
        if role == ITEM and out.implicit and out.implicit[len(out.implicit) - 1] == <size_t>c_node:
            out.implicit.pop()
            out.frames.pop()
    return 0


# -- parse's scan of the page's bytes (twin: ``page.parse.reference_scan``) ----------------

# What a byte may start: 1 a "<", 2 a "class=", 3 a C0 control XML forbids, 4 a
# character reference, 5 U+FFFE or U+FFFF (EF BF BE/BF).
cdef unsigned char[256] _STARTS
for _byte in range(256):
    _STARTS[_byte] = 0
for _byte in range(0x20):
    if _byte not in (0x09, 0x0A, 0x0D):
        _STARTS[_byte] = 3
_STARTS[ord("<")] = 1
_STARTS[ord("c")] = 2
_STARTS[ord("&")] = 4
_STARTS[0xEF] = 5


cdef inline int _digit(unsigned char c, bint hexadecimal) noexcept:
    """The value of ``c`` as a digit (hexadecimal: any case), or -1."""
    if 48 <= c <= 57:
        return c - 48
    if hexadecimal:
        c |= 0x20
        if 97 <= c <= 102:
            return c - 87
    return -1


cdef bint _forbidden_reference(const unsigned char* data, Py_ssize_t at, Py_ssize_t size) noexcept:
    """Whether ``&#`` at ``at`` starts a reference to a character XML forbids, as
    ``parse._NOT_XML_REF`` reads one: the whole run of digits after it (leading zeros
    aside) is 1-8, 11, 12, 14-31, 65534 or 65535."""
    cdef Py_ssize_t i = at + 2
    cdef bint hexadecimal = False
    cdef long value = 0
    cdef int digit
    if i < size and (data[i] == 120 or data[i] == 88):  # x, X
        hexadecimal = True
        i += 1
    while i < size:
        digit = _digit(data[i], hexadecimal)
        if digit < 0:
            break
        if value <= 0xFFFFF:  # past it, the value is too large to be forbidden: stays so
            value = value * (16 if hexadecimal else 10) + digit
        i += 1
    return (1 <= value <= 8 or value == 11 or value == 12 or 14 <= value <= 31
            or value == 0xFFFE or value == 0xFFFF)


def scan_markup(bytes data):
    """(``<`` count, ``class=`` count, whether ``data`` holds what ``to_utf8`` changes: a
    C0 control XML forbids, U+FFFE/U+FFFF, a character reference to one) in one pass over
    the page's UTF-8, where the pre-CSS test's two counts and the parse stage's three
    searches each read the whole page."""
    cdef const unsigned char* p = <const unsigned char*> data
    cdef Py_ssize_t size = len(data), i
    cdef Py_ssize_t tags = 0, classes = 0
    cdef bint unsafe = False
    cdef unsigned char kind
    for i in range(size):
        kind = _STARTS[p[i]]
        if kind == 0:
            continue
        if kind == 1:
            tags += 1
        elif kind == 2:
            if (i + 6 <= size and p[i + 1] == 108 and p[i + 2] == 97 and p[i + 3] == 115
                    and p[i + 4] == 115 and p[i + 5] == 61):  # "lass="
                classes += 1
        elif kind == 3:
            unsafe = True
        elif kind == 4:
            if not unsafe and i + 1 < size and p[i + 1] == 35 and _forbidden_reference(p, i, size):
                unsafe = True
        elif i + 2 < size and p[i + 1] == 0xBF and (p[i + 2] == 0xBE or p[i + 2] == 0xBF):
            unsafe = True
    return tags, classes, unsafe
