// Key Vault in RBAC mode for the two secrets Tracker has: the link-signing key(s) and the SMTP password.
// The Function App reads them through Key Vault references (@Microsoft.KeyVault(SecretUri=...)) resolved
// with its user-assigned identity; nothing secret is stored in app settings or deployment outputs.

import { tagSet } from 'types.bicep'

@description('Key Vault name (3-24 letters, digits and dashes).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags tagSet

@description('Key id under which linkSigningKey is stored, as secret "link-key-{id}". Secrets of earlier key ids stay in the vault untouched.')
param linkActiveKeyId string

@description('Base64 HMAC key (at least 32 bytes) for the active key id.')
@secure()
param linkSigningKey string

@description('SMTP password (for Azure Communication Services: the Entra app\'s client secret). Empty: no secret is written.')
@secure()
param smtpPassword string

@description('Days a deleted vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Purge protection cannot be turned off again once on; leave off for throw-away environments.')
param enablePurgeProtection bool = false

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource linkKey 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'link-key-${linkActiveKeyId}'
  properties: {
    value: linkSigningKey
    contentType: 'base64 HMAC-SHA256 key for participant links'
  }
}

resource smtpSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'SMTP password'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
@description('Name of the secret holding the active link-signing key.')
output linkKeySecretName string = linkKey.name
