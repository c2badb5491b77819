"""JSON: every Document field, in a stable order, plus the Markdown when asked."""

from __future__ import annotations

import dataclasses
import json

import boilerkit
from boilerkit.render import render_document, render_json

PAGE = (
    "<html lang='de'><head><title>Titel</title></head><body><article><h2>Über</h2>"
    "<p>Ein Absatz mit genug Text, um als Inhalt zu gelten, und noch ein wenig mehr Text.</p>"
    "<p>Noch ein Absatz: <b>fett</b> und <a href='/x'>verlinkt</a>, für den Test.</p>"
    "</article></body></html>"
).encode()


def test_keys_are_every_field_in_order() -> None:
    document = boilerkit.extract(PAGE, url="https://e.org/a")
    data = json.loads(document.to_json())
    fields = [f.name for f in dataclasses.fields(document) if f.name != "content"]
    assert list(data) == fields
    assert data["text"] == document.text
    assert data["title"] == "Titel"
    assert "Über" in document.to_json()  # non-ASCII written as is


def test_markdown_and_extra_keys_come_last() -> None:
    document = boilerkit.extract(PAGE, url="https://e.org/a")
    data = json.loads(
        render_json(document, markdown=document.to_markdown(), extra={"source": "p.html"})
    )
    assert list(data)[-2:] == ["markdown", "source"]
    assert data["markdown"] == document.to_markdown()
    with_markdown = json.loads(render_document(document, "json", with_markdown=True))
    assert with_markdown["markdown"] == document.to_markdown()


def test_empty_document() -> None:
    data = json.loads(boilerkit.Document().to_json())
    assert data["text"] == "" and data["related"] == [] and data["title"] is None
