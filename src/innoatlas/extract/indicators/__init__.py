"""Indicators: every figure of a document as a sourced record.

find.py runs the stage over the quantities of numbers.py; context.py holds
what the whole document says (main subject, headings, report year);
timing.py (with periods.py) dates a figure, subjects.py says whom it is
about, metrics.py names what it counts.
"""

from innoatlas.extract.indicators.find import extract_indicators
from innoatlas.extract.indicators.metrics import metric_key

__all__ = ["extract_indicators", "metric_key"]
