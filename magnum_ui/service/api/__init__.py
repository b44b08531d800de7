"""The Magnum v1-compatible REST API: one module per resource."""
