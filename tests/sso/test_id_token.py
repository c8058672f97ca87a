"""The ID token checks on their own: signature against the published keys, issuer, audience, nonce, expiry.

The flow tests run them against a real provider; here each rule is broken once, deliberately.
"""

import time

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, OctKey, RSAKey

from ideabank.sso.oidc import SsoRefused, validate_id_token

ISSUER = "https://login.example.dk/tenant/v2.0"
CLIENT = "idebanken"
NONCE = "n-0S6_WzA2Mj"


@pytest.fixture(scope="module")
def key():
    return RSAKey.generate_key(2048, parameters={"kid": "k1", "alg": "RS256", "use": "sig"})


@pytest.fixture(scope="module")
def jwks(key):
    return KeySet([key]).as_dict(private=False)


def token(key, alg="RS256", **overrides):
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "abc", "aud": CLIENT, "iat": now, "exp": now + 300, "nonce": NONCE, **overrides}
    claims = {name: value for name, value in claims.items() if value is not None}
    return jwt.encode({"alg": alg, "kid": "k1"}, claims, key, algorithms=[alg])


def check(value, jwks):
    return validate_id_token(value, jwks=jwks, issuer=ISSUER, client_id=CLIENT, nonce=NONCE)


def reason(value, jwks):
    with pytest.raises(SsoRefused) as refusal:
        check(value, jwks)
    return refusal.value.reason


def test_a_good_token_gives_its_claims(key, jwks):
    assert check(token(key, email="anne@kommune.dk"), jwks)["email"] == "anne@kommune.dk"


def test_an_audience_list_that_includes_us_is_accepted(key, jwks):
    assert check(token(key, aud=[CLIENT], azp=CLIENT), jwks)["sub"] == "abc"


def test_a_token_signed_by_another_key_is_refused(key, jwks):
    impostor = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    assert reason(token(impostor), jwks) == "bad_signature"


def test_a_tampered_token_is_refused(key, jwks):
    header, payload, signature = token(key).split(".")
    other = token(key, sub="someone-else").split(".")[1]
    assert reason(f"{header}.{other}.{signature}", jwks) == "bad_signature"


def test_unsigned_and_hmac_tokens_are_refused(key, jwks):
    header, payload, _signature = token(key).split(".")
    assert reason(f"{header}.{payload}.", jwks) == "bad_signature"
    secret = OctKey.import_key("a-shared-secret-that-anyone-with-the-client-secret-knows")
    assert reason(token(secret, alg="HS256"), jwks) == "bad_signature"


def test_garbage_is_refused(jwks):
    assert reason("not-a-token", jwks) == "bad_signature"


def test_another_issuer_is_refused(key, jwks):
    assert reason(token(key, iss="https://evil.example/"), jwks) == "wrong_issuer"


def test_a_token_for_another_client_is_refused(key, jwks):
    assert reason(token(key, aud="someone-else"), jwks) == "invalid_aud"


def test_a_token_for_another_login_attempt_is_refused(key, jwks):
    assert reason(token(key, nonce="another"), jwks) == "invalid_nonce"
    assert reason(token(key, nonce=None), jwks) == "invalid_nonce"


def test_an_expired_token_is_refused(key, jwks):
    now = int(time.time())
    assert reason(token(key, iat=now - 3600, exp=now - 600), jwks) == "expired_token"


def test_a_token_without_a_subject_is_refused(key, jwks):
    assert reason(token(key, sub=None), jwks) == "invalid_sub"
