"""Build boilerkit's optional compiled core (``selection/_walk.pyx``).

Everything else is declared in ``pyproject.toml``. The extension is optional: without a C
compiler (or Cython) the build warns and installs the pure-Python reference, which gives
the same output, only slower.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
PYX = "src/boilerkit/selection/_walk.pyx"
GENERATED_C = "src/boilerkit/selection/_walk.c"


def _extensions() -> list[Extension]:
    """The compiled walk: from the .pyx when Cython is there, else from the shipped .c."""
    if os.environ.get("BOILERKIT_NO_EXTENSION"):
        return []
    try:
        import lxml
    except ImportError:
        warnings.warn("boilerkit: lxml is not importable at build time; pure path only")
        return []
    include_dirs = lxml.get_include()
    try:
        from Cython.Build import cythonize
    except ImportError:
        if not (HERE / GENERATED_C).exists():
            warnings.warn("boilerkit: neither Cython nor the generated C; pure path only")
            return []
        return [Extension("boilerkit.selection._walk", [GENERATED_C], include_dirs=include_dirs)]
    extension = Extension("boilerkit.selection._walk", [PYX], include_dirs=include_dirs)
    return list(cythonize([extension], language_level=3, quiet=True))


class OptionalBuildExt(build_ext):
    """``build_ext`` that warns instead of failing: no compiler means the pure path."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # any build failure: fall back to the pure path
            warnings.warn(f"boilerkit: compiled core not built ({error}); pure path only")

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as error:  # a compiler error: fall back to the pure path
            warnings.warn(f"boilerkit: {ext.name} not built ({error}); pure path only")


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
