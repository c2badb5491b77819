# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of the front stages' walks (repair), beside the selection's
(``_passes.pyx``), read-only over libxml2's structs through lxml's public C API; and of
the repair stage's hottest arithmetic (the bigram model's language guess and costs)."""

import array

cimport cpython.array as array
from cpython.mem cimport PyMem_Calloc, PyMem_Free
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uint64_t
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

cetree.import_lxml__etree()


cdef bint _is_text(tree.xmlNode* c_node) noexcept:
    return c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE


cdef bint _ascii(const unsigned char* text, size_t length) noexcept:
    """Whether the ``length`` bytes at ``text`` are ASCII: eight bytes a step, 32 between
    checks (a byte at a time was most of the walk: script text is most of a page)."""
    cdef size_t i = 0
    cdef uint64_t word, seen = 0
    while i + 32 <= length:
        for _ in range(4):
            memcpy(&word, text + i, 8)
            seen |= word
            i += 8
        if seen & 0x8080808080808080ULL:
            return False
    while i + 8 <= length:
        memcpy(&word, text + i, 8)
        seen |= word
        i += 8
    if seen & 0x8080808080808080ULL:
        return False
    while i < length:
        if text[i] >= 128:
            return False
        i += 1
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
    result is wanted, so an ASCII one is ``None`` too (and is never copied)."""
    cdef tree.xmlNode* c_first = c_node
    cdef bint foreign = False
    cdef const char* content
    while c_node is not NULL and _is_text(c_node):
        content = <const char*>c_node.content
        if content is not NULL and not _ascii(<const unsigned char*>content, strlen(content)):
            foreign = True
            break
        c_node = c_node.next
    if not foreign:
        return None
    cdef bytes joined = b""
    c_node = c_first
    while c_node is not NULL and _is_text(c_node):
        if c_node.content is not NULL:
            joined += <bytes>(<const char*>c_node.content)
        c_node = c_node.next
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
    cdef size_t length
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
            if text is not NULL:
                length = strlen(text)
                if not _ascii(<const unsigned char*>text, length):
                    found.append(PyUnicode_DecodeUTF8(text, length, NULL))
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


def letter_costs(str folded, dict rows, Py_ssize_t width):
    """The twin of ``bigrams._letter_costs``: for each of ``width`` languages, the sum
    over the letters of ``folded`` (in the order they first appear) of the letter's count
    times its bits in that language, ``rows[letter]`` holding them (NaN where the language
    does not use the letter: skipped, as the reference skips it). The same additions in
    the same order as the reference: the same doubles."""
    cdef dict counts = {}
    cdef Py_UCS4 char
    cdef Py_ssize_t i, n
    cdef double bits
    cdef array.array row
    cdef array.array costs = array.array("d", bytes(8 * width))
    cdef double* total = costs.data.as_doubles
    for char in folded:
        if char.isalpha():
            counts[char] = counts.get(char, 0) + 1
    for key, count in counts.items():
        found = rows.get(key)
        if found is None:
            continue
        row = <array.array>found
        n = count
        for i in range(width):
            bits = row.data.as_doubles[i]
            if bits == bits:
                total[i] += n * bits
    return costs.tolist()


cdef struct _Slot:
    uint64_t key  # 0: empty
    double value


cdef class _CostMap:
    """Doubles keyed by one or two code points: open addressing, no Python object per
    lookup (the reference builds a string per bigram and hashes it)."""
    cdef _Slot* slots
    cdef uint64_t mask

    def __cinit__(self, dict entries, int width):
        cdef uint64_t size = 8
        cdef uint64_t key
        cdef str text
        while size < 2 * len(entries) + 8:
            size *= 2
        self.slots = <_Slot*>PyMem_Calloc(size, sizeof(_Slot))
        if self.slots is NULL:
            raise MemoryError()
        self.mask = size - 1
        for text, value in entries.items():
            if len(text) != width:
                continue  # never asked for: the reference looks up strings of ``width``
            key = _key(text, width)
            self._put(key, value)

    def __dealloc__(self):
        PyMem_Free(self.slots)

    cdef void _put(self, uint64_t key, double value) noexcept:
        cdef uint64_t at = _spread(key) & self.mask
        while self.slots[at].key != 0 and self.slots[at].key != key:
            at = (at + 1) & self.mask
        self.slots[at].key = key
        self.slots[at].value = value

    cdef inline bint get(self, uint64_t key, double* value) noexcept:
        cdef uint64_t at = _spread(key) & self.mask
        while self.slots[at].key != 0:
            if self.slots[at].key == key:
                value[0] = self.slots[at].value
                return True
            at = (at + 1) & self.mask
        return False


cdef inline uint64_t _spread(uint64_t key) noexcept:
    key ^= key >> 29
    key *= 0xBF58476D1CE4E5B9ULL
    key ^= key >> 32
    return key


cdef inline uint64_t _pair(Py_UCS4 prev, Py_UCS4 char) noexcept:
    return (((<uint64_t>prev) << 21) | (<uint64_t>char)) + 1


cdef uint64_t _key(str text, int width):
    cdef Py_UCS4 first = text[0]
    cdef Py_UCS4 second
    if width == 1:
        return (<uint64_t>first) + 1
    second = text[1]
    return _pair(first, second)


cdef class BigramCosts:
    """The twin of ``bigrams._Table.bits`` for one language's table: the same costs
    (``pairs``, else ``unigram`` of the character, ``unseen`` when absent, plus ``backoff``
    of the one before, 0 when absent), added in the same order."""
    cdef _CostMap pairs, unigram, backoff
    cdef double unseen

    def __init__(self, dict pairs, dict unigram, dict backoff, double unseen):
        self.pairs = _CostMap(pairs, 2)
        self.unigram = _CostMap(unigram, 1)
        self.backoff = _CostMap(backoff, 1)
        self.unseen = unseen

    def bits(self, str folded, double limit):
        """Bits of ``folded``; stops past ``limit`` (the reading has lost already)."""
        cdef double total = 0.0
        cdef Py_UCS4 prev = u" "
        cdef Py_UCS4 char
        for char in folded:
            total += _bigram_bits(self, prev, char)
            if total > limit:
                return total
            prev = char
        return total

    def foreign_bits(self, str folded):
        """Mean bits of the bigrams that touch a non-ASCII letter, a symbol or a
        control (``#``, ``\\x00``, ``\\x01`` as folded): ``_Table.foreign_bits``."""
        cdef double total = 0.0
        cdef Py_ssize_t count = 0
        cdef Py_UCS4 prev = u" "
        cdef Py_UCS4 char
        cdef bint foreign, was_foreign = False
        for char in folded:
            foreign = char >= 0x80 or char == u"#" or char == 0 or char == 1
            if foreign or was_foreign:
                total += _bigram_bits(self, prev, char)
                count += 1
            prev = char
            was_foreign = foreign
        return total / count if count else 0.0


cdef inline double _bigram_bits(BigramCosts table, Py_UCS4 prev, Py_UCS4 char):
    """One bigram's bits, as ``bits`` and ``foreign_bits`` add them: ``pairs``, else the
    character's ``unigram`` (``unseen`` when absent) plus ``backoff`` of the one before."""
    cdef double cost, extra
    if table.pairs.get(_pair(prev, char), &cost):
        return cost
    if not table.unigram.get((<uint64_t>char) + 1, &cost):
        cost = table.unseen
    if table.backoff.get((<uint64_t>prev) + 1, &extra):
        return cost + extra
    return cost + 0.0


def reader_costs(list used, dict rows, Py_ssize_t width):
    """The twin of ``bigrams._reader_costs``: for each language, the sum of the bits of
    the characters of ``used`` it uses (in the list's order; ``rows`` as for
    ``letter_costs``), and the languages in the order the sum first reached them (the
    reference's dict order, which breaks ties)."""
    cdef Py_ssize_t i
    cdef double bits
    cdef array.array row
    cdef array.array costs = array.array("d", bytes(8 * width))
    cdef double* total = costs.data.as_doubles
    cdef bytearray reached = bytearray(width)
    cdef list order = []
    for char in used:
        row = <array.array>rows[char]
        for i in range(width):
            bits = row.data.as_doubles[i]
            if bits == bits:
                if not reached[i]:
                    reached[i] = 1
                    order.append(i)
                    total[i] = 0.0 + bits
                else:
                    total[i] = total[i] + bits
    return costs.tolist(), order
