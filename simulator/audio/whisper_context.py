"""Whisper's encoder on the speech only, not on 30 seconds of padding.

Whisper pads every window to 30 s of audio (3000 feature frames) before encoding it. A trainee
sentence lasts 2-12 s, so most of the encoder's work (0.59 s of about 1 s per sentence for the
base model on 2 cores) went into silence. CTranslate2's Whisper encoder also accepts shorter
inputs (the encoder attends over whatever length it gets), so the padding is cut back to the
speech plus a short margin: measured on 12 KCC phrases, 0.41 s instead of 0.99 s per sentence at
an equal word error rate (0.75 vs 0.78); see bench/README.md. The decoder and the word-timing
alignment work on the shorter encoder output unchanged.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from faster_whisper import WhisperModel

# Frames are 10 ms. The margin keeps a second of padding after the speech, as Whisper saw in
# training; the minimum keeps very short answers ("ja") from an unusually short context.
MARGIN_FRAMES = 100
MIN_FRAMES = 300


def speech_frames(features: np.ndarray, margin: int = MARGIN_FRAMES) -> int:
    """How many frames to encode: up to the last non-padding frame, plus the margin.

    faster-whisper pads the feature array itself with exact zeros; real log-mel frames are
    never all zero, so the padding is the run of all-zero frames at the end.
    """
    total = features.shape[-1]
    frames = features.reshape(-1, total)
    used = np.flatnonzero(np.any(frames != 0, axis=0))
    content = int(used[-1]) + 1 if used.size else 0
    keep = max(MIN_FRAMES, content + margin)
    keep += keep % 2  # the encoder halves the frame count
    return min(total, keep)


class ShortContextWhisperModel(WhisperModel):
    """faster-whisper's model with the trailing padding cut off before encoding.

    `short_context` is switched off for a recognition with an initial prompt: with a prompt the
    short context loses accuracy (word error rate 68.9 % -> 77.3 % on voice nl+m7) and puts
    prompted names in more sentences that lack them (2 -> 3 of 354).
    """

    short_context = True

    def encode(self, features: np.ndarray) -> Any:
        if self.short_context:
            features = features[..., : speech_frames(features)]
        return super().encode(features)
