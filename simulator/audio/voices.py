"""Choosing a Dutch voice per platform: espeak-ng on Linux, SAPI5 on Windows, macOS voices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# espeak-ng's Dutch voice and the variants for a female or male caller. The variants are not
# listed by espeak but can be set ("nl+f3"); measured to give clearly different pitch.
ESPEAK_DUTCH = "gmw/nl"
ESPEAK_VARIANTS = {"vrouw": "nl+f3", "man": "nl+m3"}
# Dutch voices recognised by id or name when a driver reports no language (SAPI5, macOS).
DUTCH_TAGS = ("gmw/nl", "nl-nl", "nl_nl", "nl-be", "nl_be", "dutch", "nederlands")


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...]
    gender: str | None

    @property
    def dutch(self) -> bool:
        if any(lang.lower().replace("_", "-").split("-")[0] == "nl" for lang in self.languages):
            return True
        text = f"{self.id} {self.name}".lower()
        return any(tag in text for tag in DUTCH_TAGS)


def voice_infos(voices: Sequence[object]) -> list[VoiceInfo]:
    """pyttsx3 Voice objects as VoiceInfo (languages may be bytes or str per driver)."""
    infos = []
    for voice in voices:
        languages = tuple(
            lang.decode("utf-8", "ignore") if isinstance(lang, bytes) else str(lang)
            for lang in (getattr(voice, "languages", None) or ())
        )
        infos.append(
            VoiceInfo(
                id=str(voice.id),
                name=str(getattr(voice, "name", "") or ""),
                languages=languages,
                gender=getattr(voice, "gender", None),
            )
        )
    return infos


def pick_voice(driver: str, gender: str, voices: Sequence[VoiceInfo]) -> str | None:
    """The voice id for a caller of `gender` ('man'/'vrouw'), or None without a Dutch voice."""
    dutch = [v for v in voices if v.dutch]
    if not dutch:
        return None
    if driver == "espeak":
        return ESPEAK_VARIANTS.get(gender, ESPEAK_DUTCH)
    wanted = "female" if gender == "vrouw" else "male"
    same = [v for v in dutch if (v.gender or "").lower() == wanted]
    return (same or dutch)[0].id
