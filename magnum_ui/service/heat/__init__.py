"""Heat, as the service uses it: the client with its two identities, and stacks read for clusters.

``client`` makes openstacksdk connections (the requesting user's, for stack
writes; the service user's, for reads); ``stacks`` reads a stack's state,
outputs and failures the way a cluster needs them.  The conductor drives
stacks with both; the API's progress route reads them.
"""
