# azd postprovision hook (Windows, PowerShell 7): see postprovision.sh, which this mirrors.
$ErrorActionPreference = 'Stop'

# Key Vault references: see check_key_vault_references in postprovision.sh, which this mirrors (same API, same wait,
# same failure). Returns $true when every reference resolved or the check could not run.
function Test-KeyVaultReferences {
  foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
      [Console]::Error.WriteLine("postprovision: $name is not set; skipping the Key Vault reference check.")
      return $true
    }
  }
  if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    [Console]::Error.WriteLine('postprovision: the Azure CLI (az) is not installed; cannot check that the app''s Key Vault references resolve.')
    [Console]::Error.WriteLine('  Check them in the portal (Function App > Environment variables: each Key Vault reference shows its status).')
    return $true
  }

  $app = $env:AZURE_FUNCTION_APP_NAME
  $site = "/subscriptions/$($env:AZURE_SUBSCRIPTION_ID)/resourceGroups/$($env:AZURE_RESOURCE_GROUP)/providers/Microsoft.Web/sites/$app"
  $api = 'api-version=2022-03-01'
  $attempts = if ($env:TRACKER_HOOK_REFERENCE_ATTEMPTS) { [int]$env:TRACKER_HOOK_REFERENCE_ATTEMPTS } else { 10 }
  $delay = if ($env:TRACKER_HOOK_REFERENCE_DELAY_SECONDS) { [int]$env:TRACKER_HOOK_REFERENCE_DELAY_SECONDS } else { 30 }
  for ($attempt = 1; ; $attempt++) {
    $unresolved = az rest --only-show-errors --method get --url "$site/config/configreferences/appsettings?$api" `
      --query "value[?properties.status != 'Resolved'].[name, properties.status, properties.details]" --output tsv
    if ($LASTEXITCODE -ne 0) {
      [Console]::Error.WriteLine("postprovision: could not read the Key Vault reference status of $app (see the error above).")
      return $false
    }
    if (-not $unresolved) {
      Write-Host "Key Vault references of ${app}: all resolved."
      return $true
    }
    if ($attempt -ge $attempts) { break }
    $names = ($unresolved | ForEach-Object { ($_ -split "`t")[0] }) -join ' '
    Write-Host "Key Vault references of ${app}: $names not resolved yet (attempt $attempt of $attempts); refreshing in ${delay}s."
    Start-Sleep -Seconds $delay
    az rest --only-show-errors --method post --url "$site/config/configreferences/appsettings/refresh?$api" --output none
  }

  [Console]::Error.WriteLine("postprovision: these Key Vault references of $app did not resolve (setting, status, details):")
  $unresolved | ForEach-Object { [Console]::Error.WriteLine("    $_") }
  [Console]::Error.WriteLine('  The worker will not start with an unresolved link key. Check that the app''s identity has Key Vault Secrets User')
  [Console]::Error.WriteLine("  on the vault and that each secret exists, then refresh: az rest --method post --url `"$site/config/configreferences/appsettings/refresh?$api`"")
  return $false
}

$referencesOk = Test-KeyVaultReferences
$exitCode = if ($referencesOk) { 0 } else { 1 }

$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$target = Join-Path $root 'functions/Tracker.Functions/local.settings.json'

foreach ($name in 'AZURE_STORAGE_TABLE_ENDPOINT', 'AZURE_STORAGE_BLOB_ENDPOINT', 'AZURE_STORAGE_QUEUE_ENDPOINT') {
  if (-not [Environment]::GetEnvironmentVariable($name)) {
    [Console]::Error.WriteLine("postprovision: $name is not set; skipping local.settings.json.")
    exit $exitCode
  }
}

function Or($value, $default) { if ($value) { $value } else { $default } }

$bytes = [byte[]]::new(32)
[System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)

if (Test-Path $target) { Copy-Item $target "$target.bak" -Force }

$settings = [ordered]@{
  IsEncrypted = $false
  Values = [ordered]@{
    'FUNCTIONS_WORKER_RUNTIME' = 'dotnet-isolated'
    'AzureWebJobsStorage' = 'UseDevelopmentStorage=true'
    'AzureWebJobs.DispatchDueWaves.Disabled' = 'true'
    'AzureWebJobs.FitWillingnessModel.Disabled' = 'true'
    'AzureWebJobs.SendTrendSummaries.Disabled' = 'true'
    'AzureWebJobs.SealClosedWaves.Disabled' = 'true'
    'AzureWebJobs.SendRetentionNotices.Disabled' = 'true'
    'AzureWebJobs.SendDispatchBatch.Disabled' = 'true'
    'TrackerStorage__tableServiceUri' = $env:AZURE_STORAGE_TABLE_ENDPOINT
    'TrackerStorage__blobServiceUri' = $env:AZURE_STORAGE_BLOB_ENDPOINT
    'TrackerStorage__queueServiceUri' = $env:AZURE_STORAGE_QUEUE_ENDPOINT
    'Tracker__PublicBaseUrl' = 'http://localhost:7071'
    'Tracker__DispatchBatchSize' = (Or $env:TRACKER_DISPATCH_BATCH_SIZE '100')
    'Tracker__ClaimLease' = '00:10:00'
    'Smtp__Host' = '127.0.0.1'
    'Smtp__Port' = '2525'
    'Smtp__Security' = 'None'
    'Smtp__UserName' = ''
    'Smtp__Password' = ''
    'Smtp__FromAddress' = (Or $env:SMTP_FROM_ADDRESS 'tracker@localhost')
    'Smtp__FromName' = (Or $env:SMTP_FROM_NAME 'Tracker')
    'Smtp__MaxConnections' = '4'
    'Smtp__MessagesPerSecond' = '0'
    'RateLimit__TokenLimit' = (Or $env:TRACKER_RATE_LIMIT_TOKENS '2000')
    'RateLimit__TokensPerPeriod' = (Or $env:TRACKER_RATE_LIMIT_REFILL '100')
    'RateLimit__ReplenishmentPeriod' = (Or $env:TRACKER_RATE_LIMIT_PERIOD '00:00:01')
    'RateLimit__TrustedProxyHops' = '0'
    'Links__ActiveKeyId' = 'local'
    'Links__Keys__local' = [Convert]::ToBase64String($bytes)
    'Links__GraceAfterClose' = (Or $env:LINK_GRACE_AFTER_CLOSE '1.00:00:00')
    'DispatchSchedule' = (Or $env:TRACKER_DISPATCH_SCHEDULE '0 */15 * * * *')
    'ModelSchedule' = (Or $env:TRACKER_MODEL_SCHEDULE '0 0 * * * *')
    'SummarySchedule' = (Or $env:TRACKER_SUMMARY_SCHEDULE '0 30 * * * *')
  }
}
$settings | ConvertTo-Json -Depth 4 | Set-Content -Path $target -Encoding utf8
Write-Host "Wrote $target (storage: $(Or $env:AZURE_STORAGE_ACCOUNT_NAME 'the deployed account'), signed in as you)."
exit $exitCode
