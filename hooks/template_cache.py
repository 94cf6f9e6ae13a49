"""MkDocs hook: the theme's templates are compiled once, not on every build.

MkDocs compiles Material's templates (base.html, the partials, our overrides/) anew in each build;
that is a third of a small site's build time. With the build cache's Jinja bytecode cache
(macros/cache.py: a private directory, entries keyed by each template's source) every later build
of any profile loads the compiled code instead.
"""

from __future__ import annotations

import sys


def on_env(env, config, files):
    # The macros plugin has imported the project's macros package by now (its on_config ran first).
    cache = sys.modules.get("macros.cache")
    if cache is not None:
        env.bytecode_cache = cache.bytecode_cache()
    return env
