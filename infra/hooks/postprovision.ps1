# azd postprovision hook (Windows): see postprovision.sh, which this mirrors.
$ErrorActionPreference = 'Stop'

$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$target = Join-Path $root 'functions/Tracker.Functions/local.settings.json'

foreach ($name in 'AZURE_STORAGE_TABLE_ENDPOINT', 'AZURE_STORAGE_BLOB_ENDPOINT', 'AZURE_STORAGE_QUEUE_ENDPOINT') {
  if (-not [Environment]::GetEnvironmentVariable($name)) {
    Write-Warning "postprovision: $name is not set; skipping local.settings.json."
    exit 0
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
    'RateLimit__TokenLimit' = (Or $env:RATE_LIMIT_TOKEN_LIMIT '2000')
    'RateLimit__TokensPerPeriod' = (Or $env:RATE_LIMIT_TOKENS_PER_PERIOD '100')
    'RateLimit__ReplenishmentPeriod' = (Or $env:RATE_LIMIT_REPLENISHMENT_PERIOD '00:00:01')
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
