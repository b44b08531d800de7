"""The conductor: claims operations from the database and drives the drivers.

``magnum-ui-conductor --config-file PATH`` runs one.  Several may share a
database: the claim protocol (:mod:`magnum_ui.service.operations`) gives each
operation to one conductor, and a restarted conductor resumes the operations
it held, from the stack's state — never starting a second stack.
"""
