"""innoatlas: a sourced knowledge base of regional S&T innovation from Chinese text."""

__version__ = "0.1.0"
