// Tracker on Azure: `azd up` provisions this (subscription scope: it creates the resource group) and then
// deploys functions/Tracker.Functions to the Function App. See docs/deploy.md.
targetScope = 'subscription'

import { keyRoleMap } from 'app/types.bicep'

// ---------------------------------------------------------------- azd
@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for every resource (one that offers the Flex Consumption plan).')
param location string

@description('Object id of the deploying user (azd fills in AZURE_PRINCIPAL_ID); empty to grant people nothing.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

// ---------------------------------------------------------------- the app
@description('Absolute URL participants\' links start with (a custom domain); empty for https://{function app}.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Participants per queued dispatch batch.')
@minValue(1)
@maxValue(1000)
param dispatchBatchSize int = 100

@description('Requests one client address may make to the participant pages at once (a token bucket; docs/reliability.md).')
@minValue(1)
param rateLimitTokenLimit int = 2000

@description('Requests a client address regains every rateLimitReplenishmentPeriod.')
@minValue(1)
param rateLimitTokensPerPeriod int = 100

@description('How often the bucket refills, as a .NET TimeSpan (00:00:01 is one second).')
param rateLimitReplenishmentPeriod string = '00:00:01'

@description('NCRONTAB (six fields, UTC) of DispatchDueWaves: how often due waves are looked for.')
param dispatchSchedule string = '0 */15 * * * *'

@description('NCRONTAB (six fields, UTC) of FitWillingnessModel: how often panels with new responses are modelled.')
param modelSchedule string = '0 0 * * * *'

@description('NCRONTAB (six fields, UTC) of SendTrendSummaries: how often closed waves are looked for (each summary goes out once).')
param summarySchedule string = '0 30 * * * *'

// ---------------------------------------------------------------- email
@description('SMTP host: smtp.azurecomm.net for Azure Communication Services, or any provider\'s relay.')
param smtpHost string = 'smtp.azurecomm.net'

@description('SMTP port.')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('Transport security (MailKit SecureSocketOptions).')
@allowed([
  'None'
  'Auto'
  'StartTls'
  'StartTlsWhenAvailable'
  'SslOnConnect'
])
param smtpSecurity string = 'StartTls'

@description('SMTP user name (ACS: "<resource>.<entra app id>.<tenant id>" or an SMTP username of the resource).')
param smtpUserName string = ''

@description('SMTP password (ACS: the Entra app\'s client secret); stored in Key Vault only.')
@secure()
param smtpPassword string = ''

@description('Sender address (ACS: an address of a domain connected to the Communication Services resource).')
@minLength(3)
param smtpFromAddress string

@description('Sender display name.')
param smtpFromName string = 'Tracker'

@description('SMTP connections that send at once, per instance.')
@minValue(1)
@maxValue(32)
param smtpMaxConnections int = 4

@description('Upper bound on messages per second (0 = unlimited).')
param smtpMessagesPerSecond string = '5'

// ---------------------------------------------------------------- participant links
@description('Key id new links are signed with; its key is stored as Key Vault secret "link-key-{id}". At most 32 characters: the app refuses longer ids at start.')
@minLength(1)
@maxLength(32)
param linkActiveKeyId string = 'k1'

@description('Comma-separated key ids whose links must still verify (their secrets stay in Key Vault); the active id is always included.')
param linkKeyIds string = ''

@description('Base64 HMAC key, at least 32 bytes, for linkActiveKeyId (the preprovision hook generates one once per environment).')
@secure()
@minLength(44)
param linkSigningKey string

@description('How long after a wave closes its links stop verifying (d.hh:mm:ss).')
param linkGraceAfterClose string = '1.00:00:00'

// ---------------------------------------------------------------- sizing
@description('Most instances the Flex Consumption app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Turn on Key Vault purge protection (cannot be turned off again).')
param keyVaultPurgeProtection bool = false

@description('Client id of the Entra ID app registration people sign in with (set by infra/hooks/app-registration.sh); empty leaves App Service Authentication off.')
param authClientId string = ''

@description('The role each named function or host key acts with, e.g. { "ci": "analyst" } (Tracker__Auth__KeyRoles__*); a key not listed acts as manager.')
param keyRoles keyRoleMap = {}

var tags = {
  'azd-env-name': environmentName
  app: 'tracker'
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var names = {
  functionApp: 'func-tracker-${resourceToken}'
  plan: 'plan-tracker-${resourceToken}'
  identity: 'id-tracker-${resourceToken}'
  logAnalytics: 'log-tracker-${resourceToken}'
  applicationInsights: 'appi-tracker-${resourceToken}'
  storage: 'sttracker${take(resourceToken, 15)}'
  deploymentContainer: 'app-package-${take(resourceToken, 13)}'
  keyVault: 'kv-tracker-${take(resourceToken, 13)}'
}

// What the app uses: functions/Tracker.Engine/Storage/StorageNames.cs (the infra test keeps these equal).
var storageTables = [
  'panels'
  'waves'
  'participants'
  'contacts'
  'invitations'
  'responses'
  'summaries'
  'sendrate'
  'consents'
  'audit'
]
var storageContainers = [
  'sealed-waves'
  'models'
]
var storageQueues = [
  'dispatch-batches'
  'dispatch-batches-poison'
]

var allLinkKeyIds = union(filter(map(split(linkKeyIds, ','), id => trim(id)), id => !empty(id)), [linkActiveKeyId])

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    tables: storageTables
    containers: storageContainers
    queues: storageQueues
    deploymentContainerName: names.deploymentContainer
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    linkActiveKeyId: linkActiveKeyId
    linkSigningKey: linkSigningKey
    smtpPassword: smtpPassword
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module access 'app/access.bicep' = {
  scope: rg
  // Names are passed as known-at-start values (for what-if), so the order is explicit.
  dependsOn: [
    identity
    storage
    monitoring
    keyVault
  ]
  params: {
    appIdentityName: names.identity
    userPrincipalId: principalId
    userPrincipalType: principalType
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
  }
}

module functionApp 'app/functions.bicep' = {
  scope: rg
  // The app resolves Key Vault references and opens storage as soon as it starts: grant first.
  dependsOn: [
    access
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    hasSmtpPassword: !empty(smtpPassword)
    publicBaseUrl: publicBaseUrl
    dispatchBatchSize: dispatchBatchSize
    rateLimitTokenLimit: rateLimitTokenLimit
    rateLimitTokensPerPeriod: rateLimitTokensPerPeriod
    rateLimitReplenishmentPeriod: rateLimitReplenishmentPeriod
    smtp: {
      host: smtpHost
      port: smtpPort
      security: smtpSecurity
      userName: smtpUserName
      fromAddress: smtpFromAddress
      fromName: smtpFromName
      maxConnections: smtpMaxConnections
      messagesPerSecond: smtpMessagesPerSecond
    }
    links: {
      activeKeyId: linkActiveKeyId
      keyIds: allLinkKeyIds
      graceAfterClose: linkGraceAfterClose
    }
    schedules: {
      dispatch: dispatchSchedule
      model: modelSchedule
      summary: summarySchedule
    }
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    auth: {
      clientId: authClientId
      tenantId: tenant().tenantId
      keyRoles: keyRoles
    }
  }
}

// The app lists its own keys (to check a presented x-functions-key) with a role that allows only that, on the app alone.
module keyReader 'app/key-reader.bicep' = {
  scope: rg
  // Names are passed as known-at-start values (for what-if), so the order is explicit.
  dependsOn: [
    functionApp
  ]
  params: {
    siteName: names.functionApp
    appIdentityName: names.identity
  }
}

// ---------------------------------------------------------------- outputs (azd stores them in .azure/<env>/.env)
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_FUNCTION_APP_PUBLIC_BASE_URL string = functionApp.outputs.publicBaseUrl
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_LINK_KEY_SECRET_NAME string = keyVault.outputs.linkKeySecretName
output TRACKER_AUTH_CLIENT_ID string = authClientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
