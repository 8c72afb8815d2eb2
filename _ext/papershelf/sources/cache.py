"""One cache for every source: ``.papershelf-cache/<source>/<id>.json``.

Each record holds the source's answer about one id (already validated and
reduced to plain JSON values) and the day it was fetched, so ``enrich
--refresh-older-than 7d`` knows what to ask again. A record is written through
:func:`~papershelf.shelf.paths.commit` as soon as its answer arrives: an
interrupted run resumes where it stopped. A record of another version or shape
(or a planted one) reads as missing and is asked again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from papershelf.shelf.paths import commit

CACHE_ROOT = Path(".papershelf-cache")
#: records of this version are read; others are asked again
VERSION = 1
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class Record:
    fetched: dt.date
    data: Any  #: the source's reduced answer; None when the source knows no such id


@dataclass
class SourceCache:
    """The records of one source."""

    directory: Path

    @classmethod
    def of(cls, root: Path, source: str) -> SourceCache:
        return cls(root / CACHE_ROOT / source)

    def _file(self, identifier: str) -> Path:
        name = _SAFE.sub("_", identifier)[:80]
        digest = hashlib.sha256(identifier.encode("utf-8")).hexdigest()[:10]  # "a/b" and "a_b" stay apart
        return self.directory / f"{name}.{digest}.json"

    def get(self, identifier: str) -> Record | None:
        try:
            data = json.loads(self._file(identifier).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != VERSION or data.get("id") != identifier:
            return None
        try:
            fetched = dt.date.fromisoformat(str(data.get("fetched")))
        except ValueError:
            return None
        return Record(fetched, data.get("data"))

    def fresh(self, identifier: str, today: dt.date, max_age: dt.timedelta | None) -> Record | None:
        """The record, unless it is older than ``max_age`` (None: any age will do)."""
        record = self.get(identifier)
        if record is None or (max_age is not None and today - record.fetched > max_age):
            return None
        return record

    def put_many(self, records: dict[str, Any], today: dt.date) -> None:
        """Write a batch of answers at once (one all-or-none commit)."""
        if not records:
            return
        files = {
            self._file(identifier): json.dumps({"version": VERSION, "id": identifier, "fetched": today.isoformat(), "data": data}, ensure_ascii=False, sort_keys=True)
            for identifier, data in records.items()
        }
        commit(files, within=self.directory)
