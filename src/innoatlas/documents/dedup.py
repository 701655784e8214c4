"""Exact and near-duplicate documents (reposts), with MinHash/LSH (datasketch).

Both work on the normalised body, so a repost in the other script
(traditional vs simplified) or in full-width characters is found too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from innoatlas.documents.model import Document

# Character shingles: 5-grams of the normalised text without white space. Chinese
# words are 1-4 characters, so 5-grams span word boundaries and a few changed
# words disturb only the shingles around them.
SHINGLE_CHARS = 5
NUM_PERM = 128
# The hashing scheme is fixed so that signatures stored in a database stay
# comparable with new ones after a datasketch upgrade.
MINHASH_SCHEME = "affine32"

# Estimated Jaccard similarity from which two bodies are the same story.
# Measured on the example corpus, the seeds and the dev articles (all pairs):
# a repost with a different header and footer and a few words changed scores
# 0.73 (exact Jaccard 0.77), a repost in the other script 1.0, while different
# articles, even about the same zone and month, score at most 0.04.
# 0.5 sits well between the two and tolerates heavier edits of a repost.
NEAR_DUPLICATE_THRESHOLD = 0.5

_SPACE = re.compile(r"\s+")
# The band hashes' multipliers are drawn from this seed (any fixed one: they are never stored).
SEED_OF_BAND_HASHES = 20240
# Documents added since the band hashes were last sorted are compared one by one: at least
# this many, at most an eighth of the index, before sorting again.
MIN_UNSORTED = 1024


@dataclass
class DuplicateMatch:
    kind: str  # 'exact' or 'near'
    key: str  # the key the earlier document was added under
    similarity: float  # 1.0 for exact; estimated Jaccard for near


def shingles(text: str, k: int = SHINGLE_CHARS) -> set[bytes]:
    compact = _SPACE.sub("", text)
    if len(compact) <= k:
        return {compact.encode("utf-8")} if compact else set()
    return {compact[i : i + k].encode("utf-8") for i in range(len(compact) - k + 1)}


def minhash_of(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    m.update_batch(list(shingles(text)))
    return m


def signature_of(doc: Document) -> np.ndarray:
    """The document's MinHash values (NUM_PERM 32-bit integers): all an index keeps of it."""
    return minhash_of(doc.norm).hashvalues.astype(np.uint32)


def minhash_bytes(doc: Document, signature: np.ndarray | None = None) -> bytes:
    """The document's MinHash signature, to store next to its content hash."""
    values = signature_of(doc) if signature is None else signature
    return values.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    values = np.frombuffer(data, dtype="<u8")
    if len(values) != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, this one has {len(values)}")
    if values.max() > np.iinfo(np.uint32).max:
        raise ValueError("a signature value is wider than 32 bits (another MinHash scheme)")
    return values.astype(np.uint32)


class DuplicateIndex:
    """Documents seen so far: find(doc) tells whether a new one repeats one of them.

    LSH over MinHash signatures, as datasketch's MinHashLSH does it (the same
    bands), but keeping only numbers: a document costs about 1 KB (its 128
    values, a hash per band, its place in the sorted band hashes), where
    MinHashLSH with MinHash objects took about 10 KB (each object's
    permutation arrays, a bytes key and a set per band), 1 GB for an
    ingest of 100,000 documents. The band hashes of all but the newest
    documents are kept sorted and searched by bisection; the newest
    (fewer than an eighth) are compared directly until the next re-sort.
    """

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD):
        self.threshold = threshold
        bands = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)  # its optimal bands for the threshold
        self._bands, self._rows = bands.b, bands.r
        # Per band, one odd multiplier per value: a band's values hash to one 64-bit number.
        rng = np.random.default_rng(SEED_OF_BAND_HASHES)
        self._multipliers = rng.integers(1, 2**63, size=(self._bands, self._rows), dtype=np.uint64) | 1
        self._signatures = np.empty((0, NUM_PERM), dtype=np.uint32)
        self._band_hashes = np.empty((0, self._bands), dtype=np.uint64)
        self._count = 0
        self._keys: list[str] = []
        self._positions: dict[str, int] = {}
        self._by_hash: dict[str, str] = {}
        self._sorted = np.empty(0, dtype=np.uint64)  # band hashes of the first `_indexed` documents
        self._sorted_positions = np.empty(0, dtype=np.uint32)
        self._indexed = 0

    def __len__(self) -> int:
        return self._count

    def add(self, key: str, doc: Document, signature: np.ndarray | None = None) -> None:
        """Count `doc` as an original from now on (`signature`: its signature_of, if known)."""
        self._insert(key, doc.content_hash, signature_of(doc) if signature is None else signature)

    def add_signature(self, key: str, content_hash: str, signature: bytes) -> None:
        """Add a stored document (the store rebuilds the index from its database)."""
        self._insert(key, content_hash, signature_from_bytes(signature))

    def _insert(self, key: str, content_hash: str, signature: np.ndarray) -> None:
        if key in self._positions:
            return
        self._by_hash.setdefault(content_hash, key)
        if self._count == len(self._signatures):
            self._grow()
        self._signatures[self._count] = signature
        self._band_hashes[self._count] = self._hash_bands(signature[None, :])[0]
        self._positions[key] = self._count
        self._keys.append(key)
        self._count += 1
        if self._count - self._indexed > max(MIN_UNSORTED, self._count // 8):
            self._sort_bands()

    def _grow(self) -> None:
        capacity = max(MIN_UNSORTED, len(self._signatures) * 3 // 2)
        self._signatures = _resized(self._signatures, capacity)
        self._band_hashes = _resized(self._band_hashes, capacity)

    def _hash_bands(self, signatures: np.ndarray) -> np.ndarray:
        """(documents, bands) hashes; equal bands hash equal, unequal ones almost never do."""
        width = self._bands * self._rows
        banded = signatures[:, :width].astype(np.uint64).reshape(-1, self._bands, self._rows)
        return (banded * self._multipliers).sum(axis=2, dtype=np.uint64)  # wraps modulo 2**64

    def _sort_bands(self) -> None:
        # One sorted array for all bands: each band has its own multipliers, so equal
        # values in two different bands do not hash equal.
        flat = self._band_hashes[: self._count].ravel()
        order = np.argsort(flat, kind="stable")
        self._sorted = flat[order]
        self._sorted_positions = (order // self._bands).astype(np.uint32)
        self._indexed = self._count

    def candidates(self, signature: np.ndarray) -> np.ndarray:
        """Positions of the documents sharing a band with `signature`, in the order they were added."""
        wanted = self._hash_bands(signature[None, :])[0]
        low = np.searchsorted(self._sorted, wanted, side="left")
        high = np.searchsorted(self._sorted, wanted, side="right")
        found = [self._sorted_positions[a:b] for a, b in zip(low, high, strict=True) if b > a]
        recent = self._band_hashes[self._indexed : self._count]
        found.append(np.flatnonzero((recent == wanted).any(axis=1)).astype(np.uint32) + self._indexed)
        return np.unique(np.concatenate(found))

    def find(self, doc: Document, signature: np.ndarray | None = None) -> DuplicateMatch | None:
        """The earlier document `doc` repeats, exactly or nearly; None if it is new.

        Of several near ones, the most similar; of equally similar ones, the
        first added (the original the others repeat).
        """
        key = self._by_hash.get(doc.content_hash)
        if key is not None:
            return DuplicateMatch("exact", key, 1.0)
        if self._count == 0:
            return None
        signature = signature_of(doc) if signature is None else signature
        positions = self.candidates(signature)
        if not len(positions):
            return None
        # as MinHash.jaccard: the share of equal values
        similarities = np.count_nonzero(self._signatures[positions] == signature, axis=1) / float(NUM_PERM)
        best = int(np.argmax(similarities))  # the first of the highest
        if similarities[best] < self.threshold:
            return None
        return DuplicateMatch("near", self._keys[positions[best]], round(float(similarities[best]), 3))


def _resized(array: np.ndarray, rows: int) -> np.ndarray:
    grown = np.empty((rows, *array.shape[1:]), dtype=array.dtype)
    grown[: len(array)] = array
    return grown
