#!/bin/sh
# azd preprovision hook: make sure this azd environment has a link-signing key (LINK_SIGNING_KEY) before
# infra/main.bicep writes it to Key Vault as secret "link-key-<LINK_ACTIVE_KEY_ID>".
#
# A new key for an existing environment would silently invalidate every link already sent, so the order is:
#   1. the value already in .azure/<env>/.env;
#   2. the secret already in the environment's Key Vault (another machine provisioned it; needs `az login`);
#   3. only then a fresh random 32-byte key.
# The key is never printed.
set -eu

active_id="${LINK_ACTIVE_KEY_ID:-k1}"

if [ -n "${LINK_SIGNING_KEY:-}" ]; then
  echo "Link-signing key for '$active_id': already set in this azd environment."
  exit 0
fi

if [ -n "${AZURE_KEY_VAULT_NAME:-}" ] && command -v az >/dev/null 2>&1; then
  existing="$(az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "link-key-$active_id" \
    --query value --output tsv 2>/dev/null || true)"
  if [ -n "$existing" ]; then
    azd env set LINK_SIGNING_KEY "$existing" >/dev/null
    echo "Link-signing key for '$active_id': taken from Key Vault $AZURE_KEY_VAULT_NAME."
    exit 0
  fi
fi

if command -v openssl >/dev/null 2>&1; then
  key="$(openssl rand -base64 32)"
else
  key="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
fi
azd env set LINK_SIGNING_KEY "$key" >/dev/null
echo "Link-signing key for '$active_id': generated a new 256-bit key (stored in .azure/${AZURE_ENV_NAME:-<env>}/.env and, after provisioning, in Key Vault)."
