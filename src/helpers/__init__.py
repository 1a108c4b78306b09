"""Helpers for the study of two Chinese-language arms-control texts.

The pipeline runs corpus → structure → segment → entities → tables:

- :mod:`helpers.text.corpus` reads the manifest and decodes the raw files;
- :mod:`helpers.text.clean` and :mod:`helpers.text.structure` clean and segment the text
  into parts, sections and sentences with raw offsets;
- :mod:`helpers.text.notes` parses footnotes and links them to their sentences;
- :mod:`helpers.language.segment` tokenises with jieba and a domain dictionary;
- :mod:`helpers.language.entities` links surface forms to canonical entities;
- :mod:`helpers.text.quality` collects the quality audit;
- :mod:`helpers.tables` assembles the export tables; :mod:`helpers.export` writes them.
"""

from __future__ import annotations

__version__ = "0.1.0"


def setup() -> None:
    """Prepare a notebook: quiet jieba, a Chinese font for charts, PNG figures, wide tables.

    Call it once at the top of every notebook.  It prints nothing.
    """
    import pandas as pd

    from .language import segment  # noqa: F401  (silences jieba's logger on import)
    from .publish.plotting import use_cjk_font

    use_cjk_font()
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png")  # nbval skips PNG; SVG would embed a date
    except ImportError:  # outside IPython
        pass
    pd.set_option("display.max_colwidth", None)  # never cut a cell: a cut quotation or address misleads
    pd.set_option("display.max_rows", 80)
    pd.set_option("display.width", 200)

