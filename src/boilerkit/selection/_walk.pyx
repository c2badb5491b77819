# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The page table's walk, compiled: the twin of ``page_table.reference_table``.

It reads libxml2's node structs read-only and calls only lxml's exported C API
(``textOf``, ``tailOf``, ``attributeValue``, ``namespacedName``, ``elementFactory``):
lxml links libxml2 statically, so libxml2's own functions cannot be called from here.
Each ``cdef`` function below mirrors the function of ``page_table`` with the same name;
``tests/test_page_table.py`` holds the two equal.
"""

from cpython.mem cimport PyMem_Free
from cpython.unicode cimport PyUnicode_1BYTE_DATA
from libc.string cimport memcmp, memcpy, memset, strcmp

import re

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

from ._handles cimport (
    Elements,
    IndexOf,
    _Buffer,
    append_run,
    collapsed,
    collapsed_text_of,
    stripped_length,
)
from ._nodes cimport (
    alloc as _alloc,
    first_child as _first_child,
    next_in_subtree as _next_in_subtree,
    next_sibling as _next_sibling,
)

cetree.import_lxml__etree()

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)


cdef class _Words:
    """``page_table.HINT_WORDS`` as C strings, grouped by their first letter."""

    cdef tuple source
    cdef char* data  # the words back to back
    cdef Py_ssize_t* start  # where each word starts in data
    cdef Py_ssize_t* length
    cdef Py_ssize_t first[129]  # the words beginning with letter c: first[c] to first[c + 1]
    cdef unsigned char pairs[128 * 16]  # bit d of row c: a word begins with c, then d
    cdef unsigned char alone[128]  # a word is the letter c alone

    def __dealloc__(self):
        PyMem_Free(self.data)
        PyMem_Free(self.start)
        PyMem_Free(self.length)


cdef _Words _words = None


cdef _Words _word_table(tuple words):
    """The ``_Words`` of ``words`` (ASCII, lower case), built once per tuple."""
    global _words
    if _words is not None and _words.source is words:
        return _words
    _words = _build_words(words)
    return _words


cdef _Words _build_words(tuple words):
    """The ``_Words`` of ``words`` (ASCII, lower case)."""
    cdef _Words table = _Words()
    cdef list ordered = sorted(word.encode("ascii") for word in words)
    cdef Py_ssize_t index, size = sum(len(word) for word in ordered), at = 0, letter = 0
    cdef bytes word
    table.source = words
    memset(table.pairs, 0, sizeof(table.pairs))
    memset(table.alone, 0, sizeof(table.alone))
    table.data = <char*>_alloc(size)
    table.start = <Py_ssize_t*>_alloc(sizeof(Py_ssize_t) * len(ordered))
    table.length = <Py_ssize_t*>_alloc(sizeof(Py_ssize_t) * len(ordered))
    for index in range(len(ordered)):
        word = ordered[index]
        while letter <= <unsigned char>word[0]:
            table.first[letter] = index
            letter += 1
        if len(word) == 1:
            table.alone[<unsigned char>word[0]] = 1
        else:
            table.pairs[<unsigned char>word[0] * 16 + (<unsigned char>word[1] >> 3)] |= (
                1 << (<unsigned char>word[1] & 7)
            )
        table.start[index] = at
        table.length[index] = len(word)
        memcpy(table.data + at, <char*>word, len(word))
        at += len(word)
    while letter <= 128:
        table.first[letter] = len(ordered)
        letter += 1
    return table


cdef inline unsigned char _lower(unsigned char c) noexcept nogil:
    return c + 32 if 65 <= c <= 90 else c


cdef inline bint _may_begin(_Words words, unsigned char c, unsigned char d) noexcept:
    """Whether one of ``words`` may begin at letter ``c`` (below 128) followed by ``d`` (0
    at the end of the text): one bit read, so most positions try no word at all."""
    return words.alone[c] or (d < 128 and (words.pairs[c * 16 + (d >> 3)] >> (d & 7)) & 1)


cdef bint speaks(_Words words, str value):
    """Whether a class or id value may hint (``page_table.speaks``)."""
    if words.first[128] == 0 or not PyUnicode_IS_ASCII(value):
        return True
    cdef const unsigned char* text = PyUnicode_1BYTE_DATA(value)
    cdef Py_ssize_t size = len(value), at, word, offset
    cdef unsigned char c
    for at in range(size):
        c = _lower(text[at])
        if not _may_begin(words, c, _lower(text[at + 1]) if at + 1 < size else 0):
            continue
        for word in range(words.first[c], words.first[c + 1]):
            if at + words.length[word] > size:
                continue
            offset = 1
            while offset < words.length[word] and (
                _lower(text[at + offset]) == <unsigned char>words.data[words.start[word] + offset]
            ):
                offset += 1
            if offset == words.length[word]:
                return True
    return False


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
    cdef _Buffer counting  # for the lengths of text runs (``_run_length``)

    cdef int allocate(self, Py_ssize_t count) except -1:
        self.count = count
        self.buffer = _Buffer()
        self.counting = _Buffer()
        self.parent = <int*>_alloc(sizeof(int) * count)
        self.end = <int*>_alloc(sizeof(int) * count)
        self.depth = <int*>_alloc(sizeof(int) * count)
        self.is_link = <char*>_alloc(count)
        self.inside = <char*>_alloc(count)
        self.is_owner = <char*>_alloc(count)
        self.nested = <int*>_alloc(sizeof(int) * (count + 1))
        self.link_prefix = <int*>_alloc(sizeof(int) * (count + 1))
        memset(self.is_link, 0, count)
        memset(self.inside, 0, count)
        memset(self.is_owner, 0, count)
        return 0

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
    while c_node is not NULL:
        count += 1
        c_node = _next_in_subtree(c_node, c_root)
    return count


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


cdef list _tags(_Walk walk):
    """Each node's ``_tag``. A page has a few dozen distinct names, each at one address
    of the parser's dictionary: the names met so far are looked up by address in a C
    array, with no Python object made for the address."""
    cdef const tree.xmlChar* known[64]
    cdef list spelled = []
    cdef Py_ssize_t index, seen = 0, at
    cdef dict names = {}
    cdef list tags = [""] * walk.count
    cdef tree.xmlNode* c_node
    for index in range(walk.count):
        c_node = walk.nodes[index]
        if c_node.type != tree.XML_ELEMENT_NODE or (c_node.ns is not NULL and c_node.ns.href is not NULL):
            tags[index] = _tag(c_node, names)
            continue
        at = 0
        while at < seen and known[at] != c_node.name:
            at += 1
        if at < seen:
            tags[index] = spelled[at]
            continue
        name = _tag(c_node, names)
        if seen < 64:
            known[seen] = c_node.name
            spelled.append(name)
            seen += 1
        tags[index] = name
    return tags


cdef int _attributes(
    _Walk walk, Py_ssize_t index, list classes, list ids, list roles, dict seen, dict itemtypes
) except -1:
    """The class, id and role of one element (each distinct value once per page), its
    ``itemtype`` and whether it is an ``<a href>``: ``_attribute_values``, ``itemtypes``
    and ``_Links``. Returns 1 when its class or id ``speaks`` (``seen`` maps each value
    to whether it does)."""
    cdef int voiced = 0
    cdef tree.xmlNode* c_node = walk.nodes[index]
    cdef tree.xmlAttr* c_attr = c_node.properties
    cdef bint is_a = walk.tags[index] == "a"
    cdef bint got_class = False, got_id = False, got_role = False, got_type = False
    while c_attr is not NULL:
        if c_attr.ns is NULL and c_attr.type == tree.XML_ATTRIBUTE_NODE:
            name = <const char*>c_attr.name
            if not got_class and strcmp(name, b"class") == 0:
                got_class = True
                value = cetree.attributeValue(c_node, c_attr)
                classes[index], says = _seen(seen, value)
                voiced |= says
            elif not got_id and strcmp(name, b"id") == 0:
                got_id = True
                value = cetree.attributeValue(c_node, c_attr)
                ids[index], says = _seen(seen, value)
                voiced |= says
            elif not got_role and strcmp(name, b"role") == 0:
                got_role = True
                value = cetree.attributeValue(c_node, c_attr)
                roles[index] = _seen(seen, value)[0]
            elif not got_type and strcmp(name, b"itemtype") == 0:
                got_type = True
                itemtypes[index] = cetree.attributeValue(c_node, c_attr)
            elif is_a and strcmp(name, b"href") == 0:
                walk.is_link[index] = 1
        c_attr = c_attr.next
    return voiced


cdef tuple _seen(dict seen, str value):
    """The page's one string object for ``value``, and whether it ``speaks``."""
    found = seen.get(value)
    if found is None:
        found = (value, speaks(_words, value))
        seen[value] = found
    return <tuple>found


cdef Py_ssize_t _run_length(_Buffer buffer, tree.xmlNode* c_node) except -1:
    """``len(text.strip())`` of the run of text nodes from ``c_node`` on: of
    ``textOf(element)`` from its first child, of ``tailOf(node)`` from its next sibling
    (measured in UTF-8, no string made; 0 for no text)."""
    buffer.size = 0
    append_run(buffer, c_node)
    return stripped_length(buffer, 0)


cdef Py_ssize_t _itertext_len(_Walk walk, Py_ssize_t start) except -1:
    """``sum(len(piece.strip()) for piece in element.itertext())``: the element's text,
    each descendant element's text and each descendant's tail."""
    cdef _Buffer counting = walk.counting
    cdef Py_ssize_t total = _run_length(counting, walk.nodes[start].children)
    cdef Py_ssize_t index
    for index in range(start + 1, walk.end[start]):
        if walk.nodes[index].type == tree.XML_ELEMENT_NODE:
            total += _run_length(counting, walk.nodes[index].children)
        if walk.nodes[index].type != tree.XML_ENTITY_REF_NODE:
            total += _run_length(counting, walk.nodes[index].next)
    return total


cdef Py_ssize_t link_text(_Walk walk, Py_ssize_t start, Py_ssize_t stop):
    """The link characters in ``range(start, stop)`` (``page_table.link_text``)."""
    cdef Py_ssize_t linked = 0, link, low = 0, high = len(walk.outer), middle, position
    while low < high:  # bisect_left(outer, start), as the reference does
        middle = (low + high) // 2
        if <Py_ssize_t>walk.outer[middle] < start:
            low = middle + 1
        else:
            high = middle
    for position in range(low, len(walk.outer)):
        link = walk.outer[position]
        if link >= stop:
            break
        if _first_child(walk.nodes[link]) is not NULL:
            linked += _itertext_len(walk, link)
        else:
            linked += _run_length(walk.counting, walk.nodes[link].children)
    return linked


cdef tuple own_text(_Walk walk, Py_ssize_t owner):
    """The text a block holds directly, and its link characters (``page_table.own_text``):
    the pieces are joined as UTF-8 in the walk's buffer, each counted where it lies."""
    cdef _Buffer buffer = walk.buffer
    cdef Py_ssize_t linked = 0, index, stop = walk.end[owner], closed, start
    cdef list opened = []
    buffer.size = 0
    start = append_run(buffer, walk.nodes[owner].children)
    if walk.inside[owner]:
        linked += stripped_length(buffer, start)
    index = owner + 1
    while index < stop or opened:
        while opened and (walk.end[<Py_ssize_t>opened[len(opened) - 1]] <= index or index >= stop):
            closed = opened.pop()
            start = append_run(buffer, walk.nodes[closed].next)
            if walk.inside[walk.parent[closed]]:
                linked += stripped_length(buffer, start)
        if index >= stop:
            break
        if walk.is_owner[index]:
            start = append_run(buffer, walk.nodes[index].next)
            if walk.inside[walk.parent[index]]:
                linked += stripped_length(buffer, start)
            index = walk.end[index]
            continue
        if walk.nodes[index].type == tree.XML_ELEMENT_NODE:
            start = append_run(buffer, walk.nodes[index].children)
            if walk.inside[index]:
                linked += stripped_length(buffer, start)
        opened.append(index)
        index += 1
    return collapsed(buffer), linked


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
            text = collapsed_text_of(walk.buffer, walk.nodes[index])
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


cdef Elements _handles(cetree._Element root, Py_ssize_t count, _Buffer buffer):
    """The ``Elements`` of a page of ``count`` nodes (their addresses filled by the walk)."""
    cdef Elements elements = Elements()
    elements._nodes = <tree.xmlNode**>_alloc(sizeof(tree.xmlNode*) * count)
    elements._count = count
    elements._doc = root._doc
    elements._root = root
    elements._proxies = [None] * count
    elements._proxies[0] = root
    elements._buffer = buffer
    return elements


cdef tuple _markup(_Walk walk, frozenset hint_tags):
    """Each node's class, id and role, the nodes they (or a hint tag) may hint on, and
    the itemtypes: ``_attribute_values``, ``hinted`` and ``itemtypes`` of the reference."""
    cdef Py_ssize_t index, count = walk.count
    cdef list classes = [None] * count
    cdef list ids = [None] * count
    cdef list roles = [None] * count
    cdef dict seen = {}
    cdef list hinted = []
    cdef dict itemtypes = {}
    cdef int voiced
    for index in range(count):
        voiced = 0
        if walk.nodes[index].type == tree.XML_ELEMENT_NODE and walk.nodes[index].properties:
            voiced = _attributes(walk, index, classes, ids, roles, seen, itemtypes)
        if voiced or roles[index] is not None or walk.tags[index] in hint_tags:
            hinted.append(index)
    return classes, ids, roles, hinted, itemtypes


cdef int _mark_links(_Walk walk) except -1:
    """The outer links, the nodes inside a link, the link counts before each node:
    ``_Links`` of the reference (``is_link`` is set by ``_attributes``)."""
    cdef Py_ssize_t index, inner
    walk.outer = []
    walk.link_prefix[0] = 0
    for index in range(walk.count):
        walk.link_prefix[index + 1] = walk.link_prefix[index] + walk.is_link[index]
        if walk.is_link[index] and not walk.inside[index]:
            walk.outer.append(index)
            for inner in range(index, walk.end[index]):
                walk.inside[inner] = 1
    return 0


cdef tuple _measures(_Walk walk, list blocks):
    """The subtree sums of links, block characters and link characters."""
    cdef Py_ssize_t index, count = walk.count
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
            _subtree_sums(is_link, walk),
            _subtree_sums(chars, walk),
            _subtree_sums(link_chars, walk),
        )
    finally:
        PyMem_Free(chars)
        PyMem_Free(link_chars)
        PyMem_Free(is_link)


def compiled_table(root, frozenset block_tags, frozenset hint_tags, tuple hint_words):
    """The fields of ``page_table.PageTable`` for ``root``, in field order."""
    _word_table(hint_words)
    cdef cetree._Element element = <cetree._Element?>root
    cdef _Walk walk = _Walk()
    cdef Py_ssize_t index
    walk.allocate(_count_nodes(element._c_node))
    cdef Elements elements = _handles(element, walk.count, walk.buffer)
    walk.nodes = elements._nodes
    _walk_nodes(walk, element._c_node)
    walk.tags = _tags(walk)
    classes, ids, roles, hinted, itemtypes = _markup(walk, hint_tags)
    _mark_links(walk)
    blocks = block_texts(walk, block_tags)
    links, chars, link_chars = _measures(walk, blocks)
    return (
        elements,
        IndexOf(elements),
        walk.tags,
        _ints(walk.parent, walk.count),
        _ints(walk.end, walk.count),
        _ints(walk.depth, walk.count),
        classes,
        ids,
        roles,
        hinted,
        itemtypes,
        links,
        chars,
        link_chars,
        blocks,
    )


cdef bint _is_word(_Words words, const unsigned char* text, Py_ssize_t size) noexcept:
    """Whether ``text`` (a run of ``[a-z0-9]``, not empty) is one of ``words``."""
    cdef Py_ssize_t word
    for word in range(words.first[text[0]], words.first[text[0] + 1]):
        if words.length[word] == size and memcmp(words.data + words.start[word], text, size) == 0:
            return True
    return False


cdef _Words _exact_words(frozenset words):
    """The ``_Words`` of the members of ``words`` a cut word can equal (runs of
    ``[a-z0-9]``): no other member can be in ``words & cut``."""
    return _build_words(tuple(word for word in words if _RUN.fullmatch(word)))


_RUN = re.compile("[a-z0-9]+")


cdef class NameTest:
    """``score._name_hints`` compiled: what a class/id string says, by precedence. The
    words are cut from the text in one pass and looked up in C tables of the word sets,
    so a string is made only for a word found in one; each pattern is searched only when
    one of its literal beginnings (``page_table.literal_heads``) is in the text, since no
    match can begin elsewhere; equal hints are made once (they are frozen values). Text
    that is not ASCII (lower-casing it is no byte map) goes to ``fallback``, the
    reference."""

    cdef object hint, fallback
    cdef frozenset comment_words, negative_words, positive_words
    cdef frozenset framework_words, builder_words, dialog_words
    cdef _Words comment_table, negative_table, positive_table, framework_table, builder_table
    cdef object compound, furniture, strong, negative, forum
    cdef list heads  # a _Words per pattern (furniture, strong, negative, forum), or None
    cdef dict made  # (kind, detail, weak, firm) -> Hint

    def __init__(self, hint, tuple word_sets, tuple patterns, tuple heads, fallback):
        self.hint = hint
        self.fallback = fallback
        (
            self.comment_words, self.negative_words, self.positive_words,
            self.framework_words, self.builder_words, self.dialog_words,
        ) = word_sets
        self.comment_table = _exact_words(self.comment_words)
        self.negative_table = _exact_words(self.negative_words)
        self.positive_table = _exact_words(self.positive_words)
        self.framework_table = _exact_words(self.framework_words)
        self.builder_table = _exact_words(self.builder_words)
        self.compound, self.furniture, self.strong, self.negative, self.forum = patterns
        self.heads = [None if found is None else _build_words(found) for found in heads]
        self.made = {}

    cdef object _search(self, object pattern, Py_ssize_t which, str text):
        """``pattern.search(text)``: a match can begin only where one of its heads does,
        so the pattern is tried there alone, leftmost first (``match`` at a position sees
        the text before it as ``search`` does)."""
        cdef _Words heads = self.heads[which]
        if heads is None:
            return pattern.search(text)
        cdef const unsigned char* data = PyUnicode_1BYTE_DATA(text)
        cdef Py_ssize_t size = len(text), at, word, offset
        for at in range(size):
            if data[at] >= 128 or not _may_begin(
                heads, data[at], data[at + 1] if at + 1 < size else 0
            ):
                continue
            for word in range(heads.first[data[at]], heads.first[data[at] + 1]):
                if at + heads.length[word] > size:
                    continue
                offset = 1
                while offset < heads.length[word] and (
                    data[at + offset] == <unsigned char>heads.data[heads.start[word] + offset]
                ):
                    offset += 1
                if offset == heads.length[word]:
                    found = pattern.match(text, at)
                    if found is not None:
                        return found
                    break  # tried at this position: on to the next
        return None

    cdef object _hint(self, str kind, str detail, bint weak, bint firm):
        key = (kind, detail, weak, firm)
        found = self.made.get(key)
        if found is None:
            if len(self.made) >= 4096:  # details hold the words found: keep the memo small
                self.made.clear()
            found = self.hint(kind, detail, weak=weak, firm=firm)
            self.made[key] = found
        return found

    def hints(self, str names):
        """``_name_hints(names)``."""
        if not PyUnicode_IS_ASCII(names):
            return self.fallback(names)
        cdef str text = names.lower()
        cdef const unsigned char* data = PyUnicode_1BYTE_DATA(text)
        cdef Py_ssize_t size = len(text), at = 0, start
        cdef set comment_words = None, negatives = None, positives = None, builders = None
        cdef bint builder = False
        cdef bint is_comment, is_negative, is_positive, is_builder
        while at < size:  # WORD_SPLIT's words: the runs of [a-z0-9], each looked up in C
            if 97 <= data[at] <= 122 or 48 <= data[at] <= 57:
                start = at
                while at < size and (97 <= data[at] <= 122 or 48 <= data[at] <= 57):
                    at += 1
                if not builder and _is_word(self.framework_table, data + start, at - start):
                    builder = True
                is_comment = _is_word(self.comment_table, data + start, at - start)
                is_negative = _is_word(self.negative_table, data + start, at - start)
                is_positive = _is_word(self.positive_table, data + start, at - start)
                if is_comment or is_negative or is_positive:
                    word = text[start:at]
                    if is_comment:
                        comment_words = comment_words or set()
                        comment_words.add(word)
                    if is_negative:
                        negatives = negatives or set()
                        negatives.add(word)
                        if _is_word(self.builder_table, data + start, at - start):
                            builders = builders or set()
                            builders.add(word)
                    if is_positive:
                        positives = positives or set()
                        positives.add(word)
            else:
                at += 1
        if not comment_words and "comment" in text:
            comment_words = {w for w in _cut(text) if self.compound.match(w)}
        if comment_words:
            found = self._search(self.furniture, 0, text)
            if found:
                furniture = self._hint("boilerplate", "class/id~" + found.group(), False, False)
                return furniture, None, None, None
            detail = "class/id=" + "/".join(sorted(comment_words))
            return self._hint("comments", detail, False, False), None, None, None
        found = self._search(self.strong, 1, text)
        if found:
            strong = self._hint("article", "class/id~" + found.group(), False, False)
            return None, strong, None, None
        negative = None
        if builder and negatives and builders:
            negatives -= builders
        if negatives:
            detail = "class/id=" + "/".join(sorted(negatives))
            firm = not negatives.isdisjoint(self.dialog_words)
            negative = self._hint("boilerplate", detail, False, firm)
        elif not builder:
            found = self._search(self.negative, 2, text)
            if found:
                negative = self._hint("boilerplate", "class/id~" + found.group(), False, False)
        if negative is None:
            found = self._search(self.forum, 3, text)
            if found:
                negative = self._hint("boilerplate", "class/id~" + found.group(), False, False)
        positive = None
        if positives:
            detail = "class/id=" + "/".join(sorted(positives))
            positive = self._hint("article", detail, True, False)
        return None, None, negative, positive


cdef set _cut(str text):
    """The words of lower-case ASCII ``text``: its runs of ``[a-z0-9]``."""
    cdef const unsigned char* data = PyUnicode_1BYTE_DATA(text)
    cdef Py_ssize_t size = len(text), at = 0, start
    cdef set words = set()
    while at < size:
        if 97 <= data[at] <= 122 or 48 <= data[at] <= 57:
            start = at
            while at < size and (97 <= data[at] <= 122 or 48 <= data[at] <= 57):
                at += 1
            words.add(text[start:at])
        else:
            at += 1
    return words


cdef object _MISSING = object()


cdef class HintOf:
    """``hints._hint_of`` compiled (a tag/class/id/role combination's hint, memoized per
    process), and ``hints.own_hints``'s loop over a page's hinted elements: no Python
    frame per element, the class/id test (``NameTest``) asked only on a memo miss."""

    cdef object names, hint, fragment
    cdef frozenset positive_tags, negative_tags, hint_tags, heading_tags
    cdef frozenset positive_roles, negative_roles
    cdef dict memo

    def __init__(self, names, hint, tuple tag_sets, tuple role_sets, fragment):
        self.names = names
        self.hint = hint
        self.fragment = fragment
        self.positive_tags, self.negative_tags, self.heading_tags = tag_sets
        self.hint_tags = self.positive_tags | self.negative_tags
        self.positive_roles, self.negative_roles = role_sets
        self.memo = {}

    cdef object _of(self, str tag, object css_class, object css_id, object role):
        """``_hint_of(tag, css_class, css_id, role, names)``."""
        if tag == "html" or tag == "body":
            return None
        if css_class is None and css_id is None and role is None and tag not in self.hint_tags:
            return None
        cdef str role_text = (role or "").strip().lower()
        comments, strong, negative, positive = self.names(
            (css_class or "") + " " + (css_id or "")
        )
        if comments:
            return comments
        if strong:
            return strong
        if tag in self.positive_tags or role_text in self.positive_roles:
            if tag in self.positive_tags:
                return self.hint("article", "tag=" + tag)
            return self.hint("article", "role=" + role_text)
        if role_text in self.negative_roles:
            return self.hint("boilerplate", "role=" + role_text)
        if tag in self.negative_tags:
            return self.hint("boilerplate", "tag=" + tag)
        if negative is not None and tag in self.heading_tags and self.fragment(negative):
            return positive
        return negative or positive

    def hint_of(self, str tag, css_class, css_id, role):
        """``_hint_of``, memoized."""
        return self._memoized(tag, css_class, css_id, role)

    cdef object _memoized(self, str tag, object css_class, object css_id, object role):
        key = (tag, css_class, css_id, role)
        found = self.memo.get(key, _MISSING)
        if found is _MISSING:
            found = self._of(tag, css_class, css_id, role)
            if len(self.memo) >= 8192:  # most combinations are one page's: keep it small
                self.memo.clear()
            self.memo[key] = found
        return found

    def own_hints(self, list tags, list classes, list ids, list roles, list hinted):
        """``hints.own_hints(tags, classes, ids, roles, hinted, names)``."""
        cdef list found = [None] * len(tags)
        cdef list suspects = []
        cdef Py_ssize_t index
        for index in hinted:
            hint = self._memoized(tags[index], classes[index], ids[index], roles[index])
            if hint is not None:
                found[index] = hint
                if ids[index] and hint.kind != "article":
                    suspects.append(index)
        return found, suspects
