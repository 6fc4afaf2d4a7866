"""Optional embedding path (filled in later)."""


def load_embedder(moves, required: bool = False):
    return None
