"""Start the KCC simulator: the app when there is a screen, otherwise the text-mode call."""

from simulator.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
