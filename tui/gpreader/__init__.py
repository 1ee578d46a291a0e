"""gpreader: a keyboard-driven terminal reader for UK primary-care policy news."""

__version__ = "0.1.0"
