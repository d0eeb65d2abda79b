# azd hook (Windows): the twin of app-registration.sh; see there for what it does and why.
param([switch]$Redirect)
$ErrorActionPreference = 'Stop'

if ($env:TRACKER_AUTH -eq 'off') { Write-Output 'App registration: TRACKER_AUTH=off, so sign-in with Entra ID stays off.'; exit 0 }
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { [Console]::Error.WriteLine('app-registration: the Azure CLI (az) is not installed; sign-in with Entra ID stays off (keys still work).'); exit 1 }
if (-not $env:AZURE_ENV_NAME) { [Console]::Error.WriteLine('app-registration: run this hook through azd.'); exit 1 }

$roles = Join-Path $PSScriptRoot 'app-roles.json'
$name = "tracker-$($env:AZURE_ENV_NAME)"
$appId = $env:TRACKER_AUTH_CLIENT_ID
if (-not $appId) { $appId = az ad app list --display-name $name --query '[0].appId' --output tsv --only-show-errors }

if ($Redirect) {
  if (-not $appId -or -not $env:AZURE_FUNCTION_APP_URL) { Write-Output 'App registration: no registration or app URL yet; the redirect URI is added after the next provision.'; exit 0 }
  $callback = $env:AZURE_FUNCTION_APP_URL.TrimEnd('/') + '/.auth/login/aad/callback'
  az ad app update --id $appId --web-redirect-uris $callback --only-show-errors
  Write-Output "App registration ${name}: redirect URI $callback."
  exit 0
}

if (-not $appId) {
  $appId = az ad app create --display-name $name --sign-in-audience AzureADMyOrg --enable-id-token-issuance true --app-roles "@$roles" --query appId --output tsv --only-show-errors
  Write-Output "App registration ${name}: created ($appId)."
} else {
  az ad app update --id $appId --app-roles "@$roles" --enable-id-token-issuance true --only-show-errors
  Write-Output "App registration ${name}: found ($appId); app roles brought up to date."
}

az ad app update --id $appId --identifier-uris "api://$appId" --only-show-errors
az ad sp show --id $appId --query id --output tsv --only-show-errors 2>$null | Out-Null
if ($LASTEXITCODE -ne 0) { az ad sp create --id $appId --only-show-errors | Out-Null }

azd env set TRACKER_AUTH_CLIENT_ID $appId | Out-Null
Write-Output "App registration ${name}: TRACKER_AUTH_CLIENT_ID set; assign people to its roles (docs/deploy.md, `"Roles and sign-in`")."
