"""The mkdocs-macros module of the site: see macros/site.py."""

from .offline import on_post_build
from .site import define_env, on_post_page_macros, on_pre_page_macros

__all__ = ["define_env", "on_post_build", "on_pre_page_macros", "on_post_page_macros"]
