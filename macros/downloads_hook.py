"""MkDocs hook (mkdocs.yml, `hooks:`): the regulation and its approving order as DOCX in every build.

The files are added to the build as generated files (docs/downloads/…), so `mkdocs serve` serves
them and the links on the regulation page are checked like any other. The documents themselves
are made by macros/docx_act.py from the knowledge base the macros plugin loaded for this profile.
"""

from __future__ import annotations

from mkdocs.structure.files import File


def on_files(files, config):
    components = config.plugins["macros"].variables.get("_kb_components")
    if components is None:  # the data has an error: the preview shows it on every page (macros/site.py)
        return files
    for path, content in components.downloads().items():
        files.append(File.generated(config, path, content=content))
    return files
