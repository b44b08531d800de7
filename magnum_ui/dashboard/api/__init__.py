"""Calls from the dashboard to the service API."""
