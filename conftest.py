"""Session set-up shared by the unit tests and nbval.

matplotlib builds its font cache on first import and says so on stderr; jieba
builds its prefix-dictionary cache on first use.  Doing both here, before any
notebook runs, keeps that one-time chatter out of the notebooks' outputs.
"""

import matplotlib.font_manager  # noqa: F401  (builds matplotlib's font cache once)


def pytest_sessionstart(session):  # noqa: ARG001
    from helpers.language.segment import domain_tokenizer

    domain_tokenizer()
