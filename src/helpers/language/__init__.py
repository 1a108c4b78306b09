"""The library, layer 2: words, names and dates in Chinese (the tokenizer and its dictionaries, entity linking, date normalisation)."""
