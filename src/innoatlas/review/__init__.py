"""Analyst review: confirm, reject, correct, add, merge, split and undo, with an audit log.

actions.py   what an analyst does (records a review action and applies it)
apply.py     what an action does to the rows, forward and backward; replay after a re-ingest
export.py    reviewed facts as gold annotations (ANNOTATION.md)

The rows and the audit log are the store's: store/review.py (stable
identities of facts, snapshots, row steps), store/review_log.py (the
actions), store/review_export.py (reviewed facts).
"""
