# azd hook (Windows): the twin of app-registration.sh; see there for what it does and why.
param([switch]$Redirect)
$ErrorActionPreference = 'Stop'

if ($env:TRACKER_AUTH -eq 'off') { Write-Output 'App registration: TRACKER_AUTH=off, so sign-in with Entra ID stays off.'; exit 0 }
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { [Console]::Error.WriteLine('app-registration: the Azure CLI (az) is not installed; sign-in with Entra ID stays off (keys still work).'); exit 1 }
if (-not $env:AZURE_ENV_NAME) { [Console]::Error.WriteLine('app-registration: run this hook through azd.'); exit 1 }

# az, stopping the hook when it fails (as `set -e` does in the .sh).
function Invoke-Az {
  $output = az @args
  if ($LASTEXITCODE -ne 0) { [Console]::Error.WriteLine("app-registration: az $($args[0]) $($args[1]) $($args[2]) failed (exit $LASTEXITCODE)."); exit 1 }
  $output
}

$roles = Join-Path $PSScriptRoot 'app-roles.json'
$name = "tracker-$($env:AZURE_ENV_NAME)"

if ($Redirect -and -not $env:AZURE_FUNCTION_APP_URL) { Write-Output 'App registration: no app URL yet; the redirect URI is added after the next provision.'; exit 0 }

$appId = $env:TRACKER_AUTH_CLIENT_ID
if (-not $appId) { $appId = Invoke-Az ad app list --display-name $name --query '[0].appId' --output tsv --only-show-errors }

if ($Redirect) {
  if (-not $appId) { Write-Output 'App registration: no registration yet; the redirect URI is added after the next provision.'; exit 0 }
  $callback = $env:AZURE_FUNCTION_APP_URL.TrimEnd('/') + '/.auth/login/aad/callback'
  Invoke-Az ad app update --id $appId --web-redirect-uris $callback --only-show-errors
  Write-Output "App registration ${name}: redirect URI $callback."
  exit 0
}

if (-not $appId) {
  $appId = Invoke-Az ad app create --display-name $name --sign-in-audience AzureADMyOrg --enable-id-token-issuance true --app-roles "@$roles" --query appId --output tsv --only-show-errors
  Write-Output "App registration ${name}: created ($appId)."
} else {
  Invoke-Az ad app update --id $appId --app-roles "@$roles" --enable-id-token-issuance true --only-show-errors
  Write-Output "App registration ${name}: found ($appId); app roles brought up to date."
}

Invoke-Az ad app update --id $appId --identifier-uris "api://$appId" --only-show-errors

# The scope first, then the pre-authorization that names it; the second update writes the whole api object.
$objectId = Invoke-Az ad app show --id $appId --query id --output tsv --only-show-errors
$graph = Invoke-Az cloud show --query endpoints.microsoftGraphResourceId --output tsv --only-show-errors
$url = $graph.TrimEnd('/') + "/v1.0/applications/$objectId"
$scopes = Get-Content -Raw (Join-Path $PSScriptRoot 'api-scopes.json')
$preauthorized = Get-Content -Raw (Join-Path $PSScriptRoot 'api-preauthorized.json')
$body = New-TemporaryFile
try {
  Set-Content -Path $body -NoNewline -Value "{`"api`": {`"requestedAccessTokenVersion`": 2, `"oauth2PermissionScopes`": $scopes}}"
  Invoke-Az rest --method patch --url $url --headers 'Content-Type=application/json' --body "@$body" --only-show-errors
  Set-Content -Path $body -NoNewline -Value "{`"api`": {`"requestedAccessTokenVersion`": 2, `"oauth2PermissionScopes`": $scopes, `"preAuthorizedApplications`": $preauthorized}}"
  Invoke-Az rest --method patch --url $url --headers 'Content-Type=application/json' --body "@$body" --only-show-errors
} finally {
  Remove-Item -Force $body
}
Write-Output "App registration ${name}: scope api://$appId/user_impersonation, v2 access tokens, the Azure CLI pre-authorized."

az ad sp show --id $appId --query id --output tsv --only-show-errors 2>$null | Out-Null
if ($LASTEXITCODE -ne 0) { Invoke-Az ad sp create --id $appId --only-show-errors | Out-Null }

azd env set TRACKER_AUTH_CLIENT_ID $appId | Out-Null
Write-Output "App registration ${name}: TRACKER_AUTH_CLIENT_ID set; assign people to its roles (docs/deploy.md, `"Roles and sign-in`")."
