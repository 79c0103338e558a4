// Kanalkoll in Azure: storage, a Flex Consumption function app with a user-assigned managed
// identity, Application Insights, and an Azure Bot (single tenant, managed identity) with the
// Teams channel. No secret anywhere: the bot and the app sign in as the managed identity.
//
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam

@description('Short name used in resource names, 3–11 lower-case letters and digits (no hyphens: it is part of the storage account name).')
@minLength(3)
@maxLength(11)
param name string = 'kanalkoll'

param location string = resourceGroup().location

@description('Entra ID tenants whose Teams may use the bot (comma-separated); normally only your own.')
param allowedTenantIds string = tenant().tenantId

@description('How the public register names who is responsible: name (name and role) or role (role and mailbox).')
@allowed(['name', 'role'])
param registerResponsible string = 'name'

@description('Entra object id of the Teams user who registers factual criticism (diarieföring); empty for none yet.')
param registrarAadObjectId string = ''

@description('Days each write-once audit blob is kept unalterable (R4: decisions are public records, kept for good). The policy is created unlocked: lock it (az storage container immutability-policy lock) once checked; a locked policy can only be lengthened.')
@minValue(1)
@maxValue(146000)
param auditImmutabilityDays int = 36500

@description('Bot Service pricing tier: F0 (free, standard channels) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

var suffix = uniqueString(resourceGroup().id)
var storageName = toLower(replace(replace('${name}${suffix}', '-', ''), '_', ''))
var appName = '${name}-${suffix}'
var tables = ['conversations', 'directory', 'assignments', 'audit', 'register', 'reports', 'duties', 'nudges', 'deadletters', 'throttle']
var queues = ['nudges', 'nudges-poison', 'effects', 'effects-poison']
// archive: the half-year snapshots and closed accounts' records; exports: files made for one person
// to download (deleted after a day); audit-trail: the write-once audit (an immutability policy below).
var containers = ['app-package', 'archive', 'exports']

// Built-in roles the app needs on its storage (identity-based connections, no keys).
var roles = {
  blobOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  metricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }

  resource blobs 'blobServices' = {
    name: 'default'
    resource container 'containers' = [for c in containers: { name: c }]
    // R4: each decision is appended to an append blob per assignment; blocks can be added, never changed or deleted.
    resource auditTrail 'containers' = {
      name: 'audit-trail'
      resource worm 'immutabilityPolicies' = {
        name: 'default'
        properties: {
          immutabilityPeriodSinceCreationInDays: auditImmutabilityDays
          allowProtectedAppendWrites: true
        }
      }
    }
  }
  // Downloads are made for one person, by a link that works 15 minutes: the files go after a day.
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'exports-after-a-day'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: { blobTypes: ['blockBlob'], prefixMatch: ['exports/'] }
              actions: { baseBlob: { delete: { daysAfterCreationGreaterThan: 1 } } }
            }
          }
        ]
      }
    }
  }
  resource queueService 'queueServices' = {
    name: 'default'
    resource queue 'queues' = [for q in queues: { name: q }]
  }
  resource tableService 'tableServices' = {
    name: 'default'
    resource table 'tables' = [for t in tables: { name: t }]
  }
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.blobOwner, roles.queueContributor, roles.tableContributor]: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: { retentionInDays: 90, sku: { name: 'PerGB2018' } }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id, DisableLocalAuth: true }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.metricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.metricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  kind: 'functionapp'
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}app-package'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
      runtime: { name: 'node', version: '20' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'KANALKOLL_ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'KANALKOLL_PUBLIC_BASE_URL', value: 'https://${appName}.azurewebsites.net' }
        { name: 'KANALKOLL_REGISTER_RESPONSIBLE', value: registerResponsible }
        { name: 'KANALKOLL_REGISTRAR_AAD_OBJECT_ID', value: registrarAadObjectId }
        // People from Entra ID (directorySync); the identity needs User.Read.All (README, Deploy).
        { name: 'KANALKOLL_GRAPH_URL', value: 'https://graph.microsoft.com' }
      ]
    }
  }
  // The app deploys from the app-package container and reports to Application Insights as its
  // identity: both must exist before it starts.
  dependsOn: [storageRoles, insightsRole, storage::blobs::container]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${appName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Kanalkoll'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }

  resource teams 'channels' = {
    name: 'MsTeamsChannel'
    location: 'global'
    properties: {
      channelName: 'MsTeamsChannel'
      properties: { isEnabled: true }
    }
  }
}

@description('For npm run package: MicrosoftAppId.')
output botId string = identity.properties.clientId
@description('For npm run package: KANALKOLL_PUBLIC_BASE_URL.')
output publicBaseUrl string = 'https://${app.properties.defaultHostName}'
output functionAppName string = app.name
output storageAccountName string = storage.name
@description('For granting Microsoft Graph User.Read.All to the function app (README, Deploy).')
output identityPrincipalId string = identity.properties.principalId
