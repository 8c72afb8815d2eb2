"""Reading-list shapes: one module a shape, registered here by name.

``papershelf import --shape auto`` tries them in this order and takes the first
that recognises something; a new shape is a module with a ``SHAPE`` and one line here.
"""

from papershelf.formats.lists import awesome, readinglist
from papershelf.formats.lists.entries import Shape

SHAPES: dict[str, Shape] = {shape.name: shape for shape in (
    readinglist.SHAPE,
    awesome.SHAPE,
)}
