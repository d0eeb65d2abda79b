#!/bin/sh
# azd postprovision hook: write functions/Tracker.Functions/local.settings.json so the Function App can run on
# a laptop against the storage account just provisioned. No key, no connection string: the Azure SDK signs in as
# you (az login / azd auth login / Visual Studio), and main.bicep granted the deploying user the storage data roles.
#
# Email goes to a local smtp4dev (see README), links are signed with a throw-away local key (links from a laptop
# are for trying things out, not for participants), and every timer is disabled so the laptop does not dispatch
# alongside the deployed app. An existing local.settings.json is kept as local.settings.json.bak.
set -eu

root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/functions/Tracker.Functions/local.settings.json"

for name in AZURE_STORAGE_TABLE_ENDPOINT AZURE_STORAGE_BLOB_ENDPOINT AZURE_STORAGE_QUEUE_ENDPOINT; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postprovision: $name is not set; skipping local.settings.json." >&2
    exit 0
  fi
done

if command -v openssl >/dev/null 2>&1; then
  local_key="$(openssl rand -base64 32)"
else
  local_key="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
fi

if [ -f "$target" ]; then
  cp "$target" "$target.bak"
fi

cat > "$target" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
    "AzureWebJobs.DispatchDueWaves.Disabled": "true",
    "AzureWebJobs.FitWillingnessModel.Disabled": "true",
    "AzureWebJobs.SendTrendSummaries.Disabled": "true",
    "AzureWebJobs.SealClosedWaves.Disabled": "true",
    "AzureWebJobs.SendDispatchBatch.Disabled": "true",
    "TrackerStorage__tableServiceUri": "$AZURE_STORAGE_TABLE_ENDPOINT",
    "TrackerStorage__blobServiceUri": "$AZURE_STORAGE_BLOB_ENDPOINT",
    "TrackerStorage__queueServiceUri": "$AZURE_STORAGE_QUEUE_ENDPOINT",
    "Tracker__PublicBaseUrl": "http://localhost:7071",
    "Tracker__DispatchBatchSize": "${TRACKER_DISPATCH_BATCH_SIZE:-100}",
    "Tracker__ClaimLease": "00:10:00",
    "Smtp__Host": "127.0.0.1",
    "Smtp__Port": "2525",
    "Smtp__Security": "None",
    "Smtp__UserName": "",
    "Smtp__Password": "",
    "Smtp__FromAddress": "${SMTP_FROM_ADDRESS:-tracker@localhost}",
    "Smtp__FromName": "${SMTP_FROM_NAME:-Tracker}",
    "Smtp__MaxConnections": "4",
    "Smtp__MessagesPerSecond": "0",
    "RateLimit__TokenLimit": "${RATE_LIMIT_TOKEN_LIMIT:-2000}",
    "RateLimit__TokensPerPeriod": "${RATE_LIMIT_TOKENS_PER_PERIOD:-100}",
    "RateLimit__ReplenishmentPeriod": "${RATE_LIMIT_REPLENISHMENT_PERIOD:-00:00:01}",
    "RateLimit__TrustedProxyHops": "0",
    "Links__ActiveKeyId": "local",
    "Links__Keys__local": "$local_key",
    "Links__GraceAfterClose": "${LINK_GRACE_AFTER_CLOSE:-1.00:00:00}",
    "DispatchSchedule": "${TRACKER_DISPATCH_SCHEDULE:-0 */15 * * * *}",
    "ModelSchedule": "${TRACKER_MODEL_SCHEDULE:-0 0 * * * *}",
    "SummarySchedule": "${TRACKER_SUMMARY_SCHEDULE:-0 30 * * * *}"
  }
}
JSON
echo "Wrote $target (storage: ${AZURE_STORAGE_ACCOUNT_NAME:-the deployed account}, signed in as you)."
