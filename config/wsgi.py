import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# What is loaded by now (Django, the apps, the models) lives as long as the worker: keep it out of the garbage
# collector's full passes, which otherwise walk all of it every few uncached pages (docs/benchmarks.md: the p95
# of an uncached comparison, 83–93 ms, became 53–66 ms).
gc.freeze()
