"""The papershelf commands, one module a command; commands never import each other."""
