"""gunicorn's settings for `make serve` and production; the command line overrides them.

PORT (default 8000) and HOST (default 127.0.0.1; 0.0.0.0 to take requests from a load balancer) say where to
listen; WEB_CONCURRENCY how many worker processes (default: two per core, plus one).
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{int(os.environ.get('PORT', '8000'))}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A request that takes longer than this is a fault: the worker is replaced.
timeout = 30
graceful_timeout = 20
accesslog = "-"
# The request's id (catalogue/logs.py) and how long it took, so that an access line leads to the app's own lines.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s'
# gunicorn's runtime control socket has one default path per user: several instances on one machine would
# fight over it, and nothing here uses it.
control_socket_disable = True
