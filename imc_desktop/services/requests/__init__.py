"""Requests and monitorings: incoming requests, data collections from the ОО, their answers."""
