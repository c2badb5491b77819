# ruff: noqa: RUF001  (mojibake and look-alike characters are the subject here)
"""The character bigram model (encoding/bigrams.py): real text reads cheaper than its
mojibake, in languages its tables were not built from."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest

from boilerkit.encoding.bigrams import DATA, bits, fold, gain, oddity, tables


def _misread(text: str, written: str, read: str) -> str:
    return text.encode(written).decode(read)


# Hand-written sentences in languages the tables leave out (no Faroese, Frisian,
# Romansh, Crimean Tatar or Rusyn catalog was used), each with the code page its text
# was written in and the one it was read as. (Where a language's letters are in no
# table, the model cannot tell: Maltese ``ħ`` read as ``±`` costs no more than ``ħ``
# itself, which no table has.)
UNSEEN_LANGUAGES = [
    ("fo", "Vit fóru til Tórshavnar í gjár og keyptu nakrar bøkur.", "cp1252", "cp1251"),
    ("fy", "De bern spylje by de mar en se ite brea út in grutte pot.", "cp1252", "cp1251"),
    ("rm", "La Rumantschia ha decidì da sustegnair la lingua en las scolas.", "cp1252", "cp1251"),
    ("crh", "Qırım tatar tili bizim ana tilimizdir, dedi oca.", "cp1254", "cp1252"),
    ("rue", "Русиньскый язык мать богату літературу и історію.", "cp1251", "koi8_r"),
]


def test_the_test_languages_are_not_in_the_tables() -> None:
    assert {lang for lang, *_ in UNSEEN_LANGUAGES}.isdisjoint(tables())


@pytest.mark.parametrize(("lang", "text", "written", "read"), UNSEEN_LANGUAGES)
def test_real_text_reads_cheaper_than_its_mojibake(
    lang: str, text: str, written: str, read: str
) -> None:
    broken = _misread(text, written, read)
    assert broken != text
    assert bits(text) < bits(broken)
    saved, _ = gain(broken, text)
    assert saved > 16


@pytest.mark.parametrize(("lang", "text", "written", "read"), UNSEEN_LANGUAGES)
def test_mojibake_reads_odder_than_real_text(lang: str, text: str, written: str, read: str) -> None:
    assert oddity(text) < oddity(_misread(text, written, read))


def test_a_reading_is_judged_in_the_languages_of_both() -> None:
    """French with a Czech name read as Slovak (``» du`` as ``ť du``) saves nothing once
    both are read as French too: each in its own languages, the Slovak reading won."""
    text = "« les espaces privés » du château de Vyšehrad, à Prague, a-t-il dit"
    saved, _ = gain(text, text.encode("cp1252").decode("iso8859_2"))
    assert saved < 16


def test_fold_keeps_letters_and_classes_the_rest() -> None:
    assert fold("Ärger 1999 — „Quote“ £5 ©") == 'ärger 0000 - (quote" $0 #'


def test_a_lost_reading_gains_less_than_the_limit() -> None:
    saved, _ = gain("Kasım Şubat", "Kasým Þubat", limit=16.0)
    assert saved < 16


def test_the_data_file_says_where_it_came_from() -> None:
    found = json.loads(gzip.decompress(DATA.read_bytes()))
    assert "Django" in found["source"] and "BSD-3-Clause" in found["source"]
    assert len(found["tables"]) == len(tables()) >= 60


def test_a_sign_between_letters_reads_as_a_symbol() -> None:
    """Polish ``ż`` read as windows-1252 is ``¿``; between two letters it is no
    punctuation (as such ``tak¿e`` cost about what ``także`` does)."""
    saved, _ = gain("Rano poszedł też tak¿e do sklepu.", "Rano poszedł też także do sklepu.")
    assert saved >= 16


def test_the_readers_do_not_depend_on_the_hash_seed() -> None:
    """The languages a text is read in are ranked by summed costs: summed over a set, in
    its hash order, and with ties left in that order, one phrase was repaired under one
    PYTHONHASHSEED and left broken under another."""
    text = (
        "Entérate de lo que está pasando en el mundo y de las noticias 'sljedeæe godine'"
        " económicas, de negocios, tecnología, arte, estilos de vida, deporte y opiniones."
    )
    script = f"import boilerkit; print(ascii(boilerkit.repair_text({text!r})))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2")
    }
    assert len(outputs) == 1, outputs
