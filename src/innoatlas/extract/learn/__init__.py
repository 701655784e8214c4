"""The learned layer of the extract stage.

Rules propose candidates; small linear models trained on the gold
annotations decide (entities.py: is a name an entity, of which type).
`innoatlas train` rebuilds the models deterministically (train.py); the
shipped files are in models/.
"""
