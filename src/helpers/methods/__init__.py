"""The library, layer 3: the methods of analysis (frequency, KWIC, keyness, collocates) and the measurement of the pipeline (evaluation with intervals)."""
