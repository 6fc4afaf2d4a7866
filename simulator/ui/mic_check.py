"""The microphone check on the start screen: is there a microphone, and does it hear anything?"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from simulator.audio.errors import AudioUnavailable

LISTEN_SECONDS = 1.5
TYPED_OFFER = " U kunt wel oefenen met getypte antwoorden: kies 'Typen'."


@dataclass(frozen=True)
class MicResult:
    ok: bool
    message: str
    level: float = 0.0


def check_microphone(seconds: float = LISTEN_SECONDS) -> MicResult:
    """Open the default microphone, record a moment and report in Dutch (runs on a thread)."""
    try:
        from simulator.audio.microphone import SRMicrophone

        microphone = SRMicrophone(calibrate=False)
        stop = threading.Event()
        timer = threading.Timer(seconds, stop.set)
        timer.start()
        audio = microphone.record(stop)
    except AudioUnavailable as exc:
        return MicResult(False, str(exc) + TYPED_OFFER)
    except Exception as exc:  # any other device trouble: same advice
        return MicResult(False, f"De microfoon werkt niet ({exc})." + TYPED_OFFER)
    level = _peak_level(audio.get_raw_data(), audio.sample_width)
    if level < 0.01:
        return MicResult(
            True,
            "Er is een microfoon gevonden, maar hij hoort niets. Controleer of hij aan staat "
            "en niet gedempt is.",
            level,
        )
    return MicResult(True, "De microfoon werkt. U kunt spreken tijdens het gesprek.", level)


def _peak_level(raw: bytes, width: int) -> float:
    import numpy as np

    if not raw or width != 2:
        return 0.0
    samples = np.frombuffer(raw, dtype=np.int16).astype(np.float32)
    return float(np.abs(samples).max() / 32768.0) if samples.size else 0.0
