# ruff: noqa: RUF001  (mojibake and look-alike characters are the subject here)
"""The encoding stage's numbers: decode thresholds, repair thresholds, plausibility costs.

``Weights.decode``, ``Weights.repair`` and ``Weights.plausibility`` hold one of each;
override a number with ``dataclasses.replace`` like any other section of the table.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DecodeWeights", "PlausibilityCosts", "RepairWeights"]


@dataclass(frozen=True, slots=True)
class DecodeWeights:
    """Decision thresholds and cut-offs of the decode stage (``encoding.decode``)."""

    prescan_bytes: int = 4096
    """Bytes searched for a ``<meta charset>`` (the HTML standard's prescan reads 1024;
    pages with long heads put it later)."""
    sample_bytes: int = 1000
    """Bytes of non-ASCII words scored per candidate encoding."""
    short_sample_bytes: int = 160
    """The smaller sample that picks the finalists before the full one is scored."""
    lane_full: float = 0.9
    """UTF-32: share of zero bytes in both top lanes of each 4-byte group."""
    lane_empty: float = 0.5
    """UTF-32: at most this share of zeros in the low lane (text is not all zero)."""
    lane_clean: float = 0.02
    """UTF-16: at most this share of zeros in the lane holding text's low bytes."""

    clean_cost: float = 0.5
    """A declared encoding whose sample costs no more than this is taken without a contest."""
    poor_cost: float = 8.0
    """Short-sample cost per 100 bytes above which chardet is asked for other candidates."""
    switch_margin: float = 2.0
    """A candidate beats the declared encoding only when its sample costs this much less."""
    stray_ratio: float = 2.0
    """Valid UTF-8 sequences per invalid byte for a page to count as mostly UTF-8."""
    zero_ratio: float = 0.2
    """Share of zero bytes in the high-byte lanes that marks BOM-less UTF-16 (the ASCII
    markup of even a Chinese page gives well over this; legacy text gives none)."""


@dataclass(frozen=True, slots=True)
class RepairWeights:
    """Thresholds of the repair stage's accept decisions (``encoding.repair``), measured on
    ftfy's test cases and the CLDR/dev-corpus suite (tests/encoding_cases/wild.py)."""

    min_gain: float = 1.5
    """A run is repaired only when the reading lowers its cost by at least this much..."""
    max_ratio: float = 0.5
    """...and leaves at most this fraction of the original cost."""
    min_suspect: float = 1.0
    """Runs cheaper than this are plausible as they stand and get no candidates."""
    glued_digit: float = 1.0
    """Per place a legacy span has a character above ASCII (and below the CJK blocks)
    touching a digit: a CJK date or measure read as windows-1252 (``1992Äê10ÔÂ6ÈÕ``,
    ``1995³â 10¿ù``) is accented Latin the cost model finds plausible, and real text
    rarely glues letters to digits. Measured on the wild suite's seed family (3 of 8
    misses) with no clean string changed."""
    min_text_gain: float = 1.5
    """Text-level pass: cost the chain must remove, counting each accented letter that
    comes to fit the text's alphabet as 1."""
    word_tolerance: float = 1.5
    """Inside a run repaired by one chain, a word follows the chain unless that makes it
    costlier by more than this (short words like ``çà`` -> ``за`` carry little evidence)."""
    spread_weight: float = 1.5
    """Text-level pass, Turkish: gain per accented letter that comes to fit one alphabet."""
    chain_switch: float = 3.0
    """Each extra chain used inside one run (two kinds of damage side by side are rare)."""
    prior_other_utf8: float = 0.3
    """Chain prior: UTF-8 read as windows-1251, mac_roman or cp437 (per layer)."""
    prior_single: float = 0.5
    """Chain prior: a legacy single-byte encoding read as windows-1252, or the mixed form."""
    prior_cjk: float = 1.0
    """Chain prior: a legacy CJK encoding read as windows-1252 (plenty of byte pairs happen
    to be valid GBK or Big5, so these need the most evidence)."""
    ftfy_margin: float = 1.0
    """A UTF-8 reading of the whole node replaces ftfy's when it costs this much less:
    ftfy reads windows-1252 where ISO-8859-15 or another code page gave the same lead
    bytes (``ThailÀndisch`` for ``Thailändisch``). Was min_gain (1.5); on the wild
    suite's tune split 1.0 gains 32 UTF-8 and 4 double-encoded cases and loses none,
    0.5 gains 36 and loses one (``CNÂĄ`` -> ``CN¡``)."""
    whole_gain: float = 0.5
    """A reading of the whole node must lower its cost by this much: that every byte of
    the node reads strictly in the other encoding is evidence already."""
    min_evidence: int = 3
    """A reading boilerkit found must change at least this many characters: ftfy's
    negative cases (``4288×…``, ``5×£35``) are one or two characters each."""
    language_oddity: float = 6.5
    """Text is read by the bigram model only when its non-ASCII letters cost at least
    this many bits a bigram (``bigrams.oddity``): clean text mostly costs 3-6 (23 of
    the 151 texts the trigger passes on 300 trafilatura-eval pages cost more), 67 of the
    70 wild-suite cases the model repairs cost more."""
    language_gain: float = 16.0
    """A legacy reading the per-character costs do not take is taken when the bigram
    model (``encoding.bigrams``) finds it cheaper than the text by this many bits."""
    mended_gain: float = 0.5
    """...or this many, when the reading turns a sign or an accented capital inside a
    word into a letter (``bigrams.in_word_signs``: ``GebŠude``, ``tak¿e``); each one
    mended ranks it as ``language_gain`` bits more. It must save something: English
    ``Shepherd¹s`` (a quote lost on the way) read as Polish ``Shepherdąs`` saves 0 bits
    (held split: 0.0 gave 447 of 527, with that page changed; 0.5 gives 440, 4.0 436)."""
    language_evidence: float = 16.0
    """A reading the bigram model prefers by this many bits may change one or two
    characters (``judge.sound``'s ``min_evidence`` does not apply)."""
    language_context: int = 12
    """...when the text has at least this many letters: a title of one word
    (``Èvénements``) is too little text to tell French from Croatian by."""
    language_ceiling: float = 6.0
    """...and reads at most this many bits a character: real text in a language the
    model knows costs 3-4, a reading of mojibake that is still mojibake far more."""
    language_ceiling_cjk: float = 12.0
    """...or this many, for CJK text read as another CJK encoding: each Hangul syllable or Han
    character is a letter of thousands, and the catalogs' Korean and Japanese cost 5-8
    bits a character (Korean read back from GBK, 4.5-11.8 on the wild suite; a reading
    that is still mojibake has characters no catalog uses, at 30 bits each)."""
    language_span: int = 120
    """...of which the model reads at most this many characters (and ``oddity`` the
    first as many of the text): a misreading of the whole node shows in any 120 of them,
    and long nodes cost no more than short ones. 200 gave the same wild-suite figures
    at 1.6 times the cost."""
    language_margin: int = 30
    """Characters of context around the changed words that the bigram model reads."""
    sibling_gain: float = 8.0
    """A repair of UTF-8 read as one code page is replaced by the same sequences read as
    its sibling (windows-1250 and ISO-8859-2, windows-1252 and ISO-8859-15...) when the
    bigram model finds the sibling's reading cheaper by this many bits: the cost model
    cannot tell ``joť`` from ``još``, one letter apart (12-25 bits on the wild suite's
    such cases; ``Straţe`` alone reads 10.5 bits cheaper than ``Straße``, so the node's
    words around the change must agree)."""
    max_word: int = 2000
    """Longer "words" (a blob of JSON, a base64 string) are left alone: bounds the work."""
    word_gain: float = 24.0
    """A legacy phrase the bigram model does not take read with the clean text around it
    (English around a Polish ``przysz³ym``: the window reads cheapest in English, and
    Polish ``ł`` costs more there than a symbol) is taken when its changed words, each
    read alone, save this many bits together. The clean words that read 17 bits better
    one letter off (Friulian ``indaûr`` as ``indaűr``, the place name ``forlìcesena`` as
    ``forlěcesena``) are under it; true phrases save 25-40 (``przysz³ym`` 28,
    ``pøíští`` 32, ``miesi¹ca`` 37). At 16, 10 of 2,337 clean twins of the independent
    check changed (6 at 24, none of them by this reading)."""
    swap_odd: float = 0.2
    """Chinese read as the other Chinese code page (GBK as Big5, Big5 as GBK) is read back
    when this share of its CJK characters or more lies outside the level-1 blocks of GB 2312
    and Big5 (clean Chinese: none of CPython's codec test texts; its misreadings: 47-60%)..."""
    swap_left: float = 0.25
    """...and the reading leaves at most this share of those odd characters (names and
    rare words keep a few)..."""
    swap_top: float = 0.5
    """...and draws this share of its Han and kana at least from the most frequent
    characters (``text_stats.top_chars``): the independent check's Chinese, 50-100%;
    rare Han read through another code page, about a quarter."""


@dataclass(frozen=True, slots=True)
class PlausibilityCosts:
    """Penalty per broken habit of real text (``encoding.plausibility.cost``). Tuned on the
    project's first generated suite; held steady since, measured on ftfy's test cases and the
    CLDR/dev-corpus suite (tests/encoding_cases/wild.py)."""

    control: float = 6.0
    """A C1 control (U+0080-U+009F) or a private-use character: never in real text."""
    replacement: float = 4.0
    """U+FFFD: a decoder already gave up here."""
    rare_cjk: float = 2.5
    """A Han/Hangul character outside every national standard's repertoire."""
    uncommon_cjk: float = 1.3
    """A Han character of level 2 (known but not among the most frequent)."""
    odd_letter: float = 2.0
    """A letter from IPA, Latin Extended-B and similar blocks mojibake lands in."""
    math: float = 0.3
    """Math operators (mac_roman shows UTF-8 bytes as √, ≈, ∆; real math uses them too)."""
    loose_tone: float = 1.0
    """A vowel followed by a letter that is a windows-1258 tone mark byte (``êò``)."""
    native_digit: float = 1.0
    """A decimal digit outside ASCII (Arabic-Indic, Devanagari...): web text mostly uses
    ASCII digits, and a wrong reading lands on these (``ЩЁ`` as UTF-8 is ``٨``)."""
    glued_digit: float = 1.5
    """A fraction or a symbol like £ ¥ ¦ ¬ ¯ right before a letter (``¾lu»ou``, ``£odzi``:
    ISO-8859-2 and windows-1250 letters as windows-1252 shows them; ``£12`` is fine)."""
    box_drawing: float = 2.0
    """Box drawing and block elements: cp437's reading of UTF-8 lead bytes."""
    utf8_pair: float = 2.0
    """An accented capital (a UTF-8 lead byte seen as windows-1252) right before a
    windows-1252 symbol or C1 character (a continuation byte): ``Ã©``, ``Â°``, ``â€``."""
    utf8_soft_pair: float = 0.5
    """The same shape through U+00A0 or U+00AD, which real text puts after any letter
    (``vérité\u00a0»``, ``Groß\u00adbritannien``)."""
    han_space: float = 1.0
    """Han characters on both sides of a space: Chinese and Japanese do not space words."""
    final_form: float = 2.0
    """A Hebrew final letter (ך ם ן ף ץ) in the middle of a word."""
    script_mix: float = 3.0
    """Two letters of different scripts touching (``Ð¸`` is fine; ``йt`` is not)."""
    latin_cjk: float = 1.5
    """Accented Latin letter touching a CJK character (``Â鶹``)."""
    ascii_cjk: float = 0.75
    """An ASCII letter touching a CJK character (``iPhone手机`` happens; ``lucidit頗``,
    a French word read as UTF-8, is what this guards against)."""
    case_flip: float = 1.5
    """Lower case followed by upper case in one word, at least one of them non-ASCII."""
    symbol_in_word: float = 0.5
    """A symbol touching a letter (``°C``, ``apply™`` are fine, so this is small)."""
    symbol_between: float = 1.5
    """A symbol with letters on both sides (``Ã©t``, ``Ð¸Ð``): rare outside mojibake."""
    symbol_pair: float = 0.7
    """Two symbols touching (``€™``)."""
    alphabet_miss: float = 2.5
    """A word whose accented letters fit no single language's alphabet."""
    accent_run: float = 1.0
    """Each accented Latin letter past the second in a run (``Ïðèâåò``)."""
    stray_mark: float = 3.0
    """A combining mark that follows no letter."""
    cjk_base: float = 0.5
    """A CJK character of a national standard's level 1 that is not among the most
    frequent (see ``encoding_tables.top_chars``)."""
    hanja: float = 1.5
    """A Han character in text decoded as Korean (modern Korean is nearly all Hangul)."""
    caps_word: float = 0.5
    """Each capital past the second in an all-capitals Cyrillic/Greek word (rare in text)."""
    central_face: float = 1.5
    """Central European letters as windows-1252 shows them where no language puts that
    letter: ``ñ`` before a consonant (Polish ``ń``), ``ì``/``ù`` inside a word before a
    consonant (Czech ``ě``, ``ů``)."""
    pointing: float = 0.6
    """A Hebrew or Arabic vowel point: modern text mostly goes without."""
    mark_pile: float = 1.0
    """A combining mark on top of another one (Thai tone-on-vowel excepted)."""
    halfwidth_kana: float = 2.0
    """Half-width katakana: rare today, and what stray Shift_JIS single bytes decode to."""
