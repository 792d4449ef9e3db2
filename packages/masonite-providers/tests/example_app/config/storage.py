"""Static folders (relative to the app) and the URL prefixes they are served under."""

STATICFILES = {
    "storage/static": "static/",
    "storage/missing": "missing/",
}
