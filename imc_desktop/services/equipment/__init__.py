"""The schools' computers and other equipment."""
