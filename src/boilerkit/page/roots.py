"""When a walk from the root element sees what an XPath from the document sees."""

from __future__ import annotations

from lxml import etree


def is_whole_document(root: etree._Element) -> bool:
    """Whether ``root``'s subtree is its whole document: ``root`` is the document's root
    element and no element follows it at the top level.

    libxml2 leaves some markup after ``</html>`` there (its parent pointer naming
    ``<html>``; 5 of the 1,120 corpus pages): an XPath from the document (``//a``) finds
    it, a walk of ``root`` (``root.iter()``, the compiled walks) does not. The compiled
    twins of such XPaths run only when this holds; otherwise the XPaths do the work.
    """
    return (
        root.getparent() is None
        and root.getroottree().getroot() is root
        and not any(isinstance(sibling.tag, str) for sibling in root.itersiblings())
    )
