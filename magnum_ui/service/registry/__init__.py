"""The image registry's token service: who may pull and push what.

The registry (Docker's CNCF distribution) trusts bearer tokens signed by a
key of ours (:mod:`.signing`).  A client (a bay's engine, ``docker login``)
asks :mod:`magnum_ui.service.api.registry_tokens` for one with its
OpenStack user name and password; :mod:`.identity` checks them with
Keystone and :mod:`.access` decides, per requested scope, which actions the
token grants: a project's members push and pull ``<project id>/...``, its
readers pull, anyone pulls ``library/...``, nobody reaches another
project's namespace.
"""
