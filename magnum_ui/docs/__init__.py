"""The generated documents: the API's OpenAPI description and reference, the settings.

Run by ``make docs``; tests keep the committed files equal to what these
write.  Outside the service on purpose: documentation is not in the request
path, and the configuration reference covers the all-in-one's environment too.
"""
