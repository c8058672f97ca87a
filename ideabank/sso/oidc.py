"""The OpenID Connect relying party: discovery, the authorization code flow with PKCE, state and nonce,
and validation of the ID token against the provider's published keys (JWKS).

Authlib does the OAuth mechanics (PKCE, the token request, client authentication); joserfc verifies the
signature; authlib's CodeIDToken checks the claims. Everything a provider says is checked against what
the administrator configured, never the other way round.
"""

import hashlib
import logging
import time

import requests
from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from authlib.oidc.core import CodeIDToken
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from joserfc import jwt
from joserfc.errors import ClaimError, ExpiredTokenError, JoseError
from joserfc.jwk import KeySet

log = logging.getLogger("ideabank.sso")

SCOPE = "openid email profile"
# Asymmetric signatures only: "none" and HMAC (keyed with the client secret) are never accepted.
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
FLOW_SECONDS = 10 * 60
CLOCK_LEEWAY = 60
METADATA_SECONDS = 5 * 60


class SsoRefused(Exception):
    """The login cannot go on. ``message`` is for the user (Danish); ``reason`` is a short code for logs and tests."""

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason
        self.message = message


def same_issuer(a, b):
    # Issuers compare exactly (OpenID Connect Discovery §4.3), apart from a trailing slash typed or not.
    return (a or "").rstrip("/") == (b or "").rstrip("/")


def _get_json(url, provider):
    try:
        response = requests.get(url, timeout=settings.IDEABANK_SSO_TIMEOUT, headers={"Accept": "application/json"})
        response.raise_for_status()
        data = response.json()
    except (requests.RequestException, ValueError) as error:
        log.warning("sso provider %s unreachable at %s: %s", provider.pk, url, error)
        raise SsoRefused(
            "unreachable",
            _(
                "Vi kunne ikke få forbindelse til login-tjenesten hos %(organisation)s. Prøv igen om lidt, "
                "eller log ind med adgangskode."
            )
            % {"organisation": provider.organisation},
        ) from error
    if not isinstance(data, dict):
        raise SsoRefused("bad_metadata", _("Identitetsudbyderen svarede med noget, vi ikke kan bruge."))
    return data


def discover(provider):
    """The provider's metadata, refused unless it names the configured issuer (a mix-up guard).

    Kept for a few minutes, so starting many logins does not make us call the provider as often; the keys
    (JWKS) are fetched fresh for every answer, so a key rotation at the provider is seen at once."""
    url = provider.issuer.rstrip("/") + "/.well-known/openid-configuration"
    cache_key = "ideabank.sso.metadata:" + hashlib.sha256(url.encode()).hexdigest()
    metadata = cache.get(cache_key)
    if metadata is None:
        metadata = _get_json(url, provider)
        cache.set(cache_key, metadata, METADATA_SECONDS)
    if not same_issuer(metadata.get("issuer"), provider.issuer):
        raise wrong_issuer(provider, metadata.get("issuer"))
    if not all(isinstance(metadata.get(key), str) for key in ("authorization_endpoint", "token_endpoint", "jwks_uri")):
        raise SsoRefused("bad_metadata", _("Identitetsudbyderens opsætning mangler oplysninger, vi skal bruge."))
    return metadata


def wrong_issuer(provider, issuer):
    return SsoRefused(
        "wrong_issuer",
        _(
            "Login blev afvist: svaret kom fra en anden identitetsudbyder (%(issuer)s) end den, "
            "der er sat op for %(organisation)s."
        )
        % {"issuer": issuer or "?", "organisation": provider.organisation},
    )


def _session(provider, redirect_uri, metadata):
    methods = metadata.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    return OAuth2Session(
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        scope=SCOPE,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_basic" if "client_secret_basic" in methods else "client_secret_post",
        default_timeout=settings.IDEABANK_SSO_TIMEOUT,
    )


def begin(provider, redirect_uri, login_hint=""):
    """The URL to send the browser to, and what the callback needs to check the answer (kept in the session)."""
    metadata = discover(provider)
    verifier, nonce = generate_token(64), generate_token(32)
    extra = {"login_hint": login_hint} if login_hint else {}
    with _session(provider, redirect_uri, metadata) as client:
        url, state = client.create_authorization_url(
            metadata["authorization_endpoint"], code_verifier=verifier, nonce=nonce, **extra
        )
    flow = {
        "provider": provider.pk,
        "nonce": nonce,
        "code_verifier": verifier,
        "redirect_uri": redirect_uri,
        "at": int(time.time()),
    }
    return url, state, flow


def finish(provider, flow, params):
    """Exchange the code and return the validated ID token claims. ``params`` is the callback's query."""
    if time.time() - flow.get("at", 0) > FLOW_SECONDS:
        raise SsoRefused("expired", _("Login tog for lang tid. Start forfra fra login-siden."))
    if params.get("error"):
        log.info("sso provider %s returned error %s", provider.pk, params.get("error"))
        raise SsoRefused(
            "provider_error",
            _("Login hos %(organisation)s blev ikke gennemført (%(error)s). Prøv igen, eller log ind med adgangskode.")
            % {"organisation": provider.organisation, "error": params.get("error")[:100]},
        )
    metadata = discover(provider)
    # RFC 9207: a provider that names itself in the answer must name the configured issuer.
    returned_issuer = params.get("iss")
    if returned_issuer is not None and not same_issuer(returned_issuer, metadata["issuer"]):
        raise wrong_issuer(provider, returned_issuer)
    if returned_issuer is None and metadata.get("authorization_response_iss_parameter_supported"):
        raise wrong_issuer(provider, None)
    if not params.get("code"):
        raise SsoRefused("no_code", _("Svaret fra identitetsudbyderen manglede en kode. Start forfra."))
    with _session(provider, flow["redirect_uri"], metadata) as client:
        try:
            token = client.fetch_token(
                metadata["token_endpoint"],
                grant_type="authorization_code",
                code=params["code"],
                code_verifier=flow["code_verifier"],
            )
        except (OAuthError, requests.RequestException, ValueError) as error:
            log.warning("sso provider %s refused the code: %s", provider.pk, error)
            raise SsoRefused(
                "token_refused",
                _("Login-tjenesten hos %(organisation)s godkendte ikke svaret. Start forfra fra login-siden.")
                % {"organisation": provider.organisation},
            ) from error
    if not token.get("id_token"):
        raise SsoRefused("no_id_token", _("Identitetsudbyderen sendte ikke et ID-token. Start forfra."))
    jwks = _get_json(metadata["jwks_uri"], provider)
    claims = validate_id_token(
        token["id_token"],
        jwks=jwks,
        issuer=metadata["issuer"],
        client_id=provider.client_id,
        nonce=flow["nonce"],
        access_token=token.get("access_token"),
    )
    if "email" not in claims and metadata.get("userinfo_endpoint") and token.get("access_token"):
        claims = with_userinfo(provider, claims, metadata["userinfo_endpoint"], token["access_token"])
    return claims


PROFILE_CLAIMS = ("email", "email_verified", "name", "given_name", "family_name", "preferred_username")


def with_userinfo(provider, claims, endpoint, access_token):
    """Providers may keep the address out of the ID token and hand it out at the userinfo endpoint instead
    (OpenID Connect Core §5.4). Those claims only count for the same subject (§5.3.2)."""
    try:
        response = requests.get(
            endpoint,
            headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"},
            timeout=settings.IDEABANK_SSO_TIMEOUT,
        )
        response.raise_for_status()
        info = response.json()
    except (requests.RequestException, ValueError) as error:
        log.warning("sso provider %s userinfo failed: %s", provider.pk, error)
        return claims
    if not isinstance(info, dict) or info.get("sub") != claims.get("sub"):
        raise SsoRefused("userinfo_subject", _("Login blev afvist: svaret fra identitetsudbyderen var ugyldigt (sub)."))
    return {**claims, **{key: info[key] for key in PROFILE_CLAIMS if key in info and key not in claims}}


def validate_id_token(id_token, *, jwks, issuer, client_id, nonce, access_token=None, now=None):
    """The claims of a signed ID token meant for us, in answer to our request (nonce), from ``issuer``."""
    try:
        decoded = jwt.decode(id_token, KeySet.import_key_set(jwks), algorithms=SIGNING_ALGORITHMS)
    except JoseError as error:
        log.warning("sso id token from %s failed signature check: %s", issuer, error.__class__.__name__)
        raise SsoRefused(
            "bad_signature",
            _("Login blev afvist: identitetsudbyderens signatur på svaret kunne ikke godkendes."),
        ) from error
    except (ValueError, TypeError, KeyError) as error:
        raise SsoRefused(
            "bad_signature",
            _("Login blev afvist: identitetsudbyderens signatur på svaret kunne ikke godkendes."),
        ) from error
    claims = CodeIDToken(
        decoded.claims,
        decoded.header,
        {"iss": {"essential": True, "value": issuer}, "aud": {"essential": True, "value": client_id}},
        {"nonce": nonce, "client_id": client_id, "access_token": access_token},
    )
    try:
        claims.validate(now=now, leeway=CLOCK_LEEWAY)
    except ExpiredTokenError as error:
        raise SsoRefused("expired_token", _("Login blev afvist: svaret fra identitetsudbyderen er udløbet.")) from error
    except ClaimError as error:
        if error.claim == "iss":
            raise SsoRefused(
                "wrong_issuer",
                _("Login blev afvist: svaret kom fra en anden identitetsudbyder (%(issuer)s) end den forventede.")
                % {"issuer": str(decoded.claims.get("iss", "?"))[:200]},
            ) from error
        raise SsoRefused(
            f"invalid_{error.claim}",
            _("Login blev afvist: svaret fra identitetsudbyderen var ugyldigt (%(claim)s).") % {"claim": error.claim},
        ) from error
    return dict(claims)
