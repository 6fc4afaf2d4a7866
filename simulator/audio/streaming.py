"""Recognising a turn in pieces while the trainee is still speaking.

Whisper needs about 0.1 s per second of speech on 2 cores (short context, see
whisper_context.py), so a 10-second answer would keep the caller waiting over a second after the
talk key is released. Instead the recording is cut at the trainee's own pauses (between clauses
and sentences) and every finished piece is recognised at once, in the background; when the key is
released only the last piece is left. The pieces' utterances are joined into one.

Cuts fall in the middle of a pause of at least PAUSE_SECONDS after at least MIN_PIECE_SECONDS of
audio, so no word is cut in two; "pause" is a stretch of chunks well below the loudest chunk so
far (relative, so a quiet or a loud headset both work).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from speech_recognition import AudioData

from simulator.audio.measure import rms
from simulator.audio.protocols import SpeechRecognizer
from simulator.audio.utterance import Utterance

PAUSE_SECONDS = 0.35
MIN_PIECE_SECONDS = 4.0
# A chunk is quiet below this share of the loudest chunk's level (about -18 dB) ...
QUIET_SHARE = 0.12
# ... or below this absolute level (int16 RMS) when nothing loud has been heard yet.
QUIET_FLOOR = 120.0


@dataclass
class _Piece:
    offset: float  # seconds from the start of the turn
    result: Future

    def utterance(self) -> Utterance:
        return self.result.result().shifted(self.offset)


@dataclass
class PieceRecognition:
    """One turn's audio, fed chunk by chunk (`feed`), recognised piece by piece (`finish`)."""

    recognizer: SpeechRecognizer
    sample_rate: int
    sample_width: int
    pool: ThreadPoolExecutor
    _audio: bytearray = field(default_factory=bytearray)
    _cut: int = 0  # bytes already handed out as pieces
    _quiet: int = 0  # bytes of quiet at the end of the audio
    _voiced: bool = False  # speech since the last cut
    _loudest: float = 0.0
    _pieces: list[_Piece] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def feed(self, chunk: bytes) -> None:
        """More audio (from the recording thread)."""
        level = _rms(chunk, self.sample_width)
        with self._lock:
            self._audio.extend(chunk)
            self._loudest = max(self._loudest, level)
            if level < max(QUIET_FLOOR, QUIET_SHARE * self._loudest):
                self._quiet += len(chunk)
            else:
                self._quiet = 0
                self._voiced = True
            self._maybe_cut()

    def finish(self, audio: AudioData | None = None) -> Utterance:
        """The whole turn as one utterance (times from the start of the turn).

        `audio` is the complete recording when the caller has it: when it is longer than what
        was fed (chunks lost or never fed), the rest is taken from it."""
        with self._lock:
            if audio is not None and len(audio.frame_data) > len(self._audio):
                self._audio.extend(audio.frame_data[len(self._audio) :])
            tail = self._piece(self._cut, len(self._audio))
            pieces = [*self._pieces, tail] if tail else list(self._pieces)
            self._cut = len(self._audio)
        return join_utterances([p.utterance() for p in pieces], self._seconds(len(self._audio)))

    @property
    def pieces(self) -> int:
        return len(self._pieces)

    def _maybe_cut(self) -> None:
        pause = self._seconds(self._quiet) >= PAUSE_SECONDS
        long_enough = self._seconds(len(self._audio) - self._cut) >= MIN_PIECE_SECONDS
        if not (pause and long_enough and self._voiced):
            return
        end = self._frame_aligned(len(self._audio) - self._quiet // 2)
        piece = self._piece(self._cut, end)
        if piece:
            self._pieces.append(piece)
        self._cut, self._voiced = end, False

    def _piece(self, begin: int, end: int) -> _Piece | None:
        if end <= begin:
            return None
        audio = AudioData(bytes(self._audio[begin:end]), self.sample_rate, self.sample_width)
        return _Piece(self._seconds(begin), self.pool.submit(self.recognizer.transcribe, audio))

    def _seconds(self, size: int) -> float:
        return size / float(self.sample_rate * self.sample_width)

    def _frame_aligned(self, size: int) -> int:
        return size - size % self.sample_width


def _rms(chunk: bytes, width: int) -> float:
    if width != 2:
        return 0.0
    return rms(np.frombuffer(chunk[: len(chunk) - len(chunk) % 2], dtype=np.int16))


def join_utterances(parts: list[Utterance], duration: float) -> Utterance:
    """One utterance from consecutive pieces; the confidence is the mean over all words."""
    heard = [p for p in parts if not p.empty]
    if not heard:
        return Utterance("", 0.0, round(duration, 2), 0.0, ())
    words = tuple(w for p in heard for w in p.words)
    if words:
        confidence = sum(w.probability for w in words) / len(words)
    else:
        confidence = sum(p.confidence for p in heard) / len(heard)
    return Utterance(
        " ".join(p.text.strip() for p in heard),
        heard[0].start,
        heard[-1].end,
        round(confidence, 3),
        words,
    )
