"""The project: settings (read from the environment through config.env), and the WSGI and ASGI entry points."""
