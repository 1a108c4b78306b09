"""The one exception type the library raises for bad input.

Every message is a single line that names the file concerned and says what to do,
so that the command line can print it without a traceback.
"""

from __future__ import annotations


class HelpersError(Exception):
    """A problem with the user's input (a file, a manifest, an argument).

    The message is one line: what is wrong, with which file, and the fix.
    """

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
