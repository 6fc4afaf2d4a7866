"""Measuring sound: loudness for the level meter, duration and pitch for the voice tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf


def read_mono(path: Path) -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(path), dtype="float32", always_2d=True)
    return samples.mean(axis=1), rate


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0


def level_dbfs(samples: np.ndarray) -> float:
    """Loudness in dB below full scale (-100 for silence)."""
    value = rms(samples)
    return max(-100.0, 20.0 * float(np.log10(value))) if value > 0 else -100.0


def median_pitch(samples: np.ndarray, rate: int, low: float = 60.0, high: float = 400.0) -> float:
    """Median fundamental frequency (Hz) over voiced 40 ms frames, by autocorrelation; 0 if none."""
    frame = int(0.04 * rate)
    loud = rms(samples) * 0.5
    pitches = []
    for begin in range(0, len(samples) - frame, frame):
        chunk = samples[begin : begin + frame].astype(np.float64)
        if rms(chunk) < loud:
            continue
        chunk = chunk - chunk.mean()
        corr = np.correlate(chunk, chunk, mode="full")[frame - 1 :]
        lo, hi = int(rate / high), int(rate / low)
        if hi >= len(corr) or corr[0] <= 0:
            continue
        lag = lo + int(np.argmax(corr[lo:hi]))
        if corr[lag] / corr[0] > 0.4:  # clearly periodic: a voiced frame
            pitches.append(rate / lag)
    return float(np.median(pitches)) if pitches else 0.0
