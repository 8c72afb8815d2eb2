"""Reading-list shapes: one module a shape, registered by name in this package."""
