"""The HTTP API: FastAPI routers over the same services the command line calls.

Every route but the health check takes a bearer token (workflow.tokens) and hands the services
the `Principal` it stands for; the services check the role. Errors are RFC 9457 problem details.
"""
