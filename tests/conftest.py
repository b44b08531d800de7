"""Fixtures shared by the test folders: ``aio``, the running all-in-one."""

from tests.allinone import aio

__all__ = ["aio"]
