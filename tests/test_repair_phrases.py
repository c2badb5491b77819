# ruff: noqa: RUF001  (mojibake and look-alike characters are the subject here)
"""Broken phrases inside clean text, and double-encoded UTF-8: hand-written cases.

Each broken string was made by running the codecs on the clean one (``written/read``
in the id); the host sentence around the phrase holds characters the misreading cannot
show (``ü``, ``é``, ``ß``), so no reading of the whole node explains it.
"""

from __future__ import annotations

import pytest

from boilerkit import repair_text
from boilerkit.encoding.phrases import phrase_readings, spoiled

PHRASES = [
    pytest.param(
        "Für die Sitzung (PĹ\x99Ă\xadliĹĄ ĹžluĹĽouÄ\x8dkĂ˝ kĹŻĹ\x88 ĂşpÄ\x9bl) gilt später.",
        "Für die Sitzung (Příliš žluťoučký kůň úpěl) gilt später.",
        id="cs in de, utf-8/iso8859_2",
    ),
    pytest.param(
        "Résumé (Pháº£i cá»§a bá»‹ lÃ\xa0 nÃ\xa0y vÃ\xa0 nÄƒm) à lire",
        "Résumé (Phải của bị là này và năm) à lire",
        id="vi in fr, utf-8/cp1254: short pieces beside repaired words",
    ),
    pytest.param(
        "Früher war (Mogao na joÅ¡ je tada ove godine) mehr los.",
        "Früher war (Mogao na još je tada ove godine) mehr los.",
        id="hr in de, utf-8/cp1252: ü breaks ftfy's whole-string reading",
    ),
    pytest.param(
        "Gemüse (лЕРНЧ ЮАН ВЮЯРХМС ГМНБС ДКЪ) frisch",
        "Gemüse (Метою або частину знову для) frisch",
        id="uk in de, cp1251/koi8_r",
    ),
    pytest.param(
        "Behörde (Roedd yn sydd Mфr Prifysgol в'r gвn) heute",
        "Behörde (Roedd yn sydd Môr Prifysgol â'r gân) heute",
        id="cy in de, cp1252/cp1251",
    ),
    pytest.param(
        "Résumé (Р•СЃС‚СЊ Р°Р»СЊР±РѕРј С‚Р°РєР¶Рµ РІ Р±С‹Р»Р°) été",
        "Résumé (Есть альбом также в была) été",
        id="ru in fr, utf-8/cp1251: the short word with the long ones",
    ),
    pytest.param(
        "Gemüse (le 3 dйcembre) für",
        "Gemüse (le 3 décembre) für",
        id="fr in de, cp1252/cp1251: one Cyrillic letter inside a Latin word",
    ),
    pytest.param(
        "Straße (Ξ§Ο\x8eΟ\x81Ξ± Ξ΅Ο\x80Ξ―Ο\x83Ξ·Ο\x82 ΞΌΞ΅Ο\x84Ξ±ΞΎΟ\x8d "
        "Ο\x83Ο\x84ΞΏΟ\x85Ο\x82 Ο\x84ΞΏΞ½) geöffnet",
        "Straße (Χώρα επίσης μεταξύ στους τον) geöffnet",
        id="el in de, utf-8/iso8859_7: not ftfy's windows-1253 pieces",
    ),
    # Languages the repair was never tuned on, hand-written: Romansh, Upper and Lower
    # Sorbian; Armenian and Korean beside German words a reading of the node would spoil.
    pytest.param(
        "Die Führung war (Il \x8f stˆ bler dis ch'ins ha discurr“ da quai en la vischnanca) "
        "und danach gingen wir.",
        "Die Führung war (Il è stà bler dis ch'ins ha discurrì da quai en la vischnanca) "
        "und danach gingen wir.",
        id="rm in de, mac_roman/cp1252: the phrase read word by word, judged as a whole",
    ),
    pytest.param(
        "Unsere Gäste (wĹĄitko je tu, ĹĄto chceĹĄ) kamen spät.",
        "Unsere Gäste (wšitko je tu, što chceš) kamen spät.",
        id="hsb in de, utf-8/iso8859_2: not windows-1250's ť",
    ),
    pytest.param(
        "Unsere Gäste (WĹĄo jo derje, Ĺžona jo doma) kamen spät.",
        "Unsere Gäste (Wšo jo derje, žona jo doma) kamen spät.",
        id="dsb in de, utf-8/iso8859_2: not windows-1250's ť and ş",
    ),
    pytest.param(
        "Das ist eine Sache (Õ„Õ¥Õ¶Ö„ Õ¡ÕµÕ½Ö…Ö€ Õ£Õ¶Õ¡Ö\x81Õ«Õ¶Ö„ Õ·Õ¸Ö‚Õ¯Õ¡ Ö‡ "
        "Õ£Õ¶Õ¥Ö\x81Õ«Õ¶Ö„ Õ´Ö€Õ£Õ¥Ö€) für die Kinder.",
        "Das ist eine Sache (Մենք այսօր գնացինք շուկա և գնեցինք մրգեր) für die Kinder.",
        id="hy in de, utf-8/cp1252: für is no f黵",
    ),
    pytest.param(
        "Er erzählte (¿ì¸®´Â ¿À´Ã ½ÃÀå¿¡ °¡¼\xad °úÀÏÀ» »ò½À´Ï´Ù) über die Stadt.",
        "Er erzählte (우리는 오늘 시장에 가서 과일을 샀습니다) über die Stadt.",
        id="ko in de, euc_kr/cp1252: über is no GBK 黚er",
    ),
]


@pytest.mark.parametrize(("broken", "fixed"), PHRASES)
def test_broken_phrase_inside_clean_text(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


DOUBLE = [
    pytest.param(
        "WysÃ…â€šano do Polski: DaniÃ„â„¢ i zechcÃ„â€¦",
        "Wysłano do Polski: Danię i zechcą",
        id="pl, utf-8/cp1252 x2",
    ),
    pytest.param(
        "Zaradi stoji po Ă„Ĺ¤e Formule",
        "Zaradi stoji po če Formule",
        id="sl, utf-8/cp1250 x2: ÄŤe costs what če costs",
    ),
    pytest.param(
        "Er kam spÃ\x83â\x82¬ter in die Gruppe",
        "Er kam später in die Gruppe",
        id="de, utf-8/iso8859_15 x2: not windows-1252's À",
    ),
    pytest.param("1 Ã…Å¾ubat 2015 Pazar", "1 Şubat 2015 Pazar", id="tr, utf-8/cp1252 x2"),
]


@pytest.mark.parametrize(("broken", "fixed"), DOUBLE)
def test_double_encoded(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


CLEAN = [
    pytest.param(
        "Мен мен бір деген мемлекеттік жылғы ж. жылы жақсы.",
        id="kk: a Cyrillic run between ғ and қ is no Latin read as windows-1251",
    ),
    pytest.param("Bremer/Mccoy – DrÃ¥ber", id="ftfy's must-stay: one sequence beside a dash"),
    pytest.param("Das Wort Москва heißt auf Deutsch Moskau.", id="de with a Russian word"),
    pytest.param("Gemüse (Метою або частину знову для) frisch", id="de with a Ukrainian phrase"),
    pytest.param("Früher war (Mogao na još je tada ove godine) mehr los.", id="de with hr"),
    pytest.param("Die Rubrik (СПЕЦПРОЕКТЫ) für München", id="de with Russian capitals"),
    pytest.param("Pаypal (Cyrillic а) für München", id="a Cyrillic look-alike in a Latin word"),
    pytest.param("Das ist Mocквa und München", id="a word typed in two keyboard layouts"),
    pytest.param(
        "لوجبان، و فرانسوی کاجون, ساموآ،\u200f سومالی،\u200f نائورو",
        id="fa: one UTF-8 sequence of windows-1256 giving a sign",
    ),
    pytest.param("n │ is_anomaly\n───┼──────\n 2 │ f", id="a psql table in box drawing"),
    pytest.param("Größe\n────────\nnäher", id="a box-drawing rule between German lines"),
    pytest.param(
        "Płaćizna 1 200 JP¥ — japanšćina a korejšćina", id="hsb: a yen sign is no windows-1250 Ą"
    ),
    pytest.param("Grüße aus Łužicy — wšitko je dobre, žona tež", id="de and hsb, clean"),
    pytest.param("Die Führung (Ella è stada là per trais dis) endete früh.", id="de and rm, clean"),
    pytest.param("Müller™ für Straße und Größe, 12,50 £", id="de with signs beside words"),
    pytest.param(
        "Antoine Bêtre, Kent Nagano, Seiji Ozawa, Sir Colin Davis, Simon Rattle, Valery "
        "Gergiev, Riccardo Muti, Daniel Harding etc... ce sont quelques-uns des chefs "
        "d’hier\xa0à\xa0aujourd’hui\xa0ayant dirigé le chœur de la maison.",
        id="fr: a reading that spoils the marked d’hier\xa0à is wrong, not bounded by it",
    ),
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_mixed_text_stays(text: str) -> None:
    assert repair_text(text) == text


DATES = [
    pytest.param("2015Äê3ÔÂ8ÈÕ", "2015年3月8日", id="zh, gbk/cp1252"),
    pytest.param("2020³â 5¿ù 3ÀÏ", "2020년 5월 3일", id="ko, euc_kr/latin-1"),
    pytest.param("2018¦~12¤ë25¤é", "2018年12月25日", id="zh-tw, big5/cp1252"),
]


@pytest.mark.parametrize(("broken", "fixed"), DATES)
def test_cjk_date_glued_to_digits(broken: str, fixed: str) -> None:
    """A CJK date read as windows-1252 is accented Latin glued to its numbers."""
    assert repair_text(broken) == fixed


@pytest.mark.parametrize(
    "text", ["Le 1ère édition, 2ème tour", "25°C, 12½ kg, 5×3 m, £35, 10€", "Nº 3ª série"]
)
def test_symbols_and_letters_beside_digits_stay(text: str) -> None:
    assert repair_text(text) == text


def test_french_oe_is_no_mark_of_a_phrase() -> None:
    """``œ`` before ``u`` is French (``chœur``), not mac_roman's ``ú`` read as
    windows-1252: a phrase reading resting on it alone turned a French page's ``chœur``
    into ``chúur`` (the bigram model reads ``œ``, which no catalog uses, as a rare letter)."""
    text = "Le chœur de l’opéra chante, puis le chœur d’enfants."
    assert not list(phrase_readings(text))
    assert repair_text(text) == text


def test_no_phrase_is_read_back_from_a_cjk_encoding() -> None:
    """A CJK encoding misread shows Han, which the one-byte tables cannot write back:
    read through GBK's table, capital Latin text (one of ftfy's must-stay strings) gave
    half-width katakana, which the Han-as-Han ceiling let through, and a second look then
    read its ``Ä£`` as ``ģ``."""
    text = "MÄ£ÄM ÌÑÌ Q £ÄGÌ GÄLÄW ÑÍCH SÖÄ£ ÑÝÄ $ÚÄMÌ Q"
    chains = {c.chain[0].split("/")[1] for c in phrase_readings(text)}
    assert not chains & {"gb18030", "big5hkscs"}
    assert repair_text(text) == text


def test_a_no_break_space_beside_a_phrase_stays() -> None:
    """mac_roman read as windows-1252 inside clean text: the reading of the whole node
    turned the host's no-break space and euro sign (``6,09\\xa0€``) into mac_roman's
    dagger and ``Ä``; a space is a space in every code page a misreading moves between."""
    broken = "Es kostet 6.299,09\xa0€, (Faoi seo, CŽ, œs‡id ar seo leis fŽidir ‡it a Th‡inig.) da"
    fixed = repair_text(broken)
    assert "6.299,09\xa0€," in fixed
    assert "féidir áit a Tháinig" in fixed


def test_a_whole_node_reading_leaves_the_host_words_it_makes_worse() -> None:
    """Lower Sorbian written as ISO-8859-2 and read as windows-1252 inside French: the
    reading of the whole node is taken for the phrase, and the French ``très`` beside it,
    which holds no mark and reads worse as ``trčs``, is put back."""
    broken = "Christian Paul, qui avait été très actif (za 3 ty¼eñ) lors des débats, s'est tu."
    fixed = "Christian Paul, qui avait été très actif (za 3 tyźeń) lors des débats, s'est tu."
    assert repair_text(broken) == fixed


def _baltic_as_1252(text: str) -> str:
    return text.encode("cp1257").decode("cp1252")


@pytest.mark.parametrize(
    ("host", "phrase"),
    [
        ("The minister said („{}“) and left the room.", "praėjusią savaitę"),
        ("Er sagte nur „{}“ und ging nach Hause.", "pagājušajā nedēļā"),
        ("Elle a répondu « {} » sans rien ajouter.", "šią valandą"),
    ],
)
def test_a_baltic_phrase_read_as_windows_1252(host: str, phrase: str) -> None:
    """Lithuanian and Latvian written as windows-1257 and read as windows-1252 inside
    clean text: read word by word when the reading changes two words or more."""
    broken = host.format(_baltic_as_1252(phrase))
    assert broken != host.format(phrase)
    assert repair_text(broken) == host.format(phrase)


@pytest.mark.parametrize("name", ["bømlo", "skjervøy", "stjørdal"])
def test_a_norwegian_name_alone_stays_mac_roman(name: str) -> None:
    """A word alone with ``¿`` is mac_roman's ``ø`` as well as windows-1257's ``æ``: the
    Baltic reading needs two changed words."""
    assert repair_text(name.encode("mac_roman").decode("cp1252")) == name


def test_a_format_character_between_letters_spoils_a_word() -> None:
    """windows-1255 and windows-1256 read windows-1252's ``ý`` as a left-to-right mark:
    ``týden`` would become ``t\\u200eden``, an invisible character inside a word."""
    assert spoiled("týden", "t\u200eden")
    assert not spoiled("týden", "tıden")
