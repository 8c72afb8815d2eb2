"""Metadata sources (the arXiv API today): one client a source."""
