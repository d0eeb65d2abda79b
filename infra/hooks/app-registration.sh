#!/bin/sh
# azd hook: the Entra ID app registration App Service Authentication signs people in with (Bicep cannot create one
# without the Microsoft Graph extension from a registry, which this template does not use).
#   preprovision  (no argument): find the registration "tracker-<env>" or create it, with the app roles owner, manager,
#                 analyst, viewer (infra/hooks/app-roles.json, fixed ids so a re-run changes nothing), the identifier
#                 URI api://<client id>, ID tokens for the browser sign-in and a service principal (to assign people
#                 to roles); then `azd env set TRACKER_AUTH_CLIENT_ID`, which infra/main.parameters.json passes to Bicep.
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
app_id="${TRACKER_AUTH_CLIENT_ID:-}"

if [ -z "$app_id" ]; then
  app_id="$(az ad app list --display-name "$name" --query "[0].appId" --output tsv --only-show-errors)"
fi

if [ "${1:-}" = "--redirect" ]; then
  if [ -z "$app_id" ] || [ -z "${AZURE_FUNCTION_APP_URL:-}" ]; then
    echo "App registration: no registration or app URL yet; the redirect URI is added after the next provision."
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
if ! az ad sp show --id "$app_id" --query id --output tsv --only-show-errors >/dev/null 2>&1; then
  az ad sp create --id "$app_id" --only-show-errors >/dev/null
fi

azd env set TRACKER_AUTH_CLIENT_ID "$app_id" >/dev/null
echo "App registration $name: TRACKER_AUTH_CLIENT_ID set; assign people to its roles (docs/deploy.md, \"Roles and sign-in\")."
