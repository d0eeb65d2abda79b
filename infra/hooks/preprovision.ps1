# azd preprovision hook (Windows, PowerShell 7): see preprovision.sh, which this mirrors decision for decision.
# A key is generated only when Azure answers that there is nothing to overwrite; anything else stops the hook.
$ErrorActionPreference = 'Stop'

$activeId = if ($env:LINK_ACTIVE_KEY_ID) { $env:LINK_ACTIVE_KEY_ID } else { 'k1' }
$secret = "link-key-$activeId"
$group = if ($env:AZURE_RESOURCE_GROUP) { $env:AZURE_RESOURCE_GROUP } else { "rg-$($env:AZURE_ENV_NAME)" }

if ($env:LINK_SIGNING_KEY) {
  Write-Host "Link-signing key for '$activeId': already set in this azd environment."
  exit 0
}

function Fail([string] $why) {
  [Console]::Error.WriteLine("preprovision: $why")
  [Console]::Error.WriteLine('  Without it this hook cannot tell a new environment from one whose links are live, and a new key would')
  [Console]::Error.WriteLine('  replace the active one in Key Vault (every link already sent would stop working). Either fix the above')
  [Console]::Error.WriteLine('  and run again, or, if this environment has never been provisioned, set a key yourself:')
  [Console]::Error.WriteLine('    azd env set LINK_SIGNING_KEY ([Convert]::ToBase64String([Security.Cryptography.RandomNumberGenerator]::GetBytes(32)))')
  [Console]::Error.WriteLine("  (for an environment that has been provisioned, copy its key: az keyvault secret show --vault-name <vault> --name $secret --query value -o tsv).")
  exit 1
}

function New-Key([string] $because) {
  $bytes = [byte[]]::new(32)
  [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
  azd env set LINK_SIGNING_KEY ([Convert]::ToBase64String($bytes)) | Out-Null
  $environment = if ($env:AZURE_ENV_NAME) { $env:AZURE_ENV_NAME } else { '<env>' }
  Write-Host "Link-signing key for '$activeId': $because, so generated a new 256-bit key (stored in .azure/$environment/.env and, after provisioning, in Key Vault)."
  exit 0
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  Fail "the Azure CLI (az) is not installed; it is needed to check whether Key Vault already holds '$secret'."
}

if (-not $env:AZURE_ENV_NAME -and -not $env:AZURE_RESOURCE_GROUP) {
  Fail 'neither AZURE_ENV_NAME nor AZURE_RESOURCE_GROUP is set (run this hook through azd).'
}

# Every az call names the environment's subscription, so an az signed in elsewhere fails instead of answering "no".
$common = @('--only-show-errors')
if ($env:AZURE_SUBSCRIPTION_ID) { $common += @('--subscription', $env:AZURE_SUBSCRIPTION_ID) }

# Runs az; returns its standard output and exit code, and its standard error for the message.
function Invoke-Az([string[]] $arguments) {
  $errorFile = New-TemporaryFile
  try {
    $output = & az @arguments @common 2> $errorFile.FullName
    $code = $LASTEXITCODE
    $errors = (Get-Content -Raw $errorFile.FullName) ?? ''
    return [pscustomobject]@{ Ok = ($code -eq 0); Output = (($output | Out-String).Trim()); Errors = $errors }
  }
  finally {
    Remove-Item $errorFile.FullName -Force
  }
}

function Get-Reason([string] $errors) {
  $line = ($errors -replace '\s+', ' ').Trim()
  if ($line.Length -gt 300) { $line.Substring(0, 300) } else { $line }
}

# A "does not exist" answer from Azure itself. Permission errors can mention resources too, so they never count.
function Test-NotFound([string] $errors) {
  ($errors -cmatch 'SecretNotFound|VaultNotFound|ResourceNotFound|ResourceGroupNotFound') -and
    -not ($errors -match 'Forbidden|AuthorizationFailed|Unauthorized|az login')
}

$exists = Invoke-Az @('group', 'exists', '--name', $group)
if (-not $exists.Ok) { Fail "could not check whether resource group '$group' exists: $(Get-Reason $exists.Errors)" }
switch ($exists.Output) {
  'false' { New-Key "resource group '$group' does not exist yet (a new environment)" }
  'true' { }
  default { Fail "unexpected answer from 'az group exists --name $group': '$($exists.Output)'." }
}

$list = Invoke-Az @('keyvault', 'list', '--resource-group', $group, '--query', "[?starts_with(name, 'kv-tracker-')].name | [0]", '--output', 'tsv')
if (-not $list.Ok) { Fail "could not list the Key Vaults in resource group '$group': $(Get-Reason $list.Errors)" }
$vault = $list.Output
if (-not $vault) { New-Key "resource group '$group' has no Tracker Key Vault yet" }

$read = Invoke-Az @('keyvault', 'secret', 'show', '--vault-name', $vault, '--name', $secret, '--query', 'value', '--output', 'tsv')
if ($read.Ok) {
  if (-not $read.Output) { Fail "secret '$secret' in Key Vault '$vault' is empty." }
  azd env set LINK_SIGNING_KEY $read.Output | Out-Null
  Write-Host "Link-signing key for '$activeId': taken from Key Vault $vault."
  exit 0
}

if (Test-NotFound $read.Errors) { New-Key "Key Vault '$vault' has no secret '$secret' yet" }
Fail "could not read secret '$secret' from Key Vault '$vault' (reading it needs Key Vault Secrets User or Officer on the vault): $(Get-Reason $read.Errors)"
