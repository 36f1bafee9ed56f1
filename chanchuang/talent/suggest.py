"""The skill suggestion kernel: which skills of a dictionary a job description mentions.

Pure Python over plain data (no Django, nothing of ours): a ``SkillSuggester`` takes the
vocabulary as ``(skill id, name, synonyms)`` and answers ``suggest(text)`` with the skills whose
name or synonyms the text uses, in the order they first appear, each with the words found and
how often.

Matching is on words, not substrings. The text is cut into words by jieba with a user
dictionary holding every name and synonym of every vocabulary seen in the process (one
process-wide ``jieba.Tokenizer``, words added with ``add_word``), so that "安全" is not found
inside "网络安全" (a word of its own) and "电力" not inside "电力电子" once that is a word of
the dictionary. Latin letters are compared case-insensitively (the text's ASCII and full-width
letters are lowered before it is cut, which keeps every offset) and a word found must not
continue a run of Latin letters or digits on either side: "Java" is not found in
"JavaScript", "PLC" is found in "plc编程" only when the dictionary has no "PLC编程". Terms with
spaces or punctuation ("Power BI", "C++") are not jieba words: they match by a case-insensitive
search bounded the same way (a space in the term matches any run of white space, or none).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import jieba

jieba.setLogLevel(logging.WARNING)

# ASCII and full-width Latin letters and digits → lower-case ASCII, one character for one
# (offsets in the lowered text are offsets in the original).
_LOWER = {**{code: code + 32 for code in range(ord("A"), ord("Z") + 1)},
          **{code: code - 0xFF21 + ord("a") for code in range(0xFF21, 0xFF3B)},
          **{code: code - 0xFF41 + ord("a") for code in range(0xFF41, 0xFF5B)},
          **{code: code - 0xFF10 + ord("0") for code in range(0xFF10, 0xFF1A)}}
# A term that jieba can hold as one word: CJK characters, Latin letters and digits only.
_WORDLIKE = re.compile(r"^[0-9a-z\u3400-\u4dbf\u4e00-\u9fff]+$")
_ALNUM = re.compile(r"[0-9a-z]")
# A new word (not in jieba's own dictionary) is made this much likelier than the pieces it
# would otherwise be cut into, so that it holds together in a sentence as well as alone.
_NEW_WORD_BOOST = 20

_tokenizer: jieba.Tokenizer | None = None
_known_words: set[str] = set()
_lock = threading.Lock()


def lowered(text: str) -> str:
    """``text`` with its Latin letters and digits as lower-case ASCII, offsets unchanged."""
    return text.translate(_LOWER)


def _words_added(words: Iterable[str]) -> jieba.Tokenizer:
    """The process's tokenizer, with ``words`` in its dictionary (added once each)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            _tokenizer = tokenizer
        for word in words:
            if word in _known_words:
                continue
            if word not in _tokenizer.FREQ or not _tokenizer.FREQ[word]:
                suggested = _tokenizer.suggest_freq(word, tune=False)
                _tokenizer.add_word(word, freq=suggested * _NEW_WORD_BOOST)
            _known_words.add(word)
        return _tokenizer


@dataclass(frozen=True)
class Suggestion:
    """A skill the text mentions: the words of the text that name it (as written, in order of
    first appearance) and how many times they occur."""

    skill_id: int
    words: tuple[str, ...]
    count: int


@dataclass
class _Found:
    first: int
    words: dict[str, None] = field(default_factory=dict)
    count: int = 0


def _bounded(text: str, start: int, end: int) -> bool:
    """The match [start, end) does not continue a run of Latin letters or digits."""
    if start > 0 and _ALNUM.match(text[start]) and _ALNUM.match(text[start - 1]):
        return False
    return not (end < len(text) and _ALNUM.match(text[end - 1]) and _ALNUM.match(text[end]))


class SkillSuggester:
    """Suggests the skills of a vocabulary that a text mentions (see the module docstring)."""

    def __init__(self, vocabulary: Iterable[tuple[int, str, Sequence[str]]]) -> None:
        self.terms: dict[str, list[int]] = {}
        for skill_id, name, synonyms in vocabulary:
            for term in (name, *synonyms):
                key = lowered(" ".join(str(term).split())).strip()
                if key and skill_id not in self.terms.setdefault(key, []):
                    self.terms[key].append(skill_id)
        words = [term for term in self.terms if _WORDLIKE.match(term)]
        self._words = frozenset(words)
        self._tokenizer = _words_added(words)
        phrases = sorted((term for term in self.terms if term not in self._words),
                         key=len, reverse=True)
        self._phrases = re.compile("|".join(
            r"\s*".join(re.escape(part) for part in term.split(" ")) for term in phrases
        )) if phrases else None

    def _matches(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, term) of every term found in the lowered text."""
        start = 0
        words = self._words
        for token in self._tokenizer.cut(text, HMM=False):
            end = start + len(token)
            if token in words and _bounded(text, start, end):
                yield start, end, token
            start = end
        if self._phrases is not None:
            for match in self._phrases.finditer(text):
                if _bounded(text, match.start(), match.end()):
                    yield match.start(), match.end(), " ".join(match.group().split())

    def suggest(self, text: str) -> list[Suggestion]:
        """The skills ``text`` mentions, in the order of their first mention."""
        if not text or not self.terms:
            return []
        low = lowered(text)
        found: dict[int, _Found] = {}
        for start, end, term in sorted(self._matches(low)):
            written = text[start:end]
            for skill_id in self.terms[term]:
                entry = found.get(skill_id)
                if entry is None:
                    entry = found[skill_id] = _Found(first=start)
                entry.first = min(entry.first, start)
                entry.words.setdefault(written, None)
                entry.count += 1
        ordered = sorted(found.items(), key=lambda item: item[1].first)
        return [Suggestion(skill_id, tuple(entry.words), entry.count)
                for skill_id, entry in ordered]
