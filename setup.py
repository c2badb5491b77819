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
from setuptools.errors import CCompilerError, ExecError, PlatformError

BUILD_ERRORS = (CCompilerError, ExecError, PlatformError, OSError)
"""What a machine without a working C toolchain raises (no compiler, no Python headers,
a compiler that fails): the build then falls back to the pure path."""

HERE = Path(__file__).resolve().parent
SOURCES = "src/boilerkit/selection"
MODULES = ("_handles", "_walk", "_passes", "_coarse", "_teasers", "_front", "_plain", "_meta")
"""The compiled core's modules (``.pyx``; their ``.c`` in the sdist)."""


def _warn(problem: str) -> None:
    warnings.warn(f"boilerkit: {problem}; pure path only (same output, slower)", stacklevel=2)


def _extensions() -> list[Extension]:
    """The compiled walk: from the .pyx when Cython is there, else from the shipped .c."""
    if os.environ.get("BOILERKIT_NO_EXTENSION"):
        return []
    try:
        import lxml
    except ImportError:
        _warn("lxml is not importable at build time")
        return []
    include_dirs = [*lxml.get_include(), SOURCES]
    try:
        from Cython.Build import cythonize
    except ImportError:
        if not all((HERE / SOURCES / f"{name}.c").exists() for name in MODULES):
            _warn("neither Cython nor the generated C is there")
            return []
        suffix, build = ".c", list
    else:
        suffix, build = ".pyx", lambda found: cythonize(found, language_level=3, quiet=True)
    return list(
        build(
            [
                Extension(
                    f"boilerkit.selection.{name}",
                    [f"{SOURCES}/{name}{suffix}"],
                    include_dirs=include_dirs,
                )
                for name in MODULES
            ]
        )
    )


class OptionalBuildExt(build_ext):
    """``build_ext`` that warns instead of failing: no compiler means the pure path."""

    def run(self) -> None:
        try:
            super().run()
        except BUILD_ERRORS as error:
            _warn(f"compiled core not built ({error})")

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except BUILD_ERRORS as error:
            _warn(f"{ext.name} not built ({error})")


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
