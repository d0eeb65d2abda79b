// The app checks a presented x-functions-key itself (the isolated worker is not told which key the host accepted),
// against the Function App's own keys, which it lists through Azure Resource Manager with its identity:
//   POST {site}/host/default/listkeys            host keys and the master key
//   POST {site}/functions/{function}/listkeys    that function's keys
// This role allows exactly those two actions and nothing else (no settings, no deployment, no key writes), and it is
// assigned on the Function App alone. Website Contributor would also allow both, with everything else on every site.

@description('Function App name (the role is assigned on it alone).')
param siteName string

@description('Name of the Function App\'s user-assigned identity.')
param appIdentityName string

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: siteName
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

// A custom role's display name must be unique in the tenant: one definition per resource group, named after it.
resource keyReader 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'Tracker key reader')
  properties: {
    roleName: 'Tracker key reader (${resourceGroup().name}, ${uniqueString(resourceGroup().id)})'
    description: 'Lists a Function App\'s host, master and function keys, so Tracker can check the key a request presents. Nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Web/sites/host/listkeys/action'
          'Microsoft.Web/sites/functions/listkeys/action'
        ]
        notActions: []
        dataActions: []
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource appKeyReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(site.id, appIdentity.id, keyReader.id)
  scope: site
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    // The subscription-level id, the form role assignments take whatever scope the definition was written from.
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyReader.name)
  }
}
