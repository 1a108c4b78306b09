"""Helpers for the study of two Chinese-language arms-control texts.

The pipeline runs corpus → structure → segment → entities → tables:

- :mod:`helpers.corpus` reads the manifest and decodes the raw files;
- :mod:`helpers.clean` and :mod:`helpers.structure` clean and segment the text
  into parts, sections and sentences with raw offsets;
- :mod:`helpers.notes` parses footnotes and links them to their sentences;
- :mod:`helpers.segment` tokenises with jieba and a domain dictionary;
- :mod:`helpers.entities` links surface forms to canonical entities;
- :mod:`helpers.quality` collects the quality audit;
- :mod:`helpers.tables` assembles the export tables; :mod:`helpers.export` writes them.
"""

from __future__ import annotations

__version__ = "0.1.0"
