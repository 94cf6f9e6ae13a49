"""MkDocs hook: the theme's templates are compiled once, not on every build.

MkDocs compiles Material's templates (base.html, the partials, our overrides/) anew in each build;
that is a third of a small site's build time. With Jinja's bytecode cache (the same private
directory as macros/cache.py: created for this user only, entries keyed by each template's
source) every later build of any profile loads the compiled code instead.
"""

from __future__ import annotations

import jinja2


def on_env(env, config, files):
    env.bytecode_cache = jinja2.FileSystemBytecodeCache()
    return env
