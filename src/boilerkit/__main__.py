"""``python -m boilerkit``: the command line."""

from .cli import main

raise SystemExit(main())
