// The Function App on a Flex Consumption plan (FC1): dotnet-isolated 10.0, runs as the user-assigned identity,
// deploys from a blob container it reads with that identity, and reaches storage, Key Vault and Application
// Insights by identity only.
//
// appSettings below is THE list of settings the app gets in Azure. tests/Tracker.Infra.Tests compares it
// (from the compiled ARM JSON) with the configuration keys the code binds: add a setting here when the code
// gains an option, a %Schedule% placeholder or a storage connection, and the test tells you if you forgot.

import { smtpSettings, timerSchedules, linkSettings, tagSet, authSettings } from 'types.bicep'

@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags tagSet

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (storage, Application Insights and Key Vault clients select it by this id).')
param identityClientId string

@description('Primary blob endpoint of the storage account, with trailing slash.')
param blobEndpoint string

@description('Primary table endpoint of the storage account, with trailing slash.')
param tableEndpoint string

@description('Primary queue endpoint of the storage account, with trailing slash.')
param queueEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (not a secret: local auth is disabled, ingestion needs Entra).')
param applicationInsightsConnectionString string

@description('Key Vault URI, with trailing slash.')
param keyVaultUri string

@description('Whether Key Vault holds an "smtp-password" secret; if not, Smtp__Password is empty.')
param hasSmtpPassword bool

@description('Absolute URL participants\' links start with; empty for https://{the site\'s defaultHostName}.')
param publicBaseUrl string

@description('Participants per queued dispatch batch (Tracker__DispatchBatchSize).')
@minValue(1)
@maxValue(1000)
param dispatchBatchSize int

@description('Rate limit of the public (participant) endpoints per client address: burst size (RateLimit__TokenLimit).')
@minValue(1)
param rateLimitTokenLimit int

@description('Requests a client regains per replenishment period (RateLimit__TokensPerPeriod).')
@minValue(1)
param rateLimitTokensPerPeriod int

@description('The replenishment period, a .NET TimeSpan such as 00:00:01 (RateLimit__ReplenishmentPeriod).')
param rateLimitReplenishmentPeriod string

@description('SMTP provider settings.')
param smtp smtpSettings

@description('Link-signing key settings.')
param links linkSettings

@description('Timer schedules.')
param schedules timerSchedules

@description('Sign-in: the Entra ID app registration\'s client id (empty: App Service Authentication off), its tenant, and the role of each named key.')
param auth authSettings

@description('Most instances the plan scales out to (up to 1000; lower it to cap fan-out, see docs/deploy.md).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

// Until the site exists its host name is unknown: the settings in siteConfig carry the conventional one, and
// appSettingsWithHostName below replaces it with the site's defaultHostName.
var provisionalPublicBaseUrl = empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net' : publicBaseUrl
var effectivePublicBaseUrl = empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      appSettings: concat(
        [
          // The Functions host's own storage (leases, timer schedule status, keys), by identity.
          { name: 'AzureWebJobsStorage__blobServiceUri', value: blobEndpoint }
          { name: 'AzureWebJobsStorage__queueServiceUri', value: queueEndpoint }
          { name: 'AzureWebJobsStorage__tableServiceUri', value: tableEndpoint }
          { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
          { name: 'AzureWebJobsStorage__clientId', value: identityClientId }

          // Telemetry with Entra authentication (the component has local auth disabled).
          { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
          { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }

          // Tracker's data (StorageNames.Connection), by identity: the queue triggers and the app's clients.
          { name: 'TrackerStorage__tableServiceUri', value: tableEndpoint }
          { name: 'TrackerStorage__blobServiceUri', value: blobEndpoint }
          { name: 'TrackerStorage__queueServiceUri', value: queueEndpoint }
          { name: 'TrackerStorage__credential', value: 'managedidentity' }
          { name: 'TrackerStorage__clientId', value: identityClientId }

          // TrackerOptions.
          { name: 'Tracker__PublicBaseUrl', value: provisionalPublicBaseUrl }
          { name: 'Tracker__DispatchBatchSize', value: string(dispatchBatchSize) }
          // How long a send claim holds before another sender may take it over (a crash mid-send).
          { name: 'Tracker__ClaimLease', value: '00:10:00' }

          // RateLimitOptions: the participant endpoints' token bucket per client address.
          { name: 'RateLimit__TokenLimit', value: string(rateLimitTokenLimit) }
          { name: 'RateLimit__TokensPerPeriod', value: string(rateLimitTokensPerPeriod) }
          { name: 'RateLimit__ReplenishmentPeriod', value: rateLimitReplenishmentPeriod }
          // The platform's front end appends the client's address as the last X-Forwarded-For entry: one trusted hop.
          { name: 'RateLimit__TrustedProxyHops', value: '1' }

          // SmtpOptions; the password is a Key Vault reference.
          { name: 'Smtp__Host', value: smtp.host }
          { name: 'Smtp__Port', value: string(smtp.port) }
          { name: 'Smtp__Security', value: smtp.security }
          { name: 'Smtp__UserName', value: smtp.userName }
          {
            name: 'Smtp__Password'
            value: hasSmtpPassword ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/smtp-password)' : ''
          }
          { name: 'Smtp__FromAddress', value: smtp.fromAddress }
          { name: 'Smtp__FromName', value: smtp.fromName }
          { name: 'Smtp__MaxConnections', value: string(smtp.maxConnections) }
          { name: 'Smtp__MessagesPerSecond', value: smtp.messagesPerSecond }

          // LinkOptions (the keys follow, one Key Vault reference per key id).
          { name: 'Links__ActiveKeyId', value: links.activeKeyId }
          { name: 'Links__GraceAfterClose', value: links.graceAfterClose }

          // The principal header is believed only where App Service Authentication is on to write it (and strip a client's copy).
          { name: 'Tracker__Auth__TrustPlatformPrincipal', value: string(!empty(auth.clientId)) }
          { name: 'Tracker__Auth__TenantId', value: auth.tenantId }
          // Where the dashboard's refusal sends a browser to sign in: App Service Authentication's Microsoft provider.
          { name: 'Tracker__Auth__SignInPath', value: '/.auth/login/aad' }
          // A presented x-functions-key is checked by the app against this site's own keys, which it lists through
          // Resource Manager with its identity (the role in key-reader.bicep allows only that). The site's id is known
          // before the site exists: resourceId() is what site.id is.
          { name: 'Tracker__Auth__HostKeys__SiteResourceId', value: resourceId('Microsoft.Web/sites', name) }
          { name: 'Tracker__Auth__HostKeys__ClientId', value: identityClientId }
          { name: 'Tracker__Auth__HostKeys__ManagementEndpoint', value: environment().resourceManager }

          // Timer schedules (%Name% placeholders in [TimerTrigger] attributes).
          { name: 'DispatchSchedule', value: schedules.dispatch }
          { name: 'ModelSchedule', value: schedules.model }
          { name: 'SummarySchedule', value: schedules.summary }
        ],
        map(links.keyIds, keyId => {
          name: 'Links__Keys__${keyId}'
          // Versionless secret URI: a new secret version is picked up without touching the setting.
          value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/link-key-${keyId})'
        }),
        map(items(auth.keyRoles), keyRole => {
          name: 'Tracker__Auth__KeyRoles__${keyRole.key}'
          value: string(keyRole.value)
        })
      )
    }
  }
}

// No publishing with user names and passwords: azd deploys with an Entra token.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// FTP: Flex Consumption has no FTP endpoint (ftpsState is among the site properties its documentation lists as
// deprecated), so there is nothing to switch off beyond the scm basic-auth policy above.

// Participants' links start with the site's real host name, which Azure assigns (a unique default host name is not
// always {name}.azurewebsites.net), so it is set once the site exists: the settings above as they now stand, plus
// Tracker__PublicBaseUrl from defaultHostName.
resource appSettingsWithHostName 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(list('${site.id}/config/appsettings', '2025-03-01').properties, {
    Tracker__PublicBaseUrl: effectivePublicBaseUrl
  })
}

// App Service Authentication ("Easy Auth") with the Microsoft identity provider. Anonymous requests pass through:
// participant links, opt-out and unsubscribe pages stay public, and each admin function decides by the caller's role.
resource authSettingsV2 'Microsoft.Web/sites/config@2025-03-01' = if (!empty(auth.clientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${auth.tenantId}/v2.0'
          clientId: auth.clientId
        }
        validation: {
          allowedAudiences: [
            'api://${auth.clientId}'
            auth.clientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output publicBaseUrl string = effectivePublicBaseUrl
