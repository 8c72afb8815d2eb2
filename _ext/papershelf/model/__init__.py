"""The vocabulary every layer speaks: typed records, the problem catalog, a shelf's settings."""
