"""Generated index pages, one module a kind, split into small pages."""
