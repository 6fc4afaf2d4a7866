"""KCC voice training simulator."""
