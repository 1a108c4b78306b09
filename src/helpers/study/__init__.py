"""The study of the two texts (FES 2024, Carnegie 2024): built on the library, never imported by it.

Its layer (:mod:`helpers.study.layer`) adds to the two texts, and to no other document, what careful reading
recorded about them; the other modules hold the hand coding, the reference facts and the views of notebooks 01-03.
"""
