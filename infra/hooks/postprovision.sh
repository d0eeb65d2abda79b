#!/bin/sh
# azd postprovision hook: write functions/Tracker.Functions/local.settings.json so the Function App can run on
# a laptop against the storage account just provisioned. No key, no connection string: the Azure SDK signs in as
# you (az login / azd auth login / Visual Studio), and main.bicep granted the deploying user the storage data roles.
#
# Email goes to a local smtp4dev (see README), links are signed with a throw-away local key (links from a laptop
# are for trying things out, not for participants), and every timer is disabled so the laptop does not dispatch
# alongside the deployed app. An existing local.settings.json is kept as local.settings.json.bak.
set -eu

# Key Vault references (Links__Keys__*, Smtp__Password) resolve with the app's identity, whose role assignment can take
# minutes to reach Key Vault after the first provision. An unresolved reference leaves its literal text in the setting
# and the worker refuses to start, so ask App Service for the references' status, refresh them while any is unresolved,
# and stop with the names and reasons if they do not resolve. TRACKER_HOOK_REFERENCE_ATTEMPTS and
# TRACKER_HOOK_REFERENCE_DELAY_SECONDS tune the wait (default 10 × 30 s).
check_key_vault_references() {
  for name in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME; do
    eval "value=\${$name:-}"
    if [ -z "$value" ]; then
      echo "postprovision: $name is not set; skipping the Key Vault reference check." >&2
      return 0
    fi
  done
  if ! command -v az >/dev/null 2>&1; then
    echo "postprovision: the Azure CLI (az) is not installed; cannot check that the app's Key Vault references resolve." >&2
    echo "  Check them in the portal (Function App > Environment variables: each Key Vault reference shows its status)." >&2
    return 0
  fi

  site="/subscriptions/$AZURE_SUBSCRIPTION_ID/resourceGroups/$AZURE_RESOURCE_GROUP/providers/Microsoft.Web/sites/$AZURE_FUNCTION_APP_NAME"
  api="api-version=2022-03-01"
  attempts="${TRACKER_HOOK_REFERENCE_ATTEMPTS:-10}"
  delay="${TRACKER_HOOK_REFERENCE_DELAY_SECONDS:-30}"
  attempt=1
  while :; do
    if ! unresolved="$(az rest --only-show-errors --method get --url "$site/config/configreferences/appsettings?$api" \
      --query "value[?properties.status != 'Resolved'].[name, properties.status, properties.details]" --output tsv)"; then
      echo "postprovision: could not read the Key Vault reference status of $AZURE_FUNCTION_APP_NAME (see the error above)." >&2
      return 1
    fi
    if [ -z "$unresolved" ]; then
      echo "Key Vault references of $AZURE_FUNCTION_APP_NAME: all resolved."
      return 0
    fi
    if [ "$attempt" -ge "$attempts" ]; then
      break
    fi
    echo "Key Vault references of $AZURE_FUNCTION_APP_NAME: $(printf '%s\n' "$unresolved" | cut -f1 | tr '\n' ' ')not resolved yet (attempt $attempt of $attempts); refreshing in ${delay}s."
    sleep "$delay"
    # The refresh API makes App Service fetch every referenced secret again now (otherwise it retries on its own schedule).
    az rest --only-show-errors --method post --url "$site/config/configreferences/appsettings/refresh?$api" --output none || true
    attempt=$((attempt + 1))
  done

  {
    echo "postprovision: these Key Vault references of $AZURE_FUNCTION_APP_NAME did not resolve (setting, status, details):"
    printf '%s\n' "$unresolved" | sed 's/^/    /'
    echo "  The worker will not start with an unresolved link key. Check that the app's identity has Key Vault Secrets User"
    echo "  on the vault and that each secret exists, then refresh: az rest --method post --url \"$site/config/configreferences/appsettings/refresh?$api\""
  } >&2
  return 1
}

references_ok=0
check_key_vault_references || references_ok=1

root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/functions/Tracker.Functions/local.settings.json"

for name in AZURE_STORAGE_TABLE_ENDPOINT AZURE_STORAGE_BLOB_ENDPOINT AZURE_STORAGE_QUEUE_ENDPOINT; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postprovision: $name is not set; skipping local.settings.json." >&2
    exit "$references_ok"
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
    "AzureWebJobs.SendRetentionNotices.Disabled": "true",
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
    "RateLimit__TokenLimit": "${TRACKER_RATE_LIMIT_TOKENS:-2000}",
    "RateLimit__TokensPerPeriod": "${TRACKER_RATE_LIMIT_REFILL:-100}",
    "RateLimit__ReplenishmentPeriod": "${TRACKER_RATE_LIMIT_PERIOD:-00:00:01}",
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
exit "$references_ok"
