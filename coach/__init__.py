"""Coach: a practice partner for informational interviews."""

__version__ = "0.1.0"
