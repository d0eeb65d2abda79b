#!/bin/sh
# azd hook: the Entra ID app registration App Service Authentication signs people in with (Bicep cannot create one
# without the Microsoft Graph extension from a registry, which this template does not use).
#   preprovision  (no argument): find the registration "tracker-<env>" or create it, and bring it up to date:
#                 - the app roles owner, manager, analyst, viewer (infra/hooks/app-roles.json);
#                 - the identifier URI api://<client id>, and ID tokens for the browser sign-in;
#                 - the delegated scope user_impersonation (infra/hooks/api-scopes.json) and access tokens of
#                   version 2 (App Service Authentication's issuer is the v2.0 endpoint; a v2 token's audience is
#                   the client id);
#                 - the Azure CLI (also Azure.Identity's client for a device code) pre-authorized for that scope
#                   (infra/hooks/api-preauthorized.json), so `tracker … --sign-in` gets a token with no consent prompt;
#                 - a service principal (to assign people to roles);
#                 then `azd env set TRACKER_AUTH_CLIENT_ID`, which infra/main.parameters.json passes to Bicep.
#                 Fixed ids in the JSON files, so a re-run changes nothing. Graph refuses to change or remove an
#                 enabled role or scope: set "isEnabled": false and run once before changing one.
#   postprovision (--redirect): add https://<the app>/.auth/login/aad/callback as its redirect URI, once the app's
#                 host name is known (AZURE_FUNCTION_APP_URL, a Bicep output).
# TRACKER_AUTH=off skips it all (Bicep then leaves App Service Authentication off; keys still work). Nothing secret
# is created: the sign-in uses ID tokens, so the registration has no client secret.
set -eu

if [ "${TRACKER_AUTH:-on}" = "off" ]; then
  echo "App registration: TRACKER_AUTH=off, so sign-in with Entra ID stays off."
  exit 0
fi

if ! command -v az >/dev/null 2>&1; then
  echo "app-registration: the Azure CLI (az) is not installed; sign-in with Entra ID stays off (keys still work)." >&2
  exit 1
fi

here="$(cd "$(dirname "$0")" && pwd)"
name="tracker-${AZURE_ENV_NAME:?run this hook through azd}"

if [ "${1:-}" = "--redirect" ] && [ -z "${AZURE_FUNCTION_APP_URL:-}" ]; then
  echo "App registration: no app URL yet; the redirect URI is added after the next provision."
  exit 0
fi

app_id="${TRACKER_AUTH_CLIENT_ID:-}"
if [ -z "$app_id" ]; then
  app_id="$(az ad app list --display-name "$name" --query "[0].appId" --output tsv --only-show-errors)"
fi

if [ "${1:-}" = "--redirect" ]; then
  if [ -z "$app_id" ]; then
    echo "App registration: no registration yet; the redirect URI is added after the next provision."
    exit 0
  fi
  az ad app update --id "$app_id" --web-redirect-uris "${AZURE_FUNCTION_APP_URL%/}/.auth/login/aad/callback" --only-show-errors
  echo "App registration $name: redirect URI ${AZURE_FUNCTION_APP_URL%/}/.auth/login/aad/callback."
  exit 0
fi

if [ -z "$app_id" ]; then
  app_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --enable-id-token-issuance true \
    --app-roles "@$here/app-roles.json" --query appId --output tsv --only-show-errors)"
  echo "App registration $name: created ($app_id)."
else
  az ad app update --id "$app_id" --app-roles "@$here/app-roles.json" --enable-id-token-issuance true --only-show-errors
  echo "App registration $name: found ($app_id); app roles brought up to date."
fi

az ad app update --id "$app_id" --identifier-uris "api://$app_id" --only-show-errors

# The scope first, then the pre-authorization that names it (Graph refuses one naming a scope that does not exist
# yet). The second update writes the whole api object, so the end state is the same on every run.
object_id="$(az ad app show --id "$app_id" --query id --output tsv --only-show-errors)"
graph="$(az cloud show --query endpoints.microsoftGraphResourceId --output tsv --only-show-errors)"
body="$(mktemp)"
trap 'rm -f "$body"' EXIT
scopes="$(cat "$here/api-scopes.json")"
preauthorized="$(cat "$here/api-preauthorized.json")"
printf '{"api": {"requestedAccessTokenVersion": 2, "oauth2PermissionScopes": %s}}\n' "$scopes" > "$body"
az rest --method patch --url "${graph%/}/v1.0/applications/$object_id" \
  --headers "Content-Type=application/json" --body "@$body" --only-show-errors
printf '{"api": {"requestedAccessTokenVersion": 2, "oauth2PermissionScopes": %s, "preAuthorizedApplications": %s}}\n' \
  "$scopes" "$preauthorized" > "$body"
az rest --method patch --url "${graph%/}/v1.0/applications/$object_id" \
  --headers "Content-Type=application/json" --body "@$body" --only-show-errors
echo "App registration $name: scope api://$app_id/user_impersonation, v2 access tokens, the Azure CLI pre-authorized."

if ! az ad sp show --id "$app_id" --query id --output tsv --only-show-errors >/dev/null 2>&1; then
  az ad sp create --id "$app_id" --only-show-errors >/dev/null
fi

azd env set TRACKER_AUTH_CLIENT_ID "$app_id" >/dev/null
echo "App registration $name: TRACKER_AUTH_CLIENT_ID set; assign people to its roles (docs/deploy.md, \"Roles and sign-in\")."
