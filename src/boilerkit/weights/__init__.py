"""Every tunable number and pattern of boilerkit, in one place: the tuning table.

Override a number with ``dataclasses.replace(Weights(), link_penalty=2.0)`` and pass the
result as ``Options(weights=...)``. ``table`` holds the numbers, each with what it means;
``patterns`` holds the named word sets and regular expressions. The numbers were tuned on
the development corpora (``benchmarks/run.py``) and the golden fixtures, never per site.
"""

from .encoding import DecodeWeights, PlausibilityCosts, RepairWeights
from .patterns import (
    BOILERPLATE_LINE,
    CALL_TO_ACTION,
    COMMENT_COMPOUND,
    COMMENT_FURNITURE,
    COMMENT_WORDS,
    CREDIT_LINE,
    DATE_LINE,
    FORUM_FURNITURE,
    FRAMEWORK_WORDS,
    NAV_SEPARATOR,
    NEGATIVE_PATTERN,
    NEGATIVE_ROLES,
    NEGATIVE_TAGS,
    NEGATIVE_WORDS,
    POSITIVE_ROLES,
    POSITIVE_TAGS,
    POSITIVE_WORDS,
    POST_NUMBER,
    PROFILE_LABEL,
    PUBLISHED_LINE,
    QUOTE_HEADER,
    QUOTE_HEADER_MAX_CHARS,
    SENTENCE_END,
    SERVER_ERROR,
    STAT_LINE,
    STRONG_POSITIVE,
    TAG_HEADING,
    TEASER_HEADING,
    TOC_HEADING,
    WORD_SPLIT,
)
from .table import Weights

__all__ = [
    "BOILERPLATE_LINE",
    "CALL_TO_ACTION",
    "COMMENT_COMPOUND",
    "COMMENT_FURNITURE",
    "COMMENT_WORDS",
    "CREDIT_LINE",
    "DATE_LINE",
    "FORUM_FURNITURE",
    "FRAMEWORK_WORDS",
    "NAV_SEPARATOR",
    "NEGATIVE_PATTERN",
    "NEGATIVE_ROLES",
    "NEGATIVE_TAGS",
    "NEGATIVE_WORDS",
    "POSITIVE_ROLES",
    "POSITIVE_TAGS",
    "POSITIVE_WORDS",
    "POST_NUMBER",
    "PROFILE_LABEL",
    "PUBLISHED_LINE",
    "QUOTE_HEADER",
    "QUOTE_HEADER_MAX_CHARS",
    "SENTENCE_END",
    "SERVER_ERROR",
    "STAT_LINE",
    "STRONG_POSITIVE",
    "TAG_HEADING",
    "TEASER_HEADING",
    "TOC_HEADING",
    "WORD_SPLIT",
    "DecodeWeights",
    "PlausibilityCosts",
    "RepairWeights",
    "Weights",
]
