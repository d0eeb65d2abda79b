# azd preprovision hook (Windows): see preprovision.sh, which this mirrors.
$ErrorActionPreference = 'Stop'

$activeId = if ($env:LINK_ACTIVE_KEY_ID) { $env:LINK_ACTIVE_KEY_ID } else { 'k1' }

if ($env:LINK_SIGNING_KEY) {
  Write-Host "Link-signing key for '$activeId': already set in this azd environment."
  exit 0
}

if ($env:AZURE_KEY_VAULT_NAME -and (Get-Command az -ErrorAction SilentlyContinue)) {
  $existing = az keyvault secret show --vault-name $env:AZURE_KEY_VAULT_NAME --name "link-key-$activeId" --query value --output tsv 2>$null
  if ($LASTEXITCODE -eq 0 -and $existing) {
    azd env set LINK_SIGNING_KEY $existing | Out-Null
    Write-Host "Link-signing key for '$activeId': taken from Key Vault $($env:AZURE_KEY_VAULT_NAME)."
    exit 0
  }
}

$bytes = [byte[]]::new(32)
[System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
azd env set LINK_SIGNING_KEY ([Convert]::ToBase64String($bytes)) | Out-Null
Write-Host "Link-signing key for '$activeId': generated a new 256-bit key."
