"""The Horizon plugin half of Magnum UI.

It talks only to the service API (through python-magnumclient with the
user's token), never to Heat or to a bay's orchestrator.  ``static`` and
``templates`` here are links to the repository's top-level folders.
"""
