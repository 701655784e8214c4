"""Analyst review: confirm, reject, correct, add, merge, split and undo, with an audit log.

actions.py   what an analyst does (records a ReviewAction and applies it)
apply.py     what an action does to the rows, forward and backward; replay after a re-ingest
facts.py     stable identities of facts (document source + span, entity key) and snapshots
log.py       the audit log
export.py    reviewed facts as gold annotations (ANNOTATION.md)
"""
