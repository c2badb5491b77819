"""Stage 1, encoding: bytes to text (``decode``), then mojibake undone (``repair``).

``decode`` trusts a charset declaration only when the bytes agree with it; ``repair``
turns text that was decoded the wrong way somewhere upstream back into what was meant.
Both judge candidate readings with one cost model (``plausibility``) over tables of what
real text looks like (``text_stats``) and of the code pages (``code_pages``).
"""
