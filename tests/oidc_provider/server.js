// A real OpenID Connect provider for the single sign-on tests: panva's certified oidc-provider, one or more
// instances on 127.0.0.1 with ports chosen by the OS. Started by tests/sso/conftest.py:
//
//   node server.js '{"providers": [{"name": "honest"}, {"name": "forged", "forgeJwks": true}],
//                    "clients": [{"client_id": "...", "client_secret": "...", "redirect_uris": ["..."]}]}'
//
// Prints one JSON line {name: issuer, ...} once every instance listens, and exits when stdin closes (so it
// never outlives the test run). Logging in at its development login form accepts any password; the login
// name is the e-mail address the ID token carries ("x@y.dk#2" gives the same address another subject,
// "x@y.dk#unverified" marks the address unverified). "forgeJwks" publishes a different key under the real
// key's id, so every ID token it signs fails signature validation at the relying party.

import crypto from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2]);

function rsaKey(kid) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
}

function publicOnly({ kty, n, e, kid, use, alg }) {
  return { kty, n, e, kid, use, alg };
}

function claimsFor(login) {
  const [email, variant] = login.split('#');
  const local = email.split('@')[0];
  return {
    sub: login,
    email,
    email_verified: variant !== 'unverified',
    name: `Test ${local}`,
    given_name: 'Test',
    family_name: local,
  };
}

// First-party client: the grant is given without a consent screen, as an organisation's own IdP would.
async function loadExistingGrant(ctx) {
  const { client, session, provider } = ctx.oidc;
  const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
  if (grantId) {
    return provider.Grant.find(grantId);
  }
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope('openid email profile');
  await grant.save();
  return grant;
}

async function start({ name, forgeJwks = false }) {
  const server = http.createServer();
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const signing = rsaKey(`${name}-signing-key`);
  const provider = new Provider(issuer, {
    clients: config.clients,
    jwks: { keys: [signing] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
    },
    features: { devInteractions: { enabled: true } },
    findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => claimsFor(sub) }),
    loadExistingGrant,
    renderError: async (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  });
  const forged = forgeJwks ? JSON.stringify({ keys: [publicOnly(rsaKey(signing.kid))] }) : null;
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (forged && req.url.split('?')[0] === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(forged);
      return;
    }
    handle(req, res);
  });
  return [name, issuer];
}

const issuers = Object.fromEntries(await Promise.all(config.providers.map(start)));
process.stdout.write(`${JSON.stringify(issuers)}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
