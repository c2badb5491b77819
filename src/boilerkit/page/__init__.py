"""Stage 2, page: the decoded text becomes the cleaned tree every later stage reads.

``guard`` refuses what cannot be a page, ``parse`` builds the lxml tree (with a flat
fallback for markup libxml2 refuses), ``clean`` drops what is never content (scripts,
hidden elements, editing chrome) and ``paragraphs`` gives loose runs of text on pages
marked up before CSS paragraphs of their own. After this stage no one mutates the tree.
"""
