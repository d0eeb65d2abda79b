#!/bin/sh
# azd preprovision hook: make sure this azd environment has a link-signing key (LINK_SIGNING_KEY) before
# infra/main.bicep writes it to Key Vault as secret "link-key-<LINK_ACTIVE_KEY_ID>".
#
# Bicep writes whatever key it is given over that secret, and a new key for a live environment invalidates every
# link already sent. So a key is generated only when Azure answers that there is nothing to overwrite:
#   1. LINK_SIGNING_KEY already in .azure/<env>/.env: use it;
#   2. the environment's resource group does not exist, or holds no Tracker vault, or the vault has no secret for
#      this key id (Azure's own "not found" answers): generate a fresh random 32-byte key;
#   3. the vault has the secret: copy it into the azd environment;
#   4. anything else (no Azure CLI, not signed in, another tenant, no permission to read the secret, no network):
#      stop, say why, and leave the vault alone.
# The key is never printed. docs/deploy.md ("A link key that survives every deploy") describes the same decision.
set -eu

active_id="${LINK_ACTIVE_KEY_ID:-k1}"
secret="link-key-$active_id"
group="${AZURE_RESOURCE_GROUP:-rg-${AZURE_ENV_NAME:-}}"

if [ -n "${LINK_SIGNING_KEY:-}" ]; then
  echo "Link-signing key for '$active_id': already set in this azd environment."
  exit 0
fi

fail() {
  {
    echo "preprovision: $1"
    echo "  Without it this hook cannot tell a new environment from one whose links are live, and a new key would"
    echo "  replace the active one in Key Vault (every link already sent would stop working). Either fix the above"
    echo "  and run again, or, if this environment has never been provisioned, set a key yourself:"
    echo "    azd env set LINK_SIGNING_KEY \"\$(openssl rand -base64 32)\""
    echo "  (for an environment that has been provisioned, copy its key: az keyvault secret show --vault-name <vault> --name $secret --query value -o tsv)."
  } >&2
  exit 1
}

generate() {
  if command -v openssl >/dev/null 2>&1; then
    key="$(openssl rand -base64 32)"
  else
    key="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  fi
  azd env set LINK_SIGNING_KEY "$key" >/dev/null
  echo "Link-signing key for '$active_id': $1, so generated a new 256-bit key (stored in .azure/${AZURE_ENV_NAME:-<env>}/.env and, after provisioning, in Key Vault)."
  exit 0
}

if ! command -v az >/dev/null 2>&1; then
  fail "the Azure CLI (az) is not installed; it is needed to check whether Key Vault already holds '$secret'."
fi

if [ -z "${AZURE_ENV_NAME:-}" ] && [ -z "${AZURE_RESOURCE_GROUP:-}" ]; then
  fail "neither AZURE_ENV_NAME nor AZURE_RESOURCE_GROUP is set (run this hook through azd)."
fi

errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT

# Every az call names the environment's subscription, so an az signed in elsewhere fails instead of answering "no".
set -- --only-show-errors
if [ -n "${AZURE_SUBSCRIPTION_ID:-}" ]; then
  set -- "$@" --subscription "$AZURE_SUBSCRIPTION_ID"
fi

# Why an az call failed, in one line, for the message (az's errors never contain a secret value).
reason() {
  tr '\n' ' ' < "$errors" | cut -c1-300
}

# A "does not exist" answer from Azure itself. Permission errors can mention resources too, so they never count.
not_found() {
  grep -q -E 'SecretNotFound|VaultNotFound|ResourceNotFound|ResourceGroupNotFound' "$errors" \
    && ! grep -q -i -E 'Forbidden|AuthorizationFailed|Unauthorized|az login' "$errors"
}

if ! exists="$(az group exists --name "$group" "$@" 2>"$errors")"; then
  fail "could not check whether resource group '$group' exists: $(reason)"
fi
case "$exists" in
  false) generate "resource group '$group' does not exist yet (a new environment)" ;;
  true) ;;
  *) fail "unexpected answer from 'az group exists --name $group': '$exists'." ;;
esac

if ! vault="$(az keyvault list --resource-group "$group" --query "[?starts_with(name, 'kv-tracker-')].name | [0]" --output tsv "$@" 2>"$errors")"; then
  fail "could not list the Key Vaults in resource group '$group': $(reason)"
fi
if [ -z "$vault" ]; then
  generate "resource group '$group' has no Tracker Key Vault yet"
fi

if existing="$(az keyvault secret show --vault-name "$vault" --name "$secret" --query value --output tsv "$@" 2>"$errors")"; then
  if [ -z "$existing" ]; then
    fail "secret '$secret' in Key Vault '$vault' is empty."
  fi
  azd env set LINK_SIGNING_KEY "$existing" >/dev/null
  echo "Link-signing key for '$active_id': taken from Key Vault $vault."
  exit 0
fi

if not_found; then
  generate "Key Vault '$vault' has no secret '$secret' yet"
fi
fail "could not read secret '$secret' from Key Vault '$vault' (reading it needs Key Vault Secrets User or Officer on the vault): $(reason)"
