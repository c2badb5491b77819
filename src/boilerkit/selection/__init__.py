"""Stage 3, selection: find the article in the cleaned tree, and say why.

``segment`` cuts the page into blocks, ``teasers`` and ``threads`` recognise teaser
lists and forum posts, ``score`` gives each block its value and reasons, ``choose`` picks
the container and judges every block, ``trim`` and ``comments`` refine the verdicts and
``content`` builds the standalone article tree. ``coarse`` serves pages too large for the
full pass, ``second_opinion`` asks trafilatura when we are unsure.
"""
