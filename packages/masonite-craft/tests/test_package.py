from __future__ import annotations

import re
from importlib.metadata import version

import masonite.craft


def test_version_matches_distribution_metadata() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", masonite.craft.__version__)
    assert version("masonite-craft") == masonite.craft.__version__


def test_namespace_package_has_no_init() -> None:
    import masonite

    assert getattr(masonite, "__file__", None) is None
