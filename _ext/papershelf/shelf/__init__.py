"""The shelf model: page schema, the on-disk shelf and its writes, naming, rules, the cross-document view."""
