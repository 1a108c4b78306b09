"""The library, layer 1: reading a document, cleaning it with every edit logged, structuring it into sentences, notes and quality flags."""
