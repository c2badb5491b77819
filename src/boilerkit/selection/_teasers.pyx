# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of segmentation over the page table's lists (``segment.make_blocks``
and ``segment.sentences``): the per-block counting, with no Python call per block. The
parity tests hold each twin equal to its reference."""

from cpython.object cimport PyObject_GenericSetAttr



# -- segment: the blocks ---------------------------------------------------------------------


cdef inline bint _is_mark(Py_UCS4 c) noexcept:
    """The full stops of ``SENTENCE_END``'s character class."""
    return (
        c == u'.' or c == u'!' or c == u'?' or c == u'\u061f' or c == u'\u0964'
        or c == u'\u06d4' or c == u'\u1362' or c == u'\u3002' or c == u'\uff01'
        or c == u'\uff1f'
    )


cdef inline bint _is_wide_mark(Py_UCS4 c) noexcept:
    """The CJK full stops, which end a sentence wherever they stand."""
    return c == u'\u3002' or c == u'\uff01' or c == u'\uff1f'


cdef inline bint _is_quote(Py_UCS4 c) noexcept:
    return c == u'"' or c == u"'" or c == u'\u201d' or c == u'\u2019' or c == u'\u00bb'


cpdef Py_ssize_t sentences(str text):
    """``segment.sentences``: the matches of ``SENTENCE_END`` in ``text``. A mark ends a
    sentence before whitespace, a closing quote or the end, and a CJK mark also before
    anything but another CJK mark; what a match takes after its mark is never a mark, so
    the matches are the marks that pass and no match hides another."""
    cdef Py_ssize_t count = 0, at, length = len(text)
    cdef Py_UCS4 c, d
    for at in range(length):
        c = text[at]
        if not _is_mark(c):
            continue
        if at + 1 == length:
            count += 1
            continue
        d = text[at + 1]
        if (_is_wide_mark(c) and not _is_wide_mark(d)) or d.isspace() or _is_quote(d):
            count += 1
    return count


def make_blocks(list rows, elements, list tags, type block):
    """``segment.make_blocks``: a ``block`` (``Block``) for every (element index, text,
    link chars) row of the table, its sentences counted here. The fields are set as the
    dataclass's own ``__init__`` sets them (``object.__setattr__``), without its call."""
    cdef Py_ssize_t position = 0, index
    cdef list found = []
    new = block.__new__
    for row in rows:
        index = row[0]
        text = row[1]
        made = new(block)
        PyObject_GenericSetAttr(made, "index", position)
        PyObject_GenericSetAttr(made, "node", index)
        PyObject_GenericSetAttr(made, "elements", elements)
        PyObject_GenericSetAttr(made, "text", text)
        PyObject_GenericSetAttr(made, "link_chars", row[2])
        PyObject_GenericSetAttr(made, "sentences", sentences(text))
        PyObject_GenericSetAttr(made, "tag", tags[index])
        PyObject_GenericSetAttr(made, "chars", len(text))
        found.append(made)
        position += 1
    return tuple(found)
