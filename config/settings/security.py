"""HTTP security with debug off: HTTPS only, cookies that stay on this site, a Content-Security-Policy
and no software names. Each can be tuned with an environment variable (README, 'In productie');
with DJANGO_DEBUG=1 (development over plain http) the HTTPS-only parts are off."""

from datetime import timedelta

from csp.constants import NONE, SELF

from .environment import DEBUG, env_bool, env_int, env_list

HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)

# Behind a proxy that ends TLS (nginx, a load balancer), it says so in X-Forwarded-Proto.
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = env_bool("DJANGO_USE_X_FORWARDED_HOST", False)

SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env_list("DJANGO_REFERRER_POLICY", "strict-origin-when-cross-origin")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page in another site's frame; Wagtail's preview frame allows itself (same origin) per view.
X_FRAME_OPTIONS = "DENY"

SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Scripts only from this site's own files: no inline script anywhere, on the site or in Wagtail's
# admin. Inline styles stay allowed (Wagtail's admin sets style attributes); extra sources per
# directive can be added with CSP_EXTRA_<DIRECTIVE> (e.g. CSP_EXTRA_IMG_SRC=https://cdn.example).
_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}
for _directive, _sources in _CSP_DIRECTIVES.items():
    _sources.extend(env_list("CSP_EXTRA_" + _directive.upper().replace("-", "_")))
_CSP = {"DIRECTIVES": _CSP_DIRECTIVES}
if env_list("CSP_REPORT_URI"):
    _CSP_DIRECTIVES["report-uri"] = env_list("CSP_REPORT_URI")
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = _CSP
# Wagtail's admin asks gravatar.com for avatars and releases.wagtail.org for new versions unless
# told not to: no third-party requests from the admin (the CSP would block them anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Admin login: after LOGIN_FAILURE_LIMIT wrong passwords for one user name from one address, that
# login is locked for LOGIN_LOCKOUT_MINUTES (django-axes, counted in the database, so that every
# process and machine counts the same attempts).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_TEMPLATE = "axes_geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
